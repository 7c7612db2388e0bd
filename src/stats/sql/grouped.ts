// SQL of one metric grouped by a key: the timeseries (key = bucket) and the breakdown (key = dimension).
// A session dimension (entry or exit page) joins each event to its session's pages; the goal dimension
// joins each event to every goal it completes, and lists every goal of the site, converted or not.
// Page dimensions (url, entry and exit page) group by the stored url key (src/events/keys.ts) and look
// up the URLs of the rows that can be on the page only (~2.5× faster than grouping URLs on 10M events).
// Which source and joins a query reads is decided by the planner (src/stats/plan.ts).
import type { Query } from '../../db/rows'
import type { Dimension } from '../parse/dimension'
import type { Filter } from '../parse/filters'
import { type Plan, planRead, type ReadOptions } from '../plan'
import { fieldSql, type Interval, type Metric, type SessionField } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { bucketKeySql } from './bucket-key'
import { goalJoinSql } from './goals'
import { hoursMetricsSql } from './hours'
import { metricsSql } from './metrics'
import { Params } from './params'
import { propertyCountsSql } from './property-counts'
import { referrerDomainsSql } from './referrer-domain'
import { type KeyJoin, selectionFor } from './scope'
import { includesBots, propertyValueSql } from './selection'
import { sessionPagesSql } from './sessions'

/** Rows `{k, <metric>}`: the metric in each bucket of `interval` (buckets without events are absent). */
export function buildTimeseries(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  interval: Interval,
  zone: ZoneMap,
  opts: ReadOptions = {},
): Query {
  const plan = planRead({ metrics: [metric], filters, range, interval, zone }, opts)
  const p = new Params(opts.dialect)
  const key = bucketKeySql(interval, zone, p)
  if (plan.source === 'session_hours')
    return { sql: hoursMetricsSql(siteId, range, filters, [metric], p, key), params: p.values }
  const sel = selectionFor(siteId, range, filters, [metric], p)
  return { sql: metricsSql([metric], sel, p.dialect, key), params: p.values }
}

/** SQL of a dimension's value for each event (a session or goal dimension reads its join). */
export function dimensionSql(d: Dimension, p: Params): string {
  return 'field' in d ? fieldSql(d.field, p.dialect) : propertyValueSql(d.property, p)
}

/** The join the plan gives a dimension's value, if any. */
function dimensionJoin(siteId: string, range: Range, filters: Filter[], d: Dimension, plan: Plan, p: Params) {
  if (plan.joins.includes('goals'))
    return { from: goalJoinSql(siteId, range, p), goal: true } satisfies KeyJoin
  if (!plan.joins.includes('session_pages') || !('field' in d)) return undefined
  const pages = sessionPagesSql(siteId, range, includesBots(filters), p, d.field as SessionField)
  return { from: `events LEFT JOIN (${pages}) sp ON sp.sp_session = session_key` } satisfies KeyJoin
}

/** The url key a page dimension groups by (url: the stored key; entry and exit page: the session's). */
function pageKeySql(d: Dimension, p: Params): string {
  if (!('field' in d)) throw new Error('url names planned for a property dimension')
  return d.field === 'url' ? 'url_key' : fieldSql(d.field, p.dialect)
}

/**
 * SQL of the breakdown's page of rows `{key, value, total_rows}` from `grouped` rows `{k, <metric>}` keyed
 * by url key: only the rows whose value reaches the page's last value (ties with it included) get their
 * URL, from the first event of the site in the range with that key (read by rowid); they are then sorted
 * as every breakdown is (value descending, then key, missing last) and cut to the page.
 */
function pageOfUrlsSql(
  grouped: string,
  metric: Metric,
  siteId: string,
  range: Range,
  page: { limit: number; offset: number },
  p: Params,
): string {
  const cut = `SELECT ${metric} AS c FROM g ORDER BY c DESC LIMIT 1 OFFSET ${p.add(Math.max(0, page.limit + page.offset - 1))}`
  const top = `SELECT * FROM g WHERE ${metric} >= (SELECT c FROM cut) OR NOT EXISTS (SELECT 1 FROM cut)`
  const row = p.dialect.rowId
  const first = `SELECT min(${row}) FROM events WHERE site_id = ${p.add(siteId)} AND ts >= ${p.ms(range.from)} AND ts < ${p.ms(range.to)} AND url_key IN (SELECT k FROM top) GROUP BY url_key`
  const names = `SELECT url_key AS pn_key, url AS pn_url FROM events WHERE ${row} IN (${first})`
  return `WITH g AS (${grouped}), cut AS (${cut}), top AS (${top}), pn AS (${names}) SELECT pn_url AS key, ${metric} AS value, (SELECT count(*) FROM g) AS total_rows FROM top LEFT JOIN pn ON pn_key = k ORDER BY value DESC, key ASC NULLS LAST LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`
}

/**
 * Rows `{key, value, total_rows}`: the metric per value of the dimension, sorted by value descending
 * then key (missing last), one page of `limit` rows from `offset`.
 */
export function buildBreakdown(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  dimension: Dimension,
  page: { limit: number; offset: number },
  opts: ReadOptions = {},
): Query {
  const plan = planRead({ metrics: [metric], filters, range, dimension }, opts)
  const p = new Params(opts.dialect)
  // Each plan adds only the parameters it uses (DuckDB refuses unused ones), in the order its SQL reads them.
  const join = dimensionJoin(siteId, range, filters, dimension, plan, p)
  let grouped: string
  if (plan.source === 'property_counts' && 'property' in dimension)
    grouped = propertyCountsSql(siteId, range, filters, metric, dimension.property, p)
  else if (plan.source === 'referrer_domains') grouped = referrerDomainsSql(siteId, range, filters, metric, p)
  else if (plan.source === 'session_hours')
    grouped = hoursMetricsSql(siteId, range, filters, [metric], p, dimensionSql(dimension, p))
  else {
    const sel = selectionFor(siteId, range, filters, [metric], p, join)
    const key = plan.joins.includes('url_names') ? pageKeySql(dimension, p) : dimensionSql(dimension, p)
    grouped = metricsSql([metric], sel, p.dialect, key)
  }
  if (plan.joins.includes('url_names'))
    return { sql: pageOfUrlsSql(grouped, metric, siteId, range, page, p), params: p.values }
  // One row per goal of the site, the ones nobody completed included.
  if (join?.goal)
    grouped = `SELECT gl.name AS k, coalesce(x.${metric}, 0) AS ${metric} FROM goals gl LEFT JOIN (${grouped}) x ON x.k = gl.name WHERE gl.site_id = ${p.add(siteId)}`
  const sql = `SELECT k AS key, ${metric} AS value, count(*) OVER () AS total_rows FROM (${grouped}) ORDER BY value DESC, key ASC NULLS LAST LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`
  return { sql, params: p.values }
}
