// SQL of the summary: every requested metric over one scope and range.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { Metric } from '../registry'
import type { Range } from '../time/period'
import { metricsSql } from './metrics'
import { Params } from './params'
import { whereSql } from './selection'

/** One row with a column per metric. */
export function buildSummary(siteId: string, range: Range, filters: Filter[], metrics: Metric[]): Query {
  const p = new Params()
  const where = whereSql(siteId, range, filters, p)
  return { sql: metricsSql(metrics, where), params: p.values }
}
