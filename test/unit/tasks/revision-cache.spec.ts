import { RevisionCache } from '../../../src/tasks/revision-cache';

describe('revision cache', () => {
  it('answers only for the revision a count was taken at', () => {
    const cache = new RevisionCache<number>(10);
    cache.set('in_progress', '7', 120);
    expect(cache.get('in_progress', '7')).toBe(120);
    expect(cache.get('in_progress', '8')).toBeUndefined();
    expect(cache.get('completed', '7')).toBeUndefined();
    cache.set('in_progress', '8', 121);
    expect(cache.get('in_progress', '7')).toBeUndefined();
    expect(cache.get('in_progress', '8')).toBe(121);
  });

  it('forgets the least recently used key past its capacity', () => {
    const cache = new RevisionCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    expect(cache.get('a', '1')).toBe(1);
    cache.set('c', '1', 3);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBe(1);
    expect(cache.get('c', '1')).toBe(3);
  });

  it('keeps nothing with a capacity of 0', () => {
    const cache = new RevisionCache<number>(0);
    cache.set('a', '1', 1);
    expect(cache.get('a', '1')).toBeUndefined();
  });

  it('forgets a key only while it still holds the value given (a newer one set meanwhile stays)', () => {
    const cache = new RevisionCache<number>(10);
    cache.set('a', '1', 1);
    cache.forget('a', 2);
    expect(cache.get('a', '1')).toBe(1);
    cache.forget('a', 1);
    expect(cache.get('a', '1')).toBeUndefined();
    cache.set('b', '1', 1);
    cache.set('b', '2', 2);
    cache.forget('b', 1);
    expect(cache.get('b', '2')).toBe(2);
  });
});
