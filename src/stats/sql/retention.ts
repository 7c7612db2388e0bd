// SQL of retention: each visitor (coalesce(user_id, session_id)) belongs to the bucket of their first
// selected event in the period (the cohort); count, per cohort, the visitors active in each bucket.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { Interval } from '../registry'
import { bucketKeySql } from '../time/buckets'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { Params } from './params'
import { whereSql } from './selection'

/** Rows `{cohort, k, visitors}`: visitors of cohort bucket `cohort` active in bucket `k`. */
export function buildRetention(
  siteId: string,
  range: Range,
  filters: Filter[],
  interval: Interval,
  zone: ZoneMap,
): Query {
  const p = new Params()
  const key = bucketKeySql(interval, zone, p)
  const where = whereSql(siteId, range, filters, p)
  const sql = `WITH act AS (SELECT DISTINCT coalesce(user_id, session_id) AS v, ${key} AS k FROM events WHERE ${where}), first AS (SELECT v, min(k) AS cohort FROM act GROUP BY v) SELECT first.cohort AS cohort, act.k AS k, count(*) AS visitors FROM act JOIN first ON act.v = first.v GROUP BY ALL`
  return { sql, params: p.values }
}
