// Fan-out of acknowledged events to live subscribers (the SSE stream). `publish` runs on the ingest path
// right after an event is acknowledged, so it only matches filters and enqueues: a subscriber whose
// bounded queue is full is dropped on the spot, never waited for.
import type { EventRow } from '../events/fields'
import { AppError } from '../http/errors'
import type { RawEvent } from '../stats/model/raw'
import type { EqualityFilter as Filter } from '../stats/parse/filters'
import { toStoredEvent } from './stored-event'

/** Options of `EventHub`. */
export interface EventHubOptions {
  /** Open subscriptions per API key (or the admin token). */
  maxPerKey?: number
  /** Open subscriptions overall. */
  maxTotal?: number
}

/** One subscriber: its site, filters and where its events go. */
export interface Subscriber {
  siteId: string
  filters: Filter[]
  /** Take one event; return false when the subscriber cannot keep up (it is then dropped). */
  deliver(event: RawEvent): boolean
  /** Called once when the hub drops the subscriber: its queue was full, or the server is shutting down. */
  dropped(reason: 'slow' | 'shutdown'): void
}

/** Live subscribers by site; counts connections per key. */
export class EventHub {
  private bySite = new Map<string, Set<Subscriber>>()
  private perKey = new Map<string, number>()
  private total = 0
  private readonly maxPerKey: number
  private readonly maxTotal: number

  constructor({ maxPerKey = 5, maxTotal = 500 }: EventHubOptions = {}) {
    this.maxPerKey = maxPerKey
    this.maxTotal = maxTotal
  }

  /** Subscribers now. */
  get size(): number {
    return this.total
  }

  /** Add `sub` for `keyId` (429 over the per-key limit, 503 over the total); returns the unsubscribe function. */
  subscribe(keyId: string, sub: Subscriber): () => void {
    const n = this.perKey.get(keyId) ?? 0
    if (n >= this.maxPerKey)
      throw new AppError(
        429,
        `Too many open event streams for this key (at most ${this.maxPerKey})`,
        undefined,
        {
          'retry-after': '5',
        },
      )
    if (this.total >= this.maxTotal)
      throw new AppError(503, 'Too many open event streams on this server', undefined, { 'retry-after': '5' })
    this.perKey.set(keyId, n + 1)
    this.total++
    const set = this.bySite.get(sub.siteId) ?? new Set<Subscriber>()
    this.bySite.set(sub.siteId, set)
    set.add(sub)
    let done = false
    return () => {
      if (done) return
      done = true
      this.total--
      const left = (this.perKey.get(keyId) ?? 1) - 1
      if (left <= 0) this.perKey.delete(keyId)
      else this.perKey.set(keyId, left)
      set.delete(sub)
      if (set.size === 0 && this.bySite.get(sub.siteId) === set) this.bySite.delete(sub.siteId)
    }
  }

  /** End every subscription (at shutdown), so clients see a clean end rather than a reset connection. */
  closeAll(): void {
    for (const subs of [...this.bySite.values()])
      for (const sub of [...subs]) {
        subs.delete(sub)
        try {
          sub.dropped('shutdown')
        } catch {}
      }
  }

  /** Hand acknowledged rows to their site's subscribers. Never throws. */
  publish(rows: readonly EventRow[], receivedAt: number): void {
    if (this.total === 0) return
    for (const row of rows) {
      const subs = this.bySite.get(row.siteId)
      if (!subs) continue
      let event: RawEvent | undefined
      for (const sub of subs) {
        try {
          event ??= toStoredEvent(row, receivedAt)
          if (!matches(event, sub.filters)) continue
          if (!sub.deliver(event)) {
            subs.delete(sub)
            sub.dropped('slow')
          }
        } catch {
          subs.delete(sub)
          sub.dropped('slow')
        }
      }
    }
  }
}

/** Whether `event` passes every filter (exact match; null matches a missing value), as the stats API. */
export function matches(event: RawEvent, filters: readonly Filter[]): boolean {
  const e = event as Record<string, unknown>
  for (const f of filters) {
    let v: unknown
    if ('property' in f) {
      const props = e.properties as Record<string, unknown> | null
      v = props?.[f.property]
      if (v !== undefined && v !== null) v = String(v)
    } else v = e[f.field]
    if (f.value === null ? v !== null && v !== undefined && v !== '' : v !== f.value) return false
  }
  return true
}
