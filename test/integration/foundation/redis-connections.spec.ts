import { Socket } from 'node:net';
import { TEST_REDIS_URL } from '../../support/test-env';
import { TestApp, testRuntime } from '../../support/test-app';
import { waitFor } from '../../support/wait-for';

const REDIS_PORT = Number(new URL(TEST_REDIS_URL).port || 6379);

/** This process's sockets to Redis that are still open. */
function openRedisSockets(): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter(
    (handle) => handle instanceof Socket && !handle.destroyed && handle.remotePort === REDIS_PORT,
  ).length;
}

describe('Redis connections of a closed application', () => {
  test('an api-and-worker application closes every Redis connection it opened, the queues’ included', async () => {
    const before = openRedisSockets();
    const app = await TestApp.start(testRuntime('all'));
    expect((await app.get('/health')).status).toBe(200);
    expect(openRedisSockets()).toBeGreaterThan(before);
    await app.close();
    await waitFor(async () => openRedisSockets() <= before, 30_000, 'Redis 连接全部关闭');
    expect(openRedisSockets()).toBe(before);
  });
});
