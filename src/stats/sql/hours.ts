// The metrics over `session_hours` (src/events/session-hours.ts): a range is cut into its whole UTC
// hours, read from the fragments, and the partial hours at its edges, read from the events and shaped like
// fragments (one row per event). Same results as metricsSql over the events — counts are sums, distinct
// counts count 64-bit keys (see the collision note in the derived module), session metrics aggregate one
// row per session key — when every filter and the grouping key are fields the fragments keep, and (for
// time buckets) the zone's offsets change only on whole hours. Otherwise `null`: the events path answers.
import { keySql } from '../../events/keys'
import { FRAGMENT_FIELDS, HOUR_MS } from '../../events/session-hours'
import type { Filter } from '../parse/filters'
import { type Interval, METRICS, type Metric } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { joinParts, metricParts } from './metrics'
import type { Params } from './params'
import { whereSql } from './selection'

const KEPT = new Set<string>(FRAGMENT_FIELDS)

/** Whether reads may use the fragments: the analytics benchmark turns it off to time the events path. */
export const fragmentReads = { enabled: true }

/** Each metric over the unit rows (`n` events, `pv` page views, keys). */
/** The metrics the unit rows answer (goal metrics need the events). */
type UnitMetric = Exclude<Metric, 'conversions' | 'conversion_rate'>
const UNIT_METRIC: Record<UnitMetric, string> = {
  event_count: 'sum(n)::BIGINT',
  page_views: 'sum(pv)::BIGINT',
  unique_users: 'user_key',
  unique_sessions: 'session_key',
  visitors: 'visitor_key',
  bounce_rate: METRICS.bounce_rate.sql,
  avg_session_duration: METRICS.avg_session_duration.sql,
  events_per_session: METRICS.events_per_session.sql,
  views_per_session: METRICS.views_per_session.sql,
}

/** Whether the fragments can answer for these filters: each on a kept field (or include_bots). */
export function fragmentsServe(filters: Filter[]): boolean {
  return filters.every((f) => 'field' in f && (f.field === 'include_bots' || KEPT.has(f.field)))
}

/** Whether a dimension (by its field name) is a kept field. */
export function fragmentsKeep(field: string): boolean {
  return KEPT.has(field)
}

/** Whether every instant of a UTC hour falls in one bucket of `interval` in `zone`. */
export function hourAligned(interval: Interval, zone: ZoneMap): boolean {
  if (interval === 'minute') return false
  return zone.spans.every((s, i) => s.offset % HOUR_MS === 0 && (i === 0 || s.start % HOUR_MS === 0))
}

/** The whole hours [a, b) inside `range`, or null when there are none. */
function wholeHours(range: Range): { a: number; b: number } | null {
  const a = Math.ceil(range.from / HOUR_MS) * HOUR_MS
  const b = Math.floor(range.to / HOUR_MS) * HOUR_MS
  return a < b ? { a, b } : null
}

/**
 * SQL of the unit rows of a scope (columns `[k,] ts, n, pv, first_ts, last_ts` and the keys), or null when
 * the range holds no whole hour. `keySql`, if given, is evaluated on fragments (whose `ts` is their first
 * event's time) and on edge events alike.
 */
export function unitsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  p: Params,
  keyExpr?: string,
): string | null {
  const hours = wholeHours(range)
  if (!hours || !fragmentReads.enabled || !fragmentsServe(filters)) return null
  const k = keyExpr ? `${keyExpr} AS k, ` : ''
  const parts = [
    `SELECT ${k}ts, events AS n, page_views AS pv, first_ts, last_ts, session_key, visitor_key, user_key FROM (SELECT *, first_ts AS ts FROM session_hours) WHERE ${whereSql(siteId, { from: hours.a, to: hours.b }, filters, p)}`,
  ]
  const edge = (from: number, to: number) =>
    parts.push(
      `SELECT ${k}ts, 1 AS n, (event_type = 'page_view')::BIGINT AS pv, ts AS first_ts, ts AS last_ts, session_key, visitor_key, ${keySql('user_id')} AS user_key FROM events WHERE ${whereSql(siteId, { from, to }, filters, p)}`,
    )
  if (range.from < hours.a) edge(range.from, hours.a)
  if (hours.b < range.to) edge(hours.b, range.to)
  return parts.join(' UNION ALL ')
}

/**
 * Like metricsSql, over the unit rows: one row with a column per metric, or with `keyExpr` one row per key
 * `k` with its single metric. Null when the fragments cannot answer.
 */
export function hoursMetricsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metrics: Metric[],
  p: Params,
  keyExpr?: string,
): string | null {
  if (keyExpr && metrics.length !== 1) throw new Error('a grouped query computes one metric')
  if (metrics.some((m) => METRICS[m].kind === 'goal')) return null
  const units = unitsSql(siteId, range, filters, p, keyExpr)
  if (units === null) return null
  const key = keyExpr ? 'k, ' : ''
  const { parts, sessions } = metricParts(
    metrics,
    (m) => UNIT_METRIC[m as UnitMetric],
    'u',
    keyExpr !== undefined,
  )
  const ctes = [`u AS NOT MATERIALIZED (${units})`]
  if (sessions.length > 0)
    ctes.push(
      `sess AS NOT MATERIALIZED (SELECT ${key}session_key, sum(n) AS n, sum(pv) AS pv, min(first_ts) AS first_ts, max(last_ts) AS last_ts FROM u GROUP BY ${key}session_key)`,
    )
  return `WITH ${ctes.join(', ')} ${joinParts(parts)}`
}
