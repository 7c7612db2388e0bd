// A count metric (event_count, page_views) broken down by a property: the events are first counted per
// distinct `properties` text, and the property's value is extracted once per distinct text instead of
// once per event — JSON parsing per row was most of the query's time. Same rows as the general path.
// The planner (src/stats/plan.ts) chooses it for count metrics only.
import type { Filter } from '../parse/filters'
import { METRICS, type Metric } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'
import { propertyValueSql, whereSql } from './selection'

/** SQL of `{k, <metric>}` per value of property `key` (a count metric). */
export function propertyCountsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  key: string,
  p: Params,
): string {
  if (METRICS[metric].kind !== 'count')
    throw new Error('property counts planned for a metric that is not a count')
  const value = propertyValueSql(key, p)
  const where = whereSql(siteId, range, filters, p)
  const perText = `SELECT properties, ${METRICS[metric].sql(p.dialect)} AS c FROM events WHERE ${where} GROUP BY properties`
  return `SELECT ${value} AS k, ${p.dialect.toInt64('sum(c)')} AS ${metric} FROM (${perText}) GROUP BY k`
}
