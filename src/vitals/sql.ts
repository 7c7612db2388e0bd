// The web-vitals query: the `web_vitals` events of the tracker's extras bundle (one per page view, one
// property per metric), unpivoted to (group, metric, value), then p75 and the good / needs-improvement /
// poor counts by web.dev's thresholds. Values are bound; the group is one of a fixed list of expressions.
import { type Dialect, duckdbDialect } from '../events/dialect'
import { NOT_BOT_SQL, pagePathSql } from '../stats/registry'
import { VITALS, type VitalName } from './model'

/** The SQL of each grouping (fixed: never user text). */
const GROUP_SQL: Record<string, (d: Dialect) => string> = {
  none: () => 'NULL',
  page: pagePathSql,
  device_type: () => 'device_type',
  country: () => 'country',
}

/** The web-vitals summary of a site in [from, to), grouped by `by`. */
export function buildWebVitals(
  siteId: string,
  from: number,
  to: number,
  by: string,
  d: Dialect = duckdbDialect,
) {
  const names = Object.keys(VITALS) as VitalName[]
  const params: (string | number)[] = [siteId, from, to]
  const metric = (m: VitalName) => {
    params.push(VITALS[m].good, VITALS[m].poor)
    const good = d.param(params.length - 1, 'float')
    const poor = d.param(params.length, 'float')
    return `SELECT ${GROUP_SQL[by](d)} AS key, '${m}' AS metric, ${d.tryDouble(d.property('properties', `'${d.propertyPath(m)}'`))} AS value, ${good} AS good_max, ${poor} AS poor_min FROM events WHERE site_id = ${d.param(1, 'text')} AND event_type = 'web_vitals' AND ts >= ${d.param(2, 'int')} AND ts < ${d.param(3, 'int')} AND ${NOT_BOT_SQL}`
  }
  const samples = names.map(metric).join(' UNION ALL ')
  const sql = `SELECT key, metric, count(*) AS samples, ${d.quantileCont('value', 0.75)} AS p75, ${d.countIf('value <= good_max')} AS good, ${d.countIf('value > good_max AND value <= poor_min')} AS needs_improvement, ${d.countIf('value > poor_min')} AS poor FROM (${samples}) WHERE value IS NOT NULL GROUP BY key, metric ORDER BY samples DESC, key NULLS FIRST, metric`
  return { sql, params }
}
