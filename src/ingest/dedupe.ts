// Idempotent retries: an event carrying a client `event_id` that was already accepted for the same site
// within the last 24 hours is acknowledged again but not stored twice.
//
// Cost model: two generations of fingerprints. New ids go into the current generation; when it holds
// `maxEntries / 2` ids or is older than the TTL, it becomes the previous generation and the old previous
// one is dropped whole. Every operation is O(1) whatever the number of ids, memory holds at most
// `maxEntries` fingerprints, and an id is recognised for the full TTL unless more than `maxEntries / 2`
// newer ids arrived since (then at least the newest `maxEntries / 2` are still recognised).
import type { EventRow } from './validate'

const DAY_MS = 86_400_000

/** Options of the index. */
export interface EventIdIndexOptions {
  ttlMs?: number
  /** Most ids remembered (both generations); past it, the oldest generation is forgotten. */
  maxEntries?: number
}

/**
 * A 53-bit fingerprint of `(site_id, event_id)`: two independent 32-bit hashes. Numbers instead of
 * strings keep millions of entries small and cheap for the garbage collector; a false match needs a
 * 53-bit collision (about 1 in 4·10⁹ with 2 million ids remembered). Stored with each event as
 * `event_key`, so start-up reloads fingerprints without hashing strings again.
 */
export function eventKey(siteId: string, eventId: string): number {
  const k = `${siteId}\u0000${eventId}`
  return Bun.hash.xxHash32(k) * 2_097_152 + (Bun.hash.crc32(k) >>> 11)
}

/** Recently accepted `(site_id, event_id)` pairs, as fingerprints mapped to their acceptance time. */
export class EventIdIndex {
  private current = new Map<number, number>()
  private previous = new Map<number, number>()
  private currentSince = Number.NEGATIVE_INFINITY
  private readonly ttl: number
  private readonly half: number

  constructor(opts: EventIdIndexOptions = {}) {
    this.ttl = opts.ttlMs ?? DAY_MS
    this.half = Math.max(1, Math.floor((opts.maxEntries ?? 2_000_000) / 2))
  }

  /** Most fingerprints held at once (both generations). */
  get capacity(): number {
    return this.half * 2
  }

  /** Fingerprints held (both generations; an id in both counts twice). */
  get size(): number {
    return this.current.size + this.previous.size
  }

  /** Whether `key` was accepted within the TTL before `now`. */
  private has(key: number, now: number): boolean {
    const at = this.current.get(key) ?? this.previous.get(key)
    return at !== undefined && now - at < this.ttl
  }

  private add(key: number, at: number): void {
    if (this.current.size >= this.half || at - this.currentSince >= this.ttl) {
      this.previous = this.current
      this.current = new Map()
      this.currentSince = at
    }
    this.current.set(key, at)
  }

  /** Remember a fingerprint as accepted at `at` (start-up loading and log replay, oldest first). */
  rememberKey(key: number, at: number): void {
    this.add(key, at)
  }

  /** Remember ids as accepted at `at` (used by replay). */
  remember(siteId: string, eventId: string, at: number): void {
    this.add(eventKey(siteId, eventId), at)
  }

  /**
   * Split rows into fresh ones (remembered now) and the count of duplicates. `forget` undoes the
   * remembering if storing the fresh rows fails.
   */
  claim(rows: EventRow[], now: number): { fresh: EventRow[]; forget: () => void } {
    let fresh = rows
    const claimed: number[] = []
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i].eventId
      if (id === null) {
        if (fresh !== rows) fresh.push(rows[i])
        continue
      }
      const k = eventKey(rows[i].siteId, id)
      if (this.has(k, now)) {
        if (fresh === rows) fresh = rows.slice(0, i)
        continue
      }
      this.add(k, now)
      claimed.push(k)
      if (fresh !== rows) fresh.push(rows[i])
    }
    return {
      fresh,
      forget: () => {
        for (const k of claimed) {
          this.current.delete(k)
          this.previous.delete(k)
        }
      },
    }
  }
}
