// Realistic, seed-like benchmark events from a seeded generator: the same rows for every write method
// and the same events on the wire, so figures compare like with like.
import type { EventInput } from '../../src/ingest/model'
import { type EventRow, toRow } from '../../src/ingest/validate'

/** A small deterministic PRNG (mulberry32): same seed, same events. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const TYPES = ['page_view', 'page_view', 'page_view', 'page_view', 'click', 'click', 'scroll', 'form_submit']
const PATHS = ['/', '/products', '/pricing', '/blog', '/checkout', '/signup', '/docs/getting-started']
const REFERRERS = [
  'https://google.com',
  'https://news.ycombinator.com',
  'https://twitter.com',
  'https://bing.com',
]
const DEVICES = ['desktop', 'desktop', 'mobile', 'mobile', 'tablet']
const COUNTRIES = ['US', 'US', 'DE', 'GB', 'FR', 'IN', 'BR', 'JP', 'CA', 'NL']

/** Options of `makeEvents`. */
export interface MakeEventsOptions {
  siteId: string
  /** Events get timestamps in the 30 minutes before `now` (inside every stats period). */
  now: number
  seed?: number
  /** Sites to spread events over when `siteId` is not enough (write benchmark); default one. */
  sites?: number
}

/**
 * `n` events in the API's wire format (snake_case), without `event_id` (callers add unique ones).
 * Mix: mostly page views, 40% with a user, 30% with a referrer, 25% with properties.
 */
export function makeEvents(n: number, opts: MakeEventsOptions): EventInput[] {
  const r = prng(opts.seed ?? 42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const sessions = Math.max(1, Math.floor(n / 5))
  const out: EventInput[] = []
  for (let i = 0; i < n; i++) {
    const type = pick(TYPES)
    const path = pick(PATHS)
    const e: EventInput = {
      site_id: (opts.sites ?? 1) > 1 ? `${opts.siteId}_${Math.floor(r() * (opts.sites ?? 1))}` : opts.siteId,
      event_type: type,
      timestamp: opts.now - 60_000 - Math.floor(r() * 29 * 60_000),
      session_id: `session_${Math.floor(r() * sessions)
        .toString(36)
        .padStart(6, '0')}`,
      url: `https://example.com${path}${path === '/products' ? `/${Math.floor(r() * 500)}` : ''}`,
      device_type: pick(DEVICES),
      country: pick(COUNTRIES),
    }
    if (r() < 0.4) e.user_id = `user_${Math.floor(r() * 50_000)}`
    if (r() < 0.3) e.referrer = pick(REFERRERS)
    if (r() < 0.25)
      e.properties =
        type === 'click'
          ? { button: 'signup', position: Math.floor(r() * 10) }
          : { plan: r() < 0.5 ? 'premium' : 'free', amount: Math.round(r() * 10_000) / 100 }
    out.push(e)
  }
  return out
}

/** The stored form of wire events, as the validator normalises them (`event_id` = `idPrefix` + index). */
export function toRows(events: EventInput[], idPrefix = 'evt_'): EventRow[] {
  return events.map((e, i) => toRow({ ...e, event_id: `${idPrefix}${i}` }, Number.POSITIVE_INFINITY))
}

/** A batch of rows received together, as a flush writes them. */
export interface RowBatch {
  rows: EventRow[]
  receivedAt: number
}

/** Rows split into batches of at most `batchRows`, as the ingest buffer hands them to a flush. */
export function toRowBatches(rows: EventRow[], batchRows: number, receivedAt: number): RowBatch[] {
  const out: RowBatch[] = []
  for (let i = 0; i < rows.length; i += batchRows)
    out.push({ rows: rows.slice(i, i + batchRows), receivedAt })
  return out
}
