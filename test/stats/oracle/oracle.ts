// The independent oracle: plain TypeScript over the raw events the test sent, computing every metric,
// breakdown, funnel, retention and event list by the definitions in the API reference — no SQL, no
// code shared with src/stats beyond the list of names.
import type { Metric } from '../../../src/stats/registry'
import type { WireEvent } from '../fixtures/generate'

/** An event as stored: empty strings are missing, country upper-case, `{}` properties missing. */
export interface Row {
  /** Position in send order (= storage order, the tie-break of equal timestamps). */
  idx: number
  site_id: string
  event_type: string
  ts: number
  session_id: string
  user_id: string | null
  url: string | null
  referrer: string | null
  device_type: string | null
  country: string | null
  properties: Record<string, string | number | boolean | null> | null
  event_id: string | null
  /** Acquisition filled at ingest (the fixtures send no User-Agent or address: nothing else is). */
  source: string | null
  channel: string | null
}

/**
 * Source and channel of each fixture referrer, worked out by hand from the GA4 default channel rules
 * (a referrer with no scheme has no host: direct).
 */
const ACQUISITION: Record<string, [source: string | null, channel: string]> = {
  'https://www.google.com/search?q=pulse': ['Google', 'Organic Search'],
  'https://news.ycombinator.com/item?id=1': ['Hacker News', 'Organic Social'],
  'http://user@Twitter.com:8080/p': ['X', 'Organic Social'],
  'android-app://com.slack': ['com.slack', 'Referral'],
  'https://WWW.Example.org': ['example.org', 'Referral'],
  'google.com/x': [null, 'Direct'],
}

/**
 * Acquisition by the documented rule: an event's own referrer decides, unless it says "direct" and its
 * session already has a source (a later page of the visit); an event with neither URL nor referrer
 * only takes its session's.
 */
function withAcquisition(rows: Omit<Row, 'source' | 'channel'>[]): Row[] {
  const sessions = new Map<string, [string | null, string]>()
  return rows.map((r) => {
    const key = `${r.site_id}|${r.session_id}`
    const own = r.referrer
      ? (ACQUISITION[r.referrer] ?? [null, 'Direct'])
      : ([null, 'Direct'] as [null, string])
    const seen = own[1] === 'Direct' ? sessions.get(key) : undefined
    if (!seen && r.url === null && r.referrer === null) return { ...r, source: null, channel: null }
    if (!seen) sessions.set(key, own)
    const [source, channel] = seen ?? own
    return { ...r, source, channel }
  })
}

const blank = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v)

/**
 * Stored form of events sent at `receivedAt`. The ingest stores a timestamp up to 5 minutes ahead
 * (client clock skew) as the receive time.
 */
export function normalize(events: WireEvent[], receivedAt: number): Row[] {
  return withAcquisition(normalizeWire(events, receivedAt))
}

function normalizeWire(events: WireEvent[], receivedAt: number): Omit<Row, 'source' | 'channel'>[] {
  return events.map((e, idx) => ({
    idx,
    site_id: e.site_id,
    event_type: e.event_type,
    ts: Math.min(e.timestamp, receivedAt),
    session_id: e.session_id,
    user_id: blank(e.user_id),
    url: blank(e.url),
    referrer: blank(e.referrer),
    device_type: blank(e.device_type),
    country: e.country ? e.country.toUpperCase() : null,
    properties: e.properties && Object.keys(e.properties).length > 0 ? e.properties : null,
    event_id: blank(e.event_id),
  }))
}

/** The referrer's host: lower-case, without scheme, user info, `www.` or port; null when empty. */
export function referrerDomain(referrer: string | null): string | null {
  if (referrer === null) return null
  let s = referrer.toLowerCase()
  const scheme = s.indexOf('://')
  if (scheme > 0 && /^[a-z][a-z0-9+.-]*$/.test(s.slice(0, scheme))) s = s.slice(scheme + 3)
  for (const c of ['/', '?', '#']) if (s.includes(c)) s = s.slice(0, s.indexOf(c))
  if (s.includes('@')) s = s.slice(s.indexOf('@') + 1)
  if (s.startsWith('www.')) s = s.slice(4)
  if (s.includes(':')) s = s.slice(0, s.indexOf(':'))
  return s === '' ? null : s
}

