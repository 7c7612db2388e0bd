// GET /api/v1/stats/breakdown: the metric per value of a dimension, sorted by value descending.
import { ValidationError } from '../../errors'
import type { EventReader } from '../../events/store'
import { type Compare, compareRange, parseCompare } from '../parse/compare'
import { type Dimension, dimensionName, parseDimension } from '../parse/dimension'
import type { Filter } from '../parse/filters'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { LIMITS, METRIC_NAMES, type Metric } from '../registry'
import { buildBreakdown } from '../sql/grouped'
import type { Range } from '../time/period'
import { percentChange } from './numbers'

/** The parsed breakdown request. */
export interface BreakdownRequest {
  metric: Metric
  dimension: Dimension
  limit: number
  offset: number
  compare: Compare | null
}

/** Read `dimension`, `metric`, `limit`, `offset` and the comparison (in `timezone`). */
export function parseBreakdownRequest(
  q: {
    dimension?: string
    metric?: string
    limit?: number
    offset?: number
    compare?: string
    compare_from?: string
    compare_to?: string
  },
  timezone = 'UTC',
): BreakdownRequest {
  if (!q.dimension)
    throw new ValidationError('dimension is required', [{ path: '$.dimension', message: 'is required' }])
  return {
    dimension: parseDimension(q.dimension),
    metric: pick('metric', q.metric || 'event_count', METRIC_NAMES),
    limit: q.limit ?? LIMITS.breakdownDefault,
    offset: q.offset ?? 0,
    compare: parseCompare(q, timezone),
  }
}

type Row = { key: string | null; value: number }

/**
 * The rows with their value in the compared range: the same breakdown over that range, restricted to
 * the page's keys by an `is` condition on the dimension (so each key's value is exact however many keys
 * the compared range has).
 */
async function withComparison(
  reader: EventReader,
  scope: Scope,
  req: BreakdownRequest,
  rows: Row[],
  range: Range,
  opts: ReadOptions,
) {
  if (rows.length === 0) return []
  const target =
    'field' in req.dimension ? { field: req.dimension.field } : { property: req.dimension.property }
  const keys: Filter = { ...target, op: 'is', values: rows.map((r) => r.key) }
  const page = { limit: rows.length, offset: 0 }
  const q = buildBreakdown(
    scope.siteId,
    range,
    [...scope.filters, keys],
    req.metric,
    req.dimension,
    page,
    opts,
  )
  const before = new Map<string | null, number>()
  for (const r of await reader.rows<Row>(q.sql, q.params)) before.set(r.key, Number(r.value))
  return rows.map((r) => {
    const previous = before.get(r.key) ?? 0
    return { ...r, previous_value: previous, change: percentChange(r.value, previous) }
  })
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
  const iso = (t: number) => new Date(t).toISOString()
  const base = {
    dimension: dimensionName(req.dimension),
    metric: req.metric,
    period: scope.period,
    timezone: scope.timezone,
    from: iso(scope.range.from),
    to: iso(scope.range.to),
    rows: rows.map((r) => ({ key: r.key, value: Number(r.value) })),
    total_rows: total ?? 0,
  }
  if (!req.compare) return base
  const range = compareRange(scope, req.compare)
  return {
    ...base,
    rows: await withComparison(reader, scope, req, base.rows, range, opts),
    comparison: { from: iso(range.from), to: iso(range.to) },
  }
}
