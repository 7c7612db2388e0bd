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

/** Recently accepted `(site_id, event_id)` pairs, oldest first. */
export class EventIdIndex {
  private seen = new Map<string, number>()
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
    const k = `${siteId}\u0000${eventId}`
    this.seen.delete(k)
    this.seen.set(k, at)
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string)
  }

  /**
   * Split rows into fresh ones (remembered now) and the count of duplicates. `forget` undoes the
   * remembering if storing the fresh rows fails.
   */
  claim(rows: EventRow[], now: number): { fresh: EventRow[]; forget: () => void } {
    this.expire(now)
    let fresh = rows
    const claimed: string[] = []
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i].eventId
      if (id === null) {
        if (fresh !== rows) fresh.push(rows[i])
        continue
      }
      const k = `${rows[i].siteId}\u0000${id}`
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
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string)
  }
}
