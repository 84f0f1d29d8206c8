import { HttpStatus, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { DomainError } from '../common/domain-error';
import { createRedisConnection } from '../queue/redis-connection';
import { Runtime, RUNTIME } from '../runtime/runtime';

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** Counts failed logins per username + IP in Redis, so every API process shares the same limit. */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    this.redis = createRedisConnection(runtime.redisUrl, 'cache');
    this.prefix = `${runtime.config.QUEUE_PREFIX}:login-failures`;
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const failures = Number(await (await this.client()).get(this.key(username, ip))) || 0;
    if (failures >= MAX_LOGIN_FAILURES) {
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        '登录失败次数过多，请 15 分钟后再试',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const key = this.key(username, ip);
    // The window starts at the first failure and is not extended by later ones.
    await (await this.client()).multi().incr(key).expire(key, LOGIN_WINDOW_SECONDS, 'NX').exec();
  }

  async reset(username: string, ip: string): Promise<void> {
    await (await this.client()).del(this.key(username, ip));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  /** The connection is lazy and has no offline queue, so a Redis outage fails logins fast instead of hanging them. */
  private async client(): Promise<IORedis> {
    if (this.redis.status === 'wait') await this.redis.connect();
    return this.redis;
  }

  private key(username: string, ip: string): string {
    return `${this.prefix}:${username.toLowerCase()}:${ip}`;
  }
}
