// Parse stats parameters against the registry: unknown names are a 422 listing the allowed ones.
import { AppError } from '../http/errors'
import { METRIC_NAMES, METRICS, type Metric, PERIOD_NAMES, type Period, ROLLING_PERIODS } from './registry'

/** A parsed stats request: site, metric, and the half-open time range [from, to). */
export interface ParsedStats {
  siteId: string
  metric: Metric
  period: Period
  from: number
  to: number
}

/** Pick `name` from `allowed` or throw 422 naming the parameter and the allowed values. */
export function pick<T extends string>(param: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(name)) return name as T
  throw new AppError(422, `Unknown ${param} "${name.slice(0, 64)}": allowed are ${allowed.join(', ')}`, [
    { path: `$.${param}`, message: `must be one of ${allowed.join(', ')}` },
  ])
}

/** Validate the query of GET /api/v1/stats. */
export function parseStatsQuery(
  q: { site_id: string; metric?: string; period?: string },
  now: number,
): ParsedStats {
  const metric = pick('metric', q.metric ?? 'event_count', METRIC_NAMES)
  const period = pick('period', q.period ?? '24h', PERIOD_NAMES)
  void METRICS
  return { siteId: q.site_id, metric, period, from: now - ROLLING_PERIODS[period], to: now }
}
