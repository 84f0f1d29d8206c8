import { Inject, Injectable } from '@nestjs/common';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { RobotAnswer, RobotTarget } from './robot-vendor';
import { ComposedMessage } from './robot-text';
import { VENDOR_ADAPTERS } from './vendors';

/** Posts one message to one robot as its vendor documents, and reads the answer; never throws. */
@Injectable()
export class RobotSender {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async send(target: RobotTarget, message: ComposedMessage, deliveryId: string): Promise<RobotAnswer> {
    const { WEBHOOK_TIMEOUT_MS, ROBOT_RATE_WINDOW_MS } = this.runtime.config;
    const adapter = VENDOR_ADAPTERS[target.vendor];
    const request = adapter.request(target.url, target.secret, message, { now: new Date(), deliveryId });
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        // A robot never redirects; following one would post the reminder (and signature) somewhere unvetted.
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      const body = await response.text();
      return adapter.answer(response.status, body, ROBOT_RATE_WINDOW_MS, retryAfterMs(response.headers));
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return {
        ok: false,
        kind: 'transient',
        code: null,
        explanation: timedOut
          ? `机器人接口在 ${WEBHOOK_TIMEOUT_MS} 毫秒内没有应答，稍后自动重试`
          : '无法连接机器人接口（网络不通或域名无法解析），稍后自动重试',
        vendorMessage: (error as Error).message,
      };
    }
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
