// The all-sites overview in one statement: for every site listed, its visitors and page views over the
// range and per bucket (the sparkline), from one scan. Whole UTC hours are read from `session_hours` when
// the buckets hold whole hours, the partial hours at the edges from the events (as hours.ts does for one
// site); bots are left out, as in every read without include_bots. GROUPING SETS gives the totals (distinct
// visitors over the whole range) and the buckets from the same rows; GROUPING(k) tells them apart.
import { HOUR_MS } from '../../events/session-hours'
import { hourAligned, type ReadOptions, wholeHours } from '../plan'
import { type Interval, NOT_BOT_SQL } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { bucketKeySql } from './bucket-key'
import { Params } from './params'

/** The overview query of `siteIds` (at least one) over `range`, bucketed by `interval` in `zone`. */
export function buildOverview(
  siteIds: readonly string[],
  range: Range,
  interval: Interval,
  zone: ZoneMap,
  opts: ReadOptions = {},
): { sql: string; params: Params['values'] } {
  const p = new Params(opts.dialect)
  const d = p.dialect
  const sites = `site_id IN (${siteIds.map((s) => p.add(s)).join(', ')})`
  const events = (from: number, to: number) =>
    `SELECT site_id, ts, ${d.toInt64("(event_type = 'page_view')")} AS pv, visitor_key FROM events WHERE ${sites} AND ts >= ${p.ms(from)} AND ts < ${p.ms(to)} AND ${NOT_BOT_SQL}`
  const hours = opts.fragments !== false && hourAligned(interval, zone) ? wholeHours(range) : null
  const units: string[] = []
  if (hours) {
    units.push(
      `SELECT site_id, first_ts AS ts, page_views AS pv, visitor_key FROM session_hours WHERE ${sites} AND hour >= ${p.bigint(hours.a / HOUR_MS)} AND hour < ${p.bigint(hours.b / HOUR_MS)} AND ${NOT_BOT_SQL}`,
    )
    if (range.from < hours.a) units.push(events(range.from, hours.a))
    if (hours.b < range.to) units.push(events(hours.b, range.to))
  } else units.push(events(range.from, range.to))
  const keyed = `SELECT site_id, ${bucketKeySql(interval, zone, p)} AS k, pv, visitor_key FROM (${units.join(' UNION ALL ')})`
  const sql = `SELECT site_id, k, GROUPING(k) AS total, ${d.countDistinct('visitor_key')} AS visitors, ${d.toInt64('sum(pv)')} AS page_views FROM (${keyed}) GROUP BY GROUPING SETS ((site_id), (site_id, k))`
  return { sql, params: p.values }
}
