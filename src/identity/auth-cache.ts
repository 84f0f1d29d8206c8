import type { ActiveAccount } from './user.repository';

/** What authentication needs about a user between database reads; null means "no active account". */
export interface CachedAccount {
  account: ActiveAccount | null;
  /** Token ids (jti) and session ids (sid) signed out before their tokens expire. */
  revoked: ReadonlySet<string>;
}

export const AUTH_CACHE_TTL_MS = 30_000;
export const AUTH_CACHE_CAPACITY = 10_000;

/**
 * Accounts by user id, kept for a short time so that authenticating a request costs no database round trip.
 * Whoever changes an account drops it here and announces the change to the other processes (AccountChanges);
 * the time limit bounds how stale an entry can get when such an announcement is lost.
 *
 * A read that started before an invalidation must not put its older result back afterwards: `version` moves
 * with every invalidation, and `set` only stores what was read at the current one.
 */
export class AuthCache {
  private readonly entries = new Map<string, { value: CachedAccount; expiresAt: number }>();
  private current = 0;

  constructor(
    private readonly ttlMs = AUTH_CACHE_TTL_MS,
    private readonly capacity = AUTH_CACHE_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  get version(): number {
    return this.current;
  }

  get(userId: string): CachedAccount | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(userId);
      return undefined;
    }
    // Re-inserting moves the key to the end of the Map's order, which is what eviction reads as "recently used".
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    return entry.value;
  }

  /** Stores `value` unless an invalidation happened since `readAtVersion` (then the next request reads again). */
  set(userId: string, value: CachedAccount, readAtVersion: number): void {
    if (readAtVersion !== this.current) return;
    this.entries.delete(userId);
    this.entries.set(userId, { value, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  invalidate(userId: string): void {
    this.current += 1;
    this.entries.delete(userId);
  }

  clear(): void {
    this.current += 1;
    this.entries.clear();
  }
}
