// GET /api/v1/stats/breakdown: the metric per value of a dimension, sorted by value descending.
import { ValidationError } from '../../errors'
import type { EventReader } from '../../events/store'
import { type Dimension, dimensionName, parseDimension } from '../parse/dimension'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { LIMITS, METRIC_NAMES, type Metric } from '../registry'
import { buildBreakdown } from '../sql/grouped'

/** The parsed breakdown request. */
export interface BreakdownRequest {
  metric: Metric
  dimension: Dimension
  limit: number
  offset: number
}

/** Read `dimension`, `metric`, `limit` and `offset`. */
export function parseBreakdownRequest(q: {
  dimension?: string
  metric?: string
  limit?: number
  offset?: number
}): BreakdownRequest {
  if (!q.dimension)
    throw new ValidationError('dimension is required', [{ path: '$.dimension', message: 'is required' }])
  return {
    dimension: parseDimension(q.dimension),
    metric: pick('metric', q.metric || 'event_count', METRIC_NAMES),
    limit: q.limit ?? LIMITS.breakdownDefault,
    offset: q.offset ?? 0,
  }
}

/** Run one page of the breakdown. */
export async function getBreakdown(
  reader: EventReader,
  scope: Scope,
  req: BreakdownRequest,
  opts: ReadOptions = {},
) {
  const page = { limit: req.limit, offset: req.offset }
  const q = buildBreakdown(scope.siteId, scope.range, scope.filters, req.metric, req.dimension, page, opts)
  let rows = await reader.rows<{ key: string | null; value: number; total_rows: number }>(q.sql, q.params)
  let total = rows[0]?.total_rows
  if (total === undefined && req.offset > 0) {
    // Past the last row: ask for the first one to learn the total.
    const first = buildBreakdown(
      scope.siteId,
      scope.range,
      scope.filters,
      req.metric,
      req.dimension,
      { limit: 1, offset: 0 },
      opts,
    )
    total = (await reader.rows<{ total_rows: number }>(first.sql, first.params))[0]?.total_rows
    rows = []
  }
  return {
    dimension: dimensionName(req.dimension),
    metric: req.metric,
    period: scope.period,
    timezone: scope.timezone,
    from: new Date(scope.range.from).toISOString(),
    to: new Date(scope.range.to).toISOString(),
    rows: rows.map((r) => ({ key: r.key, value: Number(r.value) })),
    total_rows: total ?? 0,
  }
}
