import { deferredUntil, RetryLaterError } from '../../../src/queue/retry-later';

describe('deferredUntil', () => {
  const error = new RetryLaterError('通知尚未提交', 2_000, 60_000);
  const created = 1_000_000;

  it('puts a young job back for retryInMs', () => {
    expect(deferredUntil(error, created, created + 10)).toBe(created + 10 + 2_000);
    expect(deferredUntil(error, created, created + 59_999)).toBe(created + 59_999 + 2_000);
  });

  it('lets the failure count once the grace period is over', () => {
    expect(deferredUntil(error, created, created + 60_000)).toBeUndefined();
  });

  it('never defers other errors', () => {
    expect(deferredUntil(new Error('机器人接口返回 HTTP 500'), created, created + 10)).toBeUndefined();
  });
});
