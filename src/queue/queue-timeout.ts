import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

/**
 * The queue's Redis connection waits for Redis to come back rather than failing a command (so workers survive a
 * restart); a caller that must not wait that long races the command against this timeout.
 */
export class QueueUnavailableError extends DomainError {
  constructor(ms: number) {
    super(
      'QUEUE_UNAVAILABLE',
      `任务队列（Redis）在 ${ms} 毫秒内未响应，请稍后重试`,
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

export function withQueueTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
