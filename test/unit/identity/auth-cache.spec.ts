import { AuthCache, CachedAccount } from '../../../src/identity/auth-cache';

const account = (id: string, sessionGeneration = 0): CachedAccount => ({
  account: {
    user: { id, organizationId: 'org', role: 'staff', unitId: null, username: id, displayName: id },
    sessionGeneration,
  },
  revoked: new Set(),
});

describe('AuthCache', () => {
  it('keeps an account for its time limit only', () => {
    let now = 0;
    const cache = new AuthCache(30_000, 10, () => now);
    cache.set('a', account('a'), cache.version);
    now = 29_999;
    expect(cache.get('a')).toEqual(account('a'));
    now = 30_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops one account on invalidate and all on clear', () => {
    const cache = new AuthCache();
    cache.set('a', account('a'), cache.version);
    cache.set('b', account('b'), cache.version);
    cache.invalidate('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not store a read that began before an invalidation, which may hold the state from before the change', () => {
    const cache = new AuthCache();
    const readAt = cache.version;
    cache.invalidate('a');
    cache.set('a', account('a', 0), readAt);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', account('a', 1), cache.version);
    expect(cache.get('a')?.account?.sessionGeneration).toBe(1);
  });

  it('evicts the least recently used account beyond its capacity', () => {
    const cache = new AuthCache(30_000, 2);
    cache.set('a', account('a'), cache.version);
    cache.set('b', account('b'), cache.version);
    cache.get('a');
    cache.set('c', account('c'), cache.version);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});
