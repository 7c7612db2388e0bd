// GET /api/v1/stats/timeseries: the metric per calendar bucket of the period in the time zone, one
// point per bucket (empty ones 0), each labelled with its start as ISO 8601 with the local offset.

import type { EventReader } from '../../events/store'
import { type Compare, compareRange, parseCompare } from '../parse/compare'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { INTERVAL_NAMES, type Interval, METRIC_NAMES, type Metric } from '../registry'
import { buildTimeseries } from '../sql/grouped'
import { listBuckets } from '../time/buckets'
import type { Range } from '../time/period'
import { ZoneMap } from '../time/zone-map'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The interval that gives a readable number of points for the scope's period. */
export function defaultInterval(scope: Scope): Interval {
  const span = scope.range.to - scope.range.from
  if (span <= 3 * HOUR) return 'minute'
  if (span <= 3 * DAY) return 'hour'
  return 'day'
}

/** The parsed timeseries request. */
export interface TimeseriesRequest {
  metric: Metric
  /** The interval asked for; null: chosen from the period once it is settled. */
  interval: Interval | null
  compare: Compare | null
}

/** Read `metric`, `interval` and the comparison. */
export function parseTimeseriesRequest(
  q: { metric?: string; interval?: string; compare?: string; compare_from?: string; compare_to?: string },
  scope: Scope,
): TimeseriesRequest {
  return {
    metric: pick('metric', q.metric || 'event_count', METRIC_NAMES),
    interval: q.interval ? pick('interval', q.interval, INTERVAL_NAMES) : null,
    compare: parseCompare(q, scope.timezone),
  }
}

/** The points of `metric` per `interval` bucket of `range`, every bucket filled. */
async function seriesOf(
  reader: EventReader,
  scope: Scope,
  range: Range,
  metric: Metric,
  interval: Interval,
  opts: ReadOptions,
) {
  const zone = new ZoneMap(scope.timezone, range.from, range.to)
  const buckets = listBuckets(interval, zone, range)
  const { sql, params } = buildTimeseries(scope.siteId, range, scope.filters, metric, interval, zone, opts)
  const rows = await reader.rows<Record<string, number>>(sql, params)
  const byKey = new Map<number, number>()
  for (const r of rows) byKey.set(Number(r.k), Number(r[metric]))
  return buckets.map((b) => ({ time: zone.iso(b.start), value: byKey.get(b.key) ?? 0 }))
}

/** Run the timeseries (and the compared range's) and fill every bucket. */
export async function getTimeseries(
  reader: EventReader,
  scope: Scope,
  req: TimeseriesRequest,
  opts: ReadOptions = {},
) {
  const interval = req.interval ?? defaultInterval(scope)
  const iso = (t: number) => new Date(t).toISOString()
  const base = {
    metric: req.metric,
    period: scope.period,
    interval,
    timezone: scope.timezone,
    from: iso(scope.range.from),
    to: iso(scope.range.to),
    points: await seriesOf(reader, scope, scope.range, req.metric, interval, opts),
  }
  if (!req.compare) return base
  const range = compareRange(scope, req.compare)
  const points = await seriesOf(reader, scope, range, req.metric, interval, opts)
  return { ...base, comparison: { from: iso(range.from), to: iso(range.to), points } }
}
