import { Injectable, Logger } from '@nestjs/common';
import { AUTH_CACHE_TTL_MS, AuthCache } from './auth-cache';
import { IdentityRedis } from './identity-redis';

/**
 * Tells every API process that a user's account changed (role, unit, active, password, sessions), so each drops
 * its cached copy at once (AccountChangeSubscriber listens). Called after the change has committed.
 */
@Injectable()
export class AccountChanges {
  private readonly logger = new Logger('AccountChanges');
  readonly channel: string;

  constructor(
    private readonly cache: AuthCache,
    private readonly redis: IdentityRedis,
  ) {
    this.channel = redis.key('auth', 'account-changed');
  }

  async announce(userId: string): Promise<void> {
    this.cache.invalidate(userId);
    try {
      await (await this.redis.client()).publish(this.channel, userId);
    } catch (error) {
      // The change itself is committed; other processes then see it when their copy expires (AUTH_CACHE_TTL_MS).
      this.logger.warn(
        { err: error, userId },
        `Redis 不可用，账号变更未能通知其他进程，它们缓存的账号将在 ${AUTH_CACHE_TTL_MS / 1000} 秒内过期`,
      );
    }
  }
}
