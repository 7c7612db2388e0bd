// SQL of the summary: every requested metric over one scope, for one range or several at once (the
// period and the one it is compared with), one row per range in the order given; each range has its plan.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import { planRead, type ReadOptions } from '../plan'
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
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const list = Array.isArray(ranges) ? ranges : [ranges]
  const parts = list.map((range, i) => {
    const plan = planRead({ metrics, filters, range }, opts)
    const sql =
      plan.source === 'session_hours'
        ? hoursMetricsSql(siteId, range, filters, metrics, p)
        : metricsSql(metrics, selectionFor(siteId, range, filters, metrics, p), p.dialect)
    return `SELECT ${i} AS r, * FROM (${sql})`
  })
  // The union wrapped before ORDER BY: in ClickHouse a trailing ORDER BY would sort the last SELECT only.
  const sql =
    parts.length === 1 ? parts[0] : `SELECT * FROM (${parts.join(' UNION ALL ')}) AS ranges ORDER BY r`
  return { sql, params: p.values }
}
