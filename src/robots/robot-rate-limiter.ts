import { randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { createRedisConnection } from '../runtime/redis-connection';
import { Runtime, RUNTIME } from '../runtime/runtime';

/**
 * A sliding log per robot in Redis, so every worker shares one count: at most `limit` sends in any `window` ms.
 * Times come from Redis (TIME), not from each worker's clock. Returns 0 when a send may go now, else how many ms to
 * wait. A robot the vendor has throttled is blocked outright until the vendor's penalty is over.
 */
const ACQUIRE = `
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return blocked - now end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

const BLOCK = `
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
if until_ms > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], until_ms, 'PX', ARGV[1])
end
return until_ms
`;

/**
 * Requests reach the vendor some milliseconds after the limiter grants them, and not in the order granted; a vendor
 * counting arrivals could then see one more than `limit` in its window. Granting against a slightly longer window
 * keeps the arrivals inside the vendor's limit.
 */
export function effectiveWindowMs(windowMs: number): number {
  return windowMs + Math.max(1000, Math.ceil(windowMs * 0.05));
}

type LimiterRedis = IORedis & {
  robotAcquire(
    sends: string,
    blocked: string,
    limit: number,
    window: number,
    member: string,
  ): Promise<number>;
  robotBlock(blocked: string, ms: number): Promise<number>;
};

@Injectable()
export class RobotRateLimiter implements OnModuleDestroy {
  private readonly redis: LimiterRedis;
  private readonly prefix: string;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    const redis = createRedisConnection(runtime.redisUrl, 'cache');
    redis.defineCommand('robotAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('robotBlock', { numberOfKeys: 1, lua: BLOCK });
    this.redis = redis as LimiterRedis;
    this.prefix = `${runtime.config.QUEUE_PREFIX}:robot-rate`;
  }

  /** 0: send now (the send is counted); otherwise the ms until a send may go. */
  async acquire(robotKey: string): Promise<number> {
    const { ROBOT_RATE_LIMIT, ROBOT_RATE_WINDOW_MS } = this.runtime.config;
    const redis = await this.client();
    const member = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    return redis.robotAcquire(
      this.key(robotKey, 'sends'),
      this.key(robotKey, 'blocked'),
      ROBOT_RATE_LIMIT,
      effectiveWindowMs(ROBOT_RATE_WINDOW_MS),
      member,
    );
  }

  /** After the vendor's "too fast": no worker sends to this robot for `ms`. */
  async block(robotKey: string, ms: number): Promise<void> {
    await (await this.client()).robotBlock(this.key(robotKey, 'blocked'), Math.max(1, Math.round(ms)));
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private async client(): Promise<LimiterRedis> {
    if (this.redis.status === 'wait') await this.redis.connect();
    return this.redis;
  }

  private key(robotKey: string, part: 'sends' | 'blocked'): string {
    return `${this.prefix}:${robotKey}:${part}`;
  }
}
