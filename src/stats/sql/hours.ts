// The metrics over `session_hours` (src/events/session-hours.ts): a range is cut into its whole UTC
// hours, read from the fragments, and the partial hours at its edges, read from the events and shaped like
// fragments (one row per event). Same results as metricsSql over the events — counts are sums, distinct
// counts count 64-bit keys (see the collision note in the derived module), session metrics aggregate one
// row per session key — when every filter and the grouping key are fields the fragments keep, and (for
// time buckets) the zone's offsets change only on whole hours: the planner (src/stats/plan.ts) decides.
import type { Dialect } from '../../events/dialect'
import type { Filter } from '../parse/filters'
import { wholeHours } from '../plan'
import { METRICS, type Metric } from '../registry'
import type { Range } from '../time/period'
import { joinParts, metricParts } from './metrics'
import type { Params } from './params'
import { whereSql } from './selection'

/** The metrics the unit rows answer (goal and engagement metrics need the events). */
type UnitMetric = {
  [M in Metric]: (typeof METRICS)[M]['kind'] extends 'goal' | 'engagement' ? never : M
}[Metric]
/** Each metric over the unit rows (`n` events, `pv` page views, keys). */
const UNIT_METRIC: Record<UnitMetric, (d: Dialect) => string> = {
  event_count: (d) => d.toInt64('sum(n)'),
  page_views: (d) => d.toInt64('sum(pv)'),
  unique_users: () => 'user_key',
  unique_sessions: () => 'session_key',
  visitors: () => 'visitor_key',
  bounce_rate: METRICS.bounce_rate.sql,
  avg_session_duration: METRICS.avg_session_duration.sql,
  events_per_session: METRICS.events_per_session.sql,
  views_per_session: METRICS.views_per_session.sql,
}

/**
 * SQL of the unit rows of a scope (columns `[k,] ts, n, pv, first_ts, last_ts` and the keys); the plan
 * has checked that the range holds a whole hour and the filters are kept fields. `keySql`, if given, is
 * evaluated on fragments (whose `ts` is their first event's time) and on edge events alike.
 */
export function unitsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  p: Params,
  keyExpr?: string,
): string {
  const hours = wholeHours(range)
  if (!hours) throw new Error('session_hours planned for a range without a whole hour')
  const d = p.dialect
  const k = keyExpr ? `${keyExpr} AS k, ` : ''
  const parts = [
    `SELECT ${k}ts, events AS n, page_views AS pv, first_ts, last_ts, session_key, visitor_key, user_key FROM (SELECT *, first_ts AS ts FROM session_hours) WHERE ${whereSql(siteId, { from: hours.a, to: hours.b }, filters, p)}`,
  ]
  const edge = (from: number, to: number) =>
    parts.push(
      `SELECT ${k}ts, 1 AS n, ${d.toInt64("(event_type = 'page_view')")} AS pv, ts AS first_ts, ts AS last_ts, session_key, visitor_key, ${d.key('user_id')} AS user_key FROM events WHERE ${whereSql(siteId, { from, to }, filters, p)}`,
    )
  if (range.from < hours.a) edge(range.from, hours.a)
  if (hours.b < range.to) edge(hours.b, range.to)
  return parts.join(' UNION ALL ')
}

/**
 * Like metricsSql, over the unit rows: one row with a column per metric, or with `keyExpr` one row per key
 * `k` with its single metric. For a query planned on `session_hours` only.
 */
export function hoursMetricsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metrics: Metric[],
  p: Params,
  keyExpr?: string,
): string {
  if (keyExpr && metrics.length !== 1) throw new Error('a grouped query computes one metric')
  if (metrics.some((m) => METRICS[m].kind === 'goal' || METRICS[m].kind === 'engagement'))
    throw new Error('session_hours planned for a goal or engagement metric')
  const units = unitsSql(siteId, range, filters, p, keyExpr)
  const d = p.dialect
  const key = keyExpr ? 'k, ' : ''
  const { parts, sessions } = metricParts(
    metrics,
    (m) => UNIT_METRIC[m as UnitMetric](d),
    'u',
    keyExpr !== undefined,
    d,
  )
  const ctes = [d.cte('u', units)]
  if (sessions.length > 0)
    ctes.push(
      d.cte(
        'sess',
        `SELECT ${key}session_key, sum(n) AS n, sum(pv) AS pv, min(first_ts) AS first_ts, max(last_ts) AS last_ts FROM u GROUP BY ${key}session_key`,
      ),
    )
  return `WITH ${ctes.join(', ')} ${joinParts(parts)}`
}
