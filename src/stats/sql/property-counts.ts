// A count metric (event_count, page_views) broken down by a property: the events are first counted per
// distinct `properties` text, and the property's value is extracted once per distinct text instead of
// once per event — JSON parsing per row was most of the query's time. Same rows as the general path.
import type { Filter } from '../parse/filters'
import { METRICS, type Metric, propertyPath, propertySql } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'
import { whereSql } from './selection'

/** SQL of `{k, <metric>}` per value of property `key`, or null when the metric is not a count. */
export function propertyCountsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  key: string,
  p: Params,
): string | null {
  if (METRICS[metric].kind !== 'count') return null
  const path = p.add(propertyPath(key))
  const where = whereSql(siteId, range, filters, p)
  const perText = `SELECT properties, ${METRICS[metric].sql} AS c FROM events WHERE ${where} GROUP BY properties`
  return `SELECT ${propertySql(path)} AS k, sum(c)::BIGINT AS ${metric} FROM (${perText}) GROUP BY k`
}
