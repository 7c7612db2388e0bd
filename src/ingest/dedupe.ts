// Idempotent retries: an event carrying a client `event_id` that was already accepted for the same site
// within the last 24 hours is acknowledged again but not stored twice.
import type { EventRow } from './validate'

const DAY_MS = 86_400_000

/** Options of the index. */
export interface EventIdIndexOptions {
  ttlMs?: number
  /** Most ids remembered; the oldest are forgotten first (a retry after that is stored again). */
  maxEntries?: number
}

/**
 * A 53-bit fingerprint of `(site_id, event_id)`: two independent 32-bit hashes. Numbers instead of
 * strings keep millions of entries small and cheap for the garbage collector; a false match needs a
 * 53-bit collision (about 1 in 4·10⁹ with 2 million ids remembered).
 */
function fingerprint(siteId: string, eventId: string): number {
  const k = `${siteId}\u0000${eventId}`
  return Bun.hash.xxHash32(k) * 2_097_152 + (Bun.hash.crc32(k) >>> 11)
}

/** Recently accepted `(site_id, event_id)` pairs (as fingerprints), oldest first. */
export class EventIdIndex {
  private seen = new Map<number, number>()
  private ttl: number
  private max: number

  constructor(opts: EventIdIndexOptions = {}) {
    this.ttl = opts.ttlMs ?? DAY_MS
    this.max = opts.maxEntries ?? 2_000_000
  }

  get size(): number {
    return this.seen.size
  }

  /** Remember ids as accepted at `at` (used by replay and start-up loading). */
  remember(siteId: string, eventId: string, at: number): void {
    const k = fingerprint(siteId, eventId)
    this.seen.delete(k)
    this.seen.set(k, at)
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as number)
  }

  /**
   * Split rows into fresh ones (remembered now) and the count of duplicates. `forget` undoes the
   * remembering if storing the fresh rows fails.
   */
  claim(rows: EventRow[], now: number): { fresh: EventRow[]; forget: () => void } {
    this.expire(now)
    let fresh = rows
    const claimed: number[] = []
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i].eventId
      if (id === null) {
        if (fresh !== rows) fresh.push(rows[i])
        continue
      }
      const k = fingerprint(rows[i].siteId, id)
      if (this.seen.has(k)) {
        if (fresh === rows) fresh = rows.slice(0, i)
        continue
      }
      this.seen.set(k, now)
      claimed.push(k)
      if (fresh !== rows) fresh.push(rows[i])
    }
    return {
      fresh,
      forget: () => {
        for (const k of claimed) this.seen.delete(k)
      },
    }
  }

  private expire(now: number): void {
    for (const [k, at] of this.seen) {
      if (now - at < this.ttl) break
      this.seen.delete(k)
    }
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as number)
  }
}
