// SQL of the summary: every requested metric over one scope, for one range or several at once (the
// period and the one it is compared with), one row per range in the order given.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { Metric } from '../registry'
import type { Range } from '../time/period'
import { hoursMetricsSql } from './hours'
import { metricsSql } from './metrics'
import { Params } from './params'
import { selectionFor } from './scope'

/** One row with a column per metric for each range (column `r` = index of the range). */
export function buildSummary(
  siteId: string,
  ranges: Range | Range[],
  filters: Filter[],
  metrics: Metric[],
): Query {
  const p = new Params()
  const list = Array.isArray(ranges) ? ranges : [ranges]
  const parts = list.map(
    (range, i) =>
      `SELECT ${i} AS r, * FROM (${hoursMetricsSql(siteId, range, filters, metrics, p) ?? metricsSql(metrics, selectionFor(siteId, range, filters, metrics, p))})`,
  )
  return { sql: parts.length === 1 ? parts[0] : `${parts.join(' UNION ALL ')} ORDER BY r`, params: p.values }
}
