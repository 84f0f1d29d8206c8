import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Runtime, RUNTIME } from '../../runtime/runtime';
import { DeliverableNotification, NotificationChannel, Recipient } from './notification-channel';

export const SIGNATURE_HEADER = 'x-rectify-signature';
/** The delivery id, also in the body as `deliveryId`: a receiver that keeps the ids it has seen drops repeats. */
export const DELIVERY_HEADER = 'x-rectify-delivery';

export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** A WeCom/DingTalk-style group robot: a text message, signed so the receiver can check where it came from. */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async deliver(notification: DeliverableNotification, recipient: Recipient): Promise<void> {
    const { WEBHOOK_URL, WEBHOOK_SECRET, WEBHOOK_TIMEOUT_MS } = this.runtime.config;
    const body = JSON.stringify({
      msgtype: 'text',
      text: { content: `【${notification.title}】${recipient.displayName}：${notification.body}` },
      deliveryId: notification.deliveryId,
    });
    const response = await fetch(WEBHOOK_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [SIGNATURE_HEADER]: signBody(body, WEBHOOK_SECRET),
        [DELIVERY_HEADER]: notification.deliveryId,
      },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`机器人接口返回 HTTP ${response.status}`);
  }
}
