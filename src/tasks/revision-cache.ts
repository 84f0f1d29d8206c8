/**
 * Values derived from an organization's tasks (a filter's count, a ledger page), each remembered with the task
 * revision it was read at and given back only while that revision is current. Bounded: past `capacity` keys the
 * least recently used one goes.
 */
export class RevisionCache<V> {
  private readonly entries = new Map<string, { revision: string; value: V }>();

  constructor(private readonly capacity: number) {}

  get(key: string, revision: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    // Re-inserting moves the key to the end of the Map's order, which is what eviction reads as "recently used".
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The entry whatever its revision, for callers that learn the current revision only after looking. */
  peek(key: string): { revision: string; value: V } | undefined {
    return this.entries.get(key);
  }

  /** Drops the key if it still holds this value (a failed computation remembered while it ran). */
  forget(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  set(key: string, revision: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
