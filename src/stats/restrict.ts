// Restrictions a read-only key or share link carries, applied to every read it makes:
// - a locked filter is added to the request, and a request naming that filter with another value is
//   refused (the holder can narrow further, never widen);
// - `min_visitors = k`: a view (period × filters) with fewer than k visitors is refused, so neither a
//   filter nor a small period can single someone out; breakdown rows under k fold into "(other)" and
//   timeseries buckets under k read 0. Reads with no safe shape (raw events, funnels, retention,
//   realtime, web vitals, the live stream) are refused under `min_visitors`.
import { ForbiddenError } from '../errors'
import type { EventReader } from '../events/store'
import type { Scope } from './parse/scope'
import type { ReadOptions } from './plan'
import { METRICS } from './registry'
import type { BreakdownRequest } from './run/breakdown'
import { getBreakdown } from './run/breakdown'
import { runSummary } from './run/summary'
import { getTimeseries } from './run/timeseries'

/** The restrictions of a caller (from src/accounts/records.ts `Restrictions`). */
export interface ReadRestrictions {
  lockedFilters: Record<string, string>
  minVisitors: number | null
}

/** The row that small rows fold into. */
export const OTHER_KEY = '(other)'

/** Add the locked filters to `names` (the request's filter source); 403 on a conflicting value. */
export function applyLockedFilters(
  r: ReadRestrictions,
  names: Record<string, unknown>,
  allowed: readonly string[],
) {
  for (const [name, value] of Object.entries(r.lockedFilters)) {
    if (!allowed.includes(name) && !name.startsWith('property.'))
      throw new ForbiddenError(
        `This read cannot apply the locked filter ${name}=${value} of these credentials`,
      )
    const asked = names[name]
    if (asked !== undefined && asked !== value)
      throw new ForbiddenError(`The filter ${name} is locked to ${value} for these credentials`)
    names[name] = value
  }
}

/** Paths that can answer under `min_visitors` (the others are refused). */
const SAFE_UNDER_MIN = new Set(['/api/v1/stats', '/api/v1/stats/breakdown', '/api/v1/stats/timeseries'])

/** Refuse a read that has no safe shape under `min_visitors`. */
export function refuseUnsafeUnderMin(r: ReadRestrictions | undefined, path: string) {
  if (r?.minVisitors && !SAFE_UNDER_MIN.has(path))
    throw new ForbiddenError(
      `Not available to credentials with min_visitors=${r.minVisitors}: only /stats, /stats/timeseries and /stats/breakdown`,
    )
}

/** Refuse a view with fewer than k visitors (k = `minVisitors`). */
export async function checkMinVisitors(reader: EventReader, scope: Scope, k: number, opts: ReadOptions) {
  const [values] = await runSummary(reader, scope, [scope.range], ['visitors'], opts)
  if ((values.visitors ?? 0) < k)
    throw new ForbiddenError(
      `This view has fewer than ${k} visitors: widen the period or remove a filter (min_visitors of these credentials)`,
    )
}

/** A breakdown with the rows of fewer than k visitors folded into one "(other)" row. */
export async function foldedBreakdown(
  reader: EventReader,
  scope: Scope,
  req: BreakdownRequest,
  k: number,
  opts: ReadOptions,
) {
  // The "(other)" row sums its rows: right for counts, an upper bound for distinct counts, meaningless for
  // rates and averages, which are refused.
  const kind = METRICS[req.metric].kind
  if (kind !== 'count' && kind !== 'distinct')
    throw new ForbiddenError(`Under min_visitors a breakdown takes a count metric, not ${req.metric}`)
  const all = await getBreakdown(reader, scope, { ...req, limit: 1000, offset: 0 }, opts)
  const visitors =
    req.metric === 'visitors'
      ? all
      : await getBreakdown(reader, scope, { ...req, metric: 'visitors', limit: 1000, offset: 0 }, opts)
  const small = new Set(visitors.rows.filter((r) => r.value < k).map((r) => r.key))
  const kept = all.rows.filter((r) => !small.has(r.key))
  const other = all.rows.filter((r) => small.has(r.key)).reduce((sum, r) => sum + r.value, 0)
  const rows = small.size > 0 ? [...kept, { key: OTHER_KEY, value: other }] : kept
  return { ...all, rows: rows.slice(req.offset, req.offset + req.limit), total_rows: rows.length }
}

/** A timeseries whose buckets of fewer than k visitors read 0. */
export async function suppressedTimeseries(
  reader: EventReader,
  scope: Scope,
  req: Parameters<typeof getTimeseries>[2],
  k: number,
  opts: ReadOptions,
) {
  const series = await getTimeseries(reader, scope, req, opts)
  const visitors =
    req.metric === 'visitors'
      ? series
      : await getTimeseries(reader, scope, { ...req, metric: 'visitors' }, opts)
  return {
    ...series,
    points: series.points.map((p, i) => ((visitors.points[i]?.value ?? 0) < k ? { ...p, value: 0 } : p)),
  }
}
