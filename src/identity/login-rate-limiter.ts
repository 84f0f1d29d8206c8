import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { IdentityRedis } from './identity-redis';

/**
 * Login attempts per account and per client address, counted in Redis (shared by every API process) BEFORE the
 * password is checked: each attempt takes its number atomically, so however many guesses arrive in parallel, at most
 * the limit of them are ever checked. A window starts with the first attempt and is not extended by later ones.
 *
 * A success clears the account's counter (its owner proved the password; earlier failures against it no longer
 * count) but only gives the address back its own attempt: the address keeps counting its failures, so whoever
 * guesses at other accounts cannot wipe the count by signing in to one of their own, and an office behind one
 * address is not locked out by its colleagues' successful logins.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windowSeconds: number;
  private readonly accountLimit: number;
  private readonly addressLimit: number;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly redis: IdentityRedis,
  ) {
    this.windowSeconds = runtime.config.LOGIN_WINDOW_SECONDS;
    this.accountLimit = runtime.config.LOGIN_ATTEMPTS_PER_ACCOUNT;
    this.addressLimit = runtime.config.LOGIN_ATTEMPTS_PER_ADDRESS;
  }

  /** Counts one attempt; 429 TOO_MANY_LOGIN_ATTEMPTS when either counter is past its limit. */
  async consume(username: string, address: string): Promise<void> {
    const account = this.accountKey(username);
    const from = this.addressKey(address);
    const results = await (
      await this.redis.client()
    )
      .multi()
      .incr(account)
      .expire(account, this.windowSeconds, 'NX')
      .incr(from)
      .expire(from, this.windowSeconds, 'NX')
      .exec();
    const [accountCount, addressCount] = [results?.[0]?.[1], results?.[2]?.[1]].map(Number);
    if (!(accountCount <= this.accountLimit && addressCount <= this.addressLimit)) {
      const minutes = Math.ceil(this.windowSeconds / 60);
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        `登录尝试次数过多，请 ${minutes} 分钟后再试`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async succeeded(username: string, address: string): Promise<void> {
    const from = this.addressKey(address);
    // Should the window have ended meanwhile, DECR makes a new key: the expiry keeps it from living forever.
    await (
      await this.redis.client()
    )
      .multi()
      .del(this.accountKey(username))
      .decr(from)
      .expire(from, this.windowSeconds, 'NX')
      .exec();
  }

  private accountKey(username: string): string {
    return this.redis.key('login-attempts', 'account', username.toLowerCase());
  }

  private addressKey(address: string): string {
    return this.redis.key('login-attempts', 'address', address);
  }
}
