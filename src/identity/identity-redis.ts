import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { createRedisConnection } from '../runtime/redis-connection';
import { Runtime, RUNTIME } from '../runtime/runtime';

/**
 * Identity's Redis connection (login and username-conflict limits, the token deny-list, account-change
 * announcements), shared by every API process. Lazy and without an offline queue: while Redis is down, calls fail
 * at once ("Connection is closed." / "Stream isn't writeable…", answered 503 QUEUE_UNAVAILABLE) instead of hanging.
 */
@Injectable()
export class IdentityRedis implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly prefix: string;
  private firstConnect?: Promise<void>;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.redis = createRedisConnection(runtime.redisUrl, 'cache');
    // Connection errors reach the callers of each command; the event would only repeat them.
    this.redis.on('error', () => undefined);
    this.prefix = runtime.config.QUEUE_PREFIX;
  }

  /**
   * Callers that arrive while the first connection is being made wait for it: without an offline queue their
   * commands would otherwise fail as if Redis were down. Later reconnects are not waited for.
   */
  async client(): Promise<IORedis> {
    if (this.redis.status === 'wait')
      this.firstConnect = this.redis.connect().finally(() => (this.firstConnect = undefined));
    if (this.firstConnect) await this.firstConnect;
    return this.redis;
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
