// GET /api/v1/retention: cohorts of visitors by the day or week of their first event in the period,
// and how many of each cohort came back in each later interval of the period.

import type { EventReader } from '../../events/store'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { LIMITS, RETENTION_INTERVALS } from '../registry'
import { buildRetention } from '../sql/retention'
import { listBuckets } from '../time/buckets'
import { ZoneMap } from '../time/zone-map'
import { percentOf } from './numbers'

type RetentionInterval = (typeof RETENTION_INTERVALS)[number]

/** Read `interval` (day or week, default day). */
export function parseRetentionInterval(raw: string | undefined): RetentionInterval {
  return pick('interval', raw || 'day', RETENTION_INTERVALS)
}

/** Run retention and lay it out as one row per cohort bucket of the period. */
export async function getRetention(
  reader: EventReader,
  scope: Scope,
  interval: RetentionInterval,
  opts: ReadOptions = {},
) {
  const zone = new ZoneMap(scope.timezone, scope.range.from, scope.range.to)
  const buckets = listBuckets(interval, zone, scope.range, LIMITS.maxCohorts)
  const counts = buckets.map((_, i) => new Array<number>(buckets.length - i).fill(0))
  const first = { firstKey: buckets[0]?.key ?? 0, count: buckets.length }
  const q = buildRetention(scope.siteId, scope.range, scope.filters, interval, zone, first, opts)
  for (const r of await reader.rows<{ cohort: number; k: number; visitors: number }>(q.sql, q.params)) {
    const c = Number(r.cohort)
    const k = Number(r.k)
    if (k >= c && c < buckets.length) counts[c][k - c] = Number(r.visitors)
  }
  return {
    period: scope.period,
    interval,
    timezone: scope.timezone,
    from: new Date(scope.range.from).toISOString(),
    to: new Date(scope.range.to).toISOString(),
    cohorts: buckets.map((b, i) => ({
      cohort: zone.iso(b.start),
      visitors: counts[i][0],
      counts: counts[i],
      rates: counts[i].map((n) => percentOf(n, counts[i][0])),
    })),
  }
}
