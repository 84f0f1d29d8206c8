import { RobotAnswer, RobotRequest } from '../robot-vendor';
import { ComposedMessage } from '../robot-text';

export interface SendContext {
  now: Date;
  /** Stable across retries of the same batch (receivers may deduplicate on it). */
  deliveryId: string;
}

/** One vendor's documented protocol: message format, signature, size limit and the meaning of its answers. */
export interface VendorAdapter {
  /** Whether the vendor accepts the message at this size (its content limits are in UTF-8 bytes). */
  fits(message: ComposedMessage): boolean;
  request(url: string, secret: string | null, message: ComposedMessage, context: SendContext): RobotRequest;
  /** `windowMs` scales the vendor's too-fast penalty (one rate window is a minute in production). */
  answer(status: number, body: string, windowMs: number, retryAfterMs?: number): RobotAnswer;
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
