// GET /api/v1/overview: every site the caller may read, with its visitors and page views for the period and
// a visitors sparkline (one point per bucket, empty ones 0), from one query over all of them.
import type { EventReader } from '../../events/store'
import type { ReadOptions } from '../plan'
import type { Interval } from '../registry'
import { buildOverview } from '../sql/overview'
import { listBuckets } from '../time/buckets'
import type { Range } from '../time/period'
import { ZoneMap } from '../time/zone-map'

/** One site of the overview. */
export interface OverviewSite {
  site_id: string
  name: string
  visitors: number
  page_views: number
  /** Visitors per bucket, in the order of the answer's `buckets`. */
  sparkline: number[]
}

interface Row {
  site_id: string
  k: number | null
  total: number
  visitors: number
  page_views: number
}

/** The overview of `sites` (in the order given) over `range` in `timezone`. */
export async function getOverview(
  reader: EventReader,
  sites: readonly { site_id: string; name: string }[],
  range: Range,
  timezone: string,
  interval: Interval,
  opts: ReadOptions = {},
): Promise<{ buckets: string[]; sites: OverviewSite[] }> {
  const zone = new ZoneMap(timezone, range.from, range.to)
  const buckets = listBuckets(interval, zone, range)
  const out = sites.map((s) => ({
    site_id: s.site_id,
    name: s.name,
    visitors: 0,
    page_views: 0,
    sparkline: buckets.map(() => 0),
  }))
  if (sites.length > 0) {
    const bySite = new Map(out.map((s) => [s.site_id, s]))
    const index = new Map(buckets.map((b, i) => [b.key, i]))
    const q = buildOverview(
      sites.map((s) => s.site_id),
      range,
      interval,
      zone,
      opts,
    )
    for (const r of await reader.rows<Row>(q.sql, q.params)) {
      const s = bySite.get(r.site_id)
      if (!s) continue
      if (Number(r.total) === 1) {
        s.visitors = Number(r.visitors)
        s.page_views = Number(r.page_views)
        continue
      }
      const i = index.get(Number(r.k))
      if (i !== undefined) s.sparkline[i] = Number(r.visitors)
    }
  }
  return { buckets: buckets.map((b) => zone.iso(b.start)), sites: out }
}
