import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { JobRegistry } from './job-registry';
import { QueueName } from './jobs';
import { createRedisConnection } from '../runtime/redis-connection';

export const HEARTBEAT_EVERY_MS = 30_000;

/** Worker processes stamp a Redis key on a schedule, so /health can tell whether any worker is alive. */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly key: string;

  constructor(
    registry: JobRegistry,
    @InjectQueue(QueueName.System) private readonly systemQueue: Queue,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.redis = createRedisConnection(runtime.redisUrl, 'cache');
    this.redis.on('error', () => undefined);
    this.key = WorkerHeartbeatService.key(runtime.config.QUEUE_PREFIX);
    registry.register('system.heartbeat', async (payload) => {
      await this.record(payload.requestedAt);
      return { recordedAt: new Date().toISOString() };
    });
  }

  static key(prefix: string): string {
    return `${prefix}:worker-heartbeat`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.systemQueue.upsertJobScheduler(
      'system.heartbeat',
      { every: HEARTBEAT_EVERY_MS },
      { name: 'system.heartbeat', data: { requestedAt: 'scheduled' } },
    );
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private async record(requestedAt: string): Promise<void> {
    await this.redis.set(
      this.key,
      JSON.stringify({ at: new Date().toISOString(), requestedAt, pid: process.pid }),
    );
  }
}