/** The URL's path: without scheme and host, query or fragment; `/` when empty; null without a url. */
export function pathOf(url: string | null): string | null {
  if (url === null) return null
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '')
  const cut = rest.search(/[?#]/)
  const path = cut < 0 ? rest : rest.slice(0, cut)
  return path === '' ? '/' : path
}

/** A property's value as text (JSON text; numbers without `+` in the exponent); null when missing. */
export function propertyText(row: Row, key: string): string | null {
  const v = row.properties?.[key]
  if (v === undefined || v === null) return null
  if (typeof v === 'string') return v
  return JSON.stringify(v).replace('e+', 'e')
}

/** The value of field/dimension `name` (`url`, `property:plan`, `property.plan`) for a row. */
export function fieldValue(row: Row, name: string): string | null {
  if (name.startsWith('property.') || name.startsWith('property:')) return propertyText(row, name.slice(9))
  if (name === 'referrer_domain') return referrerDomain(row.referrer)
  if (name === 'path') return pathOf(row.url)
  return row[name as 'url'] as string | null
}

/** Whether a row passes the filters (query-parameter name → value; empty value = missing). */
export function passes(row: Row, filters: [string, string][]): boolean {
  return filters.every(([name, value]) => {
    const want = value === '' ? null : name === 'country' ? value.toUpperCase() : value
    return fieldValue(row, name) === want
  })
}

/** Exact half-up rounding of num/den to 2 decimals (BigInt), 0 when den is 0. */
export function ratio(num: number, den: number): number {
  if (den === 0) return 0
  const q = (BigInt(num) * 200n + BigInt(den)) / (2n * BigInt(den))
  return Number(q) / 100
}

/** Distinct visitors of rows: the user id when sent, else the session id (the fixtures send no UA). */
export function visitorsOf(rows: Row[]): number {
  return new Set(rows.map((r) => r.user_id ?? r.session_id)).size
}

/**
 * What the goal metrics need besides the selected rows: which rows convert, and the rows whose visitors
 * are the denominator of conversion_rate. Without it (a site without goals) nothing converts.
 */
export interface GoalContext {
  converts: (r: Row) => boolean
  denominator: Row[]
}

/**
 * An engagement event's property `key` as documented: a number (or numeric text) from 0 to `max`, floored;
 * null for another event, or a value missing, not a number or out of range.
 */
export function engagementValue(r: Row, key: string, max: number): number | null {
  if (r.event_type !== 'engagement') return null
  const v = r.properties?.[key]
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  return Number.isFinite(n) && n >= 0 && n <= max ? Math.floor(n) : null
}

/** The metric over `rows` (already selected by site, period and filters). */
export function metric(rows: Row[], m: Metric, goal?: GoalContext): number {
  const distinct = (f: (r: Row) => string | null) => new Set(rows.map(f).filter((v) => v !== null)).size
  switch (m) {
    case 'conversions':
      return goal ? visitorsOf(rows.filter(goal.converts)) : 0
    case 'conversion_rate':
      return ratio(
        100 * (goal ? visitorsOf(rows.filter(goal.converts)) : 0),
        visitorsOf(goal?.denominator ?? rows),
      )
    case 'event_count':
      return rows.length
    case 'page_views':
      return rows.filter((r) => r.event_type === 'page_view').length
    case 'unique_users':
      return distinct((r) => r.user_id)
    case 'unique_sessions':
      return distinct((r) => r.session_id)
    case 'visitors':
      return distinct((r) => r.user_id ?? r.session_id)
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  if (m === 'time_on_page' || m === 'scroll_depth') {
    // One value per page visit (session and url) that has one: summed time, deepest scroll.
    const values: number[] = []
    for (const visit of groupBy(rows, (r) => JSON.stringify([r.session_id, r.url])).values()) {
      const vs = visit.flatMap((r) => {
        const v =
          m === 'time_on_page' ? engagementValue(r, 'time_ms', 86_400_000) : engagementValue(r, 'scroll', 100)
        return v === null ? [] : [v]
      })
      if (vs.length > 0) values.push(m === 'time_on_page' ? sum(vs) : Math.max(...vs))
    }
    return ratio(sum(values), (m === 'time_on_page' ? 1000 : 1) * values.length)
  }
  const sessions = new Map<string, Row[]>()
  for (const r of rows) sessions.set(r.session_id, [...(sessions.get(r.session_id) ?? []), r])
  const list = [...sessions.values()]
  const views = (s: Row[]) => s.filter((r) => r.event_type === 'page_view').length
  switch (m) {
    case 'bounce_rate': {
      const withView = list.filter((s) => views(s) > 0)
      const bounced = withView.filter((s) => s.length === 1)
      return ratio(100 * bounced.length, withView.length)
    }
    case 'avg_session_duration': {
      let total = 0
      for (const s of list) total += Math.max(...s.map((r) => r.ts)) - Math.min(...s.map((r) => r.ts))
      return ratio(total, 1000 * list.length)
    }
    case 'engaged_visit_duration': {
      let total = 0
      for (const s of list) {
        const ms = s.flatMap((r) => {
          const v = engagementValue(r, 'time_ms', 86_400_000)
          return v === null ? [] : [v]
        })
        total += ms.length > 0 ? sum(ms) : Math.max(...s.map((r) => r.ts)) - Math.min(...s.map((r) => r.ts))
      }
      return ratio(total, 1000 * list.length)
    }
    case 'events_per_session':
      return ratio(rows.length, list.length)
    case 'views_per_session':
      return ratio(views(rows), list.length)
  }
  throw new Error(`unknown metric ${m}`)
}

/** Percent change as documented: 0 when both are 0, null when only the previous is 0. */
export function change(value: number, previous: number): number | null {
  if (previous === 0) return value === 0 ? 0 : null
  return Math.round(((value - previous) / previous) * 100 * 100) / 100
}

/** Group rows by a key, keeping first-seen order. */
export function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const out = new Map<K, Row[]>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/** Every breakdown row of `dimension`, sorted by value descending then key (null last). */
export function breakdown(
  rows: Row[],
  dimension: string,
  m: Metric,
): { key: string | null; value: number }[] {
  const out = [...groupBy(rows, (r) => fieldValue(r, dimension))].map(([key, g]) => ({
    key,
    value: metric(g, m),
  }))
  return out.sort((a, b) => {
    if (a.value !== b.value) return b.value - a.value
    if (a.key === null) return 1
    if (b.key === null) return -1
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
  })
}

/** Sessions reaching each step in order (step k strictly after the time step k-1 was reached). */
export function funnel(rows: Row[], steps: { event_type: string; url?: string }[]): number[] {
  const counts = steps.map(() => 0)
  for (const events of groupBy(rows, (r) => r.session_id).values()) {
    let after = Number.NEGATIVE_INFINITY
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]
      const hits = events.filter(
        (r) =>
          r.event_type === s.event_type &&
          (s.url === undefined || r.url === s.url) &&
          (i === 0 || r.ts > after),
      )
      if (hits.length === 0) break
      after = Math.min(...hits.map((r) => r.ts))
      counts[i]++
    }
  }
  return counts
}
