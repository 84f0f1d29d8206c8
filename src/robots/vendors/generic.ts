import { createHmac } from 'node:crypto';
import { RobotAnswer } from '../robot-vendor';
import { ComposedMessage } from '../robot-text';
import { httpProblem, OK_EXPLANATION } from './answers';
import { plainLines } from './plain-text';
import { JSON_HEADERS, utf8Bytes, VendorAdapter } from './vendor-adapter';

export const SIGNATURE_HEADER = 'x-rectify-signature';
export const DELIVERY_HEADER = 'x-rectify-delivery';

const MAX_BODY_BYTES = 64 * 1024;

/** Hex HMAC-SHA256 of the exact body bytes, keyed by the robot's secret: what the office's receiver recomputes. */
export function genericSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** The robot-style text most receivers can forward as is, plus the items as data for integrations that want them. */
export function genericPayload(message: ComposedMessage, deliveryId: string): Record<string, unknown> {
  return {
    msgtype: 'text',
    text: { content: plainLines(message).join('\n') },
    deliveryId,
    title: message.title,
    items: message.items,
    mentionedMobiles: message.people.flatMap((person) => (person.mobile ? [person.mobile] : [])),
  };
}

/** Only the HTTP status counts: the office's own integration answers 2xx when it has the message. */
export function readGenericAnswer(
  status: number,
  _body: string,
  _windowMs: number,
  retryAfterMs?: number,
): RobotAnswer {
  return httpProblem(status, retryAfterMs) ?? { ok: true, code: status, explanation: OK_EXPLANATION };
}

export const generic: VendorAdapter = {
  fits: (message) => utf8Bytes(JSON.stringify(genericPayload(message, ''))) <= MAX_BODY_BYTES,
  request: (url, secret, message, { deliveryId }) => {
    const body = JSON.stringify(genericPayload(message, deliveryId));
    return {
      url,
      headers: {
        ...JSON_HEADERS,
        [DELIVERY_HEADER]: deliveryId,
        ...(secret ? { [SIGNATURE_HEADER]: genericSignature(body, secret) } : {}),
      },
      body,
    };
  },
  answer: readGenericAnswer,
};
