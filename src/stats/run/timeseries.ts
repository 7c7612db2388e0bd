// GET /api/v1/stats/timeseries: the metric per calendar bucket of the period in the time zone, one
// point per bucket (empty ones 0), each labelled with its start as ISO 8601 with the local offset.

import type { EventReader } from '../../events/store'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { INTERVAL_NAMES, type Interval, METRIC_NAMES, type Metric } from '../registry'
import { buildTimeseries } from '../sql/grouped'
import { listBuckets } from '../time/buckets'
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

/** Read `metric` and `interval`. */
export function parseTimeseriesRequest(q: { metric?: string; interval?: string }, scope: Scope) {
  return {
    metric: pick('metric', q.metric || 'event_count', METRIC_NAMES),
    interval: q.interval ? pick('interval', q.interval, INTERVAL_NAMES) : defaultInterval(scope),
  }
}

/** Run the timeseries and fill every bucket of the period. */
export async function getTimeseries(
  reader: EventReader,
  scope: Scope,
  req: { metric: Metric; interval: Interval },
  opts: ReadOptions = {},
) {
  const zone = new ZoneMap(scope.timezone, scope.range.from, scope.range.to)
  const buckets = listBuckets(req.interval, zone, scope.range)
  const { sql, params } = buildTimeseries(
    scope.siteId,
    scope.range,
    scope.filters,
    req.metric,
    req.interval,
    zone,
    opts,
  )
  const rows = await reader.rows<Record<string, number>>(sql, params)
  const byKey = new Map<number, number>()
  for (const r of rows) byKey.set(Number(r.k), Number(r[req.metric]))
  return {
    metric: req.metric,
    period: scope.period,
    interval: req.interval,
    timezone: scope.timezone,
    from: new Date(scope.range.from).toISOString(),
    to: new Date(scope.range.to).toISOString(),
    points: buckets.map((b) => ({ time: zone.iso(b.start), value: byKey.get(b.key) ?? 0 })),
  }
}
