import IORedis from 'ioredis';
import { INestApplicationContext } from '@nestjs/common';
import { JobProducer } from '../../../src/queue/job-producer';
import { WorkerHeartbeatService } from '../../../src/queue/worker-heartbeat.service';
import { startWorker, TestApp } from '../../support/test-app';
import { TEST_REDIS_URL, testQueuePrefix } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';

describe('worker mode', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  const redis = new IORedis(TEST_REDIS_URL);

  beforeAll(async () => {
    api = await TestApp.start();
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    redis.disconnect();
  });

  it('processes a job that the api process put on the queue', async () => {
    const key = WorkerHeartbeatService.key(testQueuePrefix());
    await redis.del(key);
    const requestedAt = new Date().toISOString();
    await api.app.get(JobProducer).enqueue('system.heartbeat', { requestedAt });

    // On a loaded machine the freshly started worker can take seconds to pick up its first job.
    const stamp = await waitFor(async () => {
      const value = await redis.get(key);
      return value?.includes(requestedAt) ? value : undefined;
    });
    expect(JSON.parse(stamp)).toMatchObject({ requestedAt, pid: process.pid });
  });
});
