// A small least-recently-used cache for rendered pages. Bitmaps are big and old PCs have
// little memory, so it is bounded by entries and by a cost (pixels) and frees what it drops.

export interface LruOptions<V> {
  maxEntries: number;
  /** Upper bound on the summed cost of the entries; unbounded when absent. */
  maxCost?: number;
  costOf?: (value: V) => number;
  /** Called for every value the cache lets go of (evicted, replaced, deleted, cleared). */
  onEvict?: (value: V) => void;
}

export class LruCache<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private totalCost = 0;

  constructor(private readonly options: LruOptions<V>) {}

  get size(): number {
    return this.entries.size;
  }

  get cost(): number {
    return this.totalCost;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Returns the value and marks it as the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.totalCost -= old.cost;
      if (old.value !== value) this.options.onEvict?.(old.value);
    }
    const cost = this.options.costOf?.(value) ?? 0;
    this.entries.set(key, { value, cost });
    this.totalCost += cost;
    this.trim(key);
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalCost -= entry.cost;
    this.options.onEvict?.(entry.value);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }

  /** Drops the oldest entries until within bounds; the newest entry always stays. */
  private trim(newest: K): void {
    const maxCost = this.options.maxCost ?? Infinity;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.totalCost <= maxCost) return;
      if (key === newest) continue;
      this.delete(key);
    }
  }
}
