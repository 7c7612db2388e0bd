// GET /api/v1/stats: parse the metric(s) and comparison, run the summary for the period (and the
// previous one), and shape either the seed's single-metric answer or the multi-metric one.
import { ValidationError } from '../../errors'
import type { EventReader } from '../../events/store'
import { type Compare, compareRange, parseCompare } from '../parse/compare'
import { pick, pickList } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { METRIC_NAMES, type Metric } from '../registry'
import { buildSummary } from '../sql/summary'
import type { Range } from '../time/period'
import { percentChange } from './numbers'

/** Metric values by name. */
export type MetricValues = Partial<Record<Metric, number>>

/** The parsed metric part of a stats request. */
export interface SummaryRequest {
  metrics: Metric[]
  /** True when asked with `metric` (or nothing): answer in the seed's shape. */
  single: boolean
  compare: Compare | null
}

/** Read `metric` / `metrics` / `compare` (`compare_from` / `compare_to` in `timezone`). */
export function parseSummaryRequest(
  q: {
    metric?: string
    metrics?: string
    compare?: string
    compare_from?: string
    compare_to?: string
  },
  timezone: string,
): SummaryRequest {
  if (q.metric !== undefined && q.metrics !== undefined)
    throw new ValidationError('Use either metric or metrics, not both', [
      { path: '$.metrics', message: 'cannot be combined with metric' },
    ])
  const compare = parseCompare(q, timezone)
  if (q.metrics !== undefined)
    return { metrics: pickList('metrics', q.metrics, METRIC_NAMES), single: false, compare }
  return { metrics: [pick('metric', q.metric || 'event_count', METRIC_NAMES)], single: true, compare }
}

/** Run the summary of `metrics` over each of `ranges` (one query). */
export async function runSummary(
  reader: EventReader,
  scope: Scope,
  ranges: Range[],
  metrics: Metric[],
  opts: ReadOptions = {},
): Promise<MetricValues[]> {
  const { sql, params } = buildSummary(scope.siteId, ranges, scope.filters, metrics, opts)
  const rows = await reader.rows<Record<string, number>>(sql, params)
  return ranges.map((_, i) => {
    const out: MetricValues = {}
    for (const m of metrics) out[m] = Number(rows[i]?.[m] ?? 0)
    return out
  })
}

/** Answer a stats request in the shape it asked for. */
export async function getSummary(
  reader: EventReader,
  scope: Scope,
  req: SummaryRequest,
  opts: ReadOptions = {},
) {
  const compared = req.compare ? compareRange(scope, req.compare) : undefined
  const ranges = compared ? [scope.range, compared] : [scope.range]
  const [values, previous] = await runSummary(reader, scope, ranges, req.metrics, opts)
  if (req.single) {
    const metric = req.metrics[0]
    const value = values[metric]!
    const base = { metric, value, period: scope.period }
    if (!previous) return base
    return { ...base, previous_value: previous[metric]!, change: percentChange(value, previous[metric]!) }
  }
  const iso = (t: number) => new Date(t).toISOString()
  const base = {
    period: scope.period,
    timezone: scope.timezone,
    from: iso(scope.range.from),
    to: iso(scope.range.to),
    metrics: values,
  }
  if (!previous) return base
  const changes: Partial<Record<Metric, number | null>> = {}
  for (const m of req.metrics) changes[m] = percentChange(values[m]!, previous[m]!)
  return {
    ...base,
    previous: { from: iso(compared!.from), to: iso(compared!.to), metrics: previous },
    changes,
  }
}
