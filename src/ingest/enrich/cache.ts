// A bounded cache with O(1) work per operation and no iterator walks: two generations of at most
// `capacity / 2` entries each. Hits in the old generation move to the young one; when the young one is
// full it becomes the old one and the previous old one is dropped whole. It keeps what was used in the
// last half-capacity of inserts (an approximate LRU), and never holds more than `capacity` entries.

/** Options of `BoundedCache`. */
export interface BoundedCacheOptions {
  /** Most entries held (both generations together). */
  capacity: number
}

/** A bounded map from keys to values; see the module comment. */
export class BoundedCache<K, V> {
  private young = new Map<K, V>()
  private old = new Map<K, V>()
  private readonly half: number
  hits = 0
  misses = 0

  constructor({ capacity }: BoundedCacheOptions) {
    this.half = Math.max(1, Math.floor(capacity / 2))
  }

  /** The value of `key`, or undefined; a hit keeps the entry young. */
  get(key: K): V | undefined {
    const v = this.young.get(key)
    if (v !== undefined) {
      this.hits++
      return v
    }
    const o = this.old.get(key)
    if (o === undefined) {
      this.misses++
      return undefined
    }
    this.hits++
    this.old.delete(key)
    this.set(key, o)
    return o
  }

  /** Store `value` under `key`. */
  set(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.half) {
      this.old = this.young
      this.young = new Map()
    }
    this.young.set(key, value)
  }

  /** Entries held now. */
  get size(): number {
    return this.young.size + this.old.size
  }
}
