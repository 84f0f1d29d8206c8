/**
 * Counts of ledger filters, each remembered with the organization's task revision it was taken at and reused
 * only while that revision is current. Bounded: past `capacity` keys the least recently used one goes.
 */
export class CountCache {
  private readonly entries = new Map<string, { revision: string; total: number }>();

  constructor(private readonly capacity = 1000) {}

  get(key: string, revision: string): number | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    // Re-inserting moves the key to the end of the Map's order, which is what eviction reads as "recently used".
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.total;
  }

  set(key: string, revision: string, total: number): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, total });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
