// SQL of one metric grouped by a key: the timeseries (key = bucket) and the breakdown (key = dimension).
import type { Query } from '../../db/rows'
import type { Dimension } from '../parse/dimension'
import type { Filter } from '../parse/filters'
import { FIELDS, type Interval, type Metric, propertyPath, propertySql } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { bucketKeySql } from './bucket-key'
import { fragmentsKeep, hourAligned, hoursMetricsSql } from './hours'
import { metricsSql } from './metrics'
import { Params } from './params'
import { propertyCountsSql } from './property-counts'
import { referrerDomainSql } from './referrer-domain'
import { whereSql } from './selection'

/** Rows `{k, <metric>}`: the metric in each bucket of `interval` (buckets without events are absent). */
export function buildTimeseries(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  interval: Interval,
  zone: ZoneMap,
): Query {
  const p = new Params()
  const key = bucketKeySql(interval, zone, p)
  const hours = hourAligned(interval, zone) ? hoursMetricsSql(siteId, range, filters, [metric], p, key) : null
  if (hours) return { sql: hours, params: p.values }
  const where = whereSql(siteId, range, filters, p)
  return { sql: metricsSql([metric], where, key), params: p.values }
}

/** SQL of a dimension's value for each event. */
export function dimensionSql(d: Dimension, p: Params): string {
  return 'field' in d ? FIELDS[d.field] : propertySql(p.add(propertyPath(d.property)))
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
): Query {
  const p = new Params()
  const grouped =
    ('property' in dimension
      ? propertyCountsSql(siteId, range, filters, metric, dimension.property, p)
      : dimension.field === 'referrer_domain'
        ? referrerDomainSql(siteId, range, filters, metric, p)
        : fragmentsKeep(dimension.field)
          ? hoursMetricsSql(siteId, range, filters, [metric], p, dimensionSql(dimension, p))
          : null) ?? metricsSql([metric], whereSql(siteId, range, filters, p), dimensionSql(dimension, p))
  const sql = `SELECT k AS key, ${metric} AS value, count(*) OVER () AS total_rows FROM (${grouped}) ORDER BY value DESC, key ASC NULLS LAST LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`
  return { sql, params: p.values }
}
