import { Injectable } from '@nestjs/common';
import { IdentityRedis } from './identity-redis';

/**
 * Signed-out tokens (their jti) and sessions (their sid) per user, in Redis until every token they cover has
 * expired. Read once per cached account (see Authenticator), not per request.
 */
@Injectable()
export class TokenDenyList {
  constructor(private readonly redis: IdentityRedis) {}

  async revoke(userId: string, ids: string[], forSeconds: number): Promise<void> {
    if (!ids.length) return;
    const key = this.key(userId);
    const now = Date.now();
    const until = now + forSeconds * 1000;
    // Every entry lives as long as the newest, so the key's expiry is simply the latest one set.
    await (
      await this.redis.client()
    )
      .multi()
      .zadd(key, ...ids.flatMap((id) => [until, id]))
      .zremrangebyscore(key, '-inf', now)
      .pexpireat(key, until)
      .exec();
  }

  async revokedOf(userId: string): Promise<Set<string>> {
    return new Set(await (await this.redis.client()).zrangebyscore(this.key(userId), Date.now(), '+inf'));
  }

  private key(userId: string): string {
    return this.redis.key('auth', 'revoked', userId);
  }
}
