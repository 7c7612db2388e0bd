// SQL of retention: each visitor (as the `visitors` metric defines one) belongs to the bucket of their first
// selected event in the period (the cohort). One pass per visitor gives their cohort and a bitmask of
// the buckets they were active in (bucket i → bit i; hence at most 128 buckets); visitors are then
// counted per (cohort, bucket).
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import { type Interval, LIMITS, METRICS } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { bucketKeySql } from './bucket-key'
import { hourAligned, unitsSql } from './hours'
import { Params } from './params'
import { whereSql } from './selection'

/**
 * Rows `{cohort, k, visitors}` (bucket indexes from 0): visitors of cohort `cohort` active in bucket
 * `k`. Bucket index = (key − `firstKey`) / `step` (step 1 for days, 7 for weeks); `buckets` of them.
 */
export function buildRetention(
  siteId: string,
  range: Range,
  filters: Filter[],
  interval: 'day' | 'week',
  zone: ZoneMap,
  buckets: { firstKey: number; count: number },
): Query {
  if (buckets.count > LIMITS.maxCohorts) throw new Error('too many retention buckets')
  const p = new Params()
  const key = bucketKeySql(interval as Interval, zone, p)
  const index = `(${key} - ${p.bigint(buckets.firstKey)}) // ${interval === 'week' ? 7 : 1}`
  // Whole hours from session_hours (visitors as 64-bit keys) when it can answer, else the events.
  const units = hourAligned(interval, zone) ? unitsSql(siteId, range, filters, p) : null
  const visits = units
    ? `SELECT visitor_key AS v, ${index} AS i FROM (${units})`
    : `SELECT ${METRICS.visitors.sql} AS v, ${index} AS i FROM events WHERE ${whereSql(siteId, range, filters, p)}`
  const sql = `WITH per AS (SELECT v, min(i) AS cohort, bit_or(1::UHUGEINT << i::UHUGEINT) AS mask FROM (${visits}) GROUP BY v), combos AS (SELECT cohort, mask, count(*) AS c FROM per GROUP BY cohort, mask) SELECT cohort, j AS k, sum(c) AS visitors FROM combos, range(0, ${p.bigint(buckets.count)}) t(j) WHERE (mask >> j::UHUGEINT) & 1::UHUGEINT = 1::UHUGEINT GROUP BY cohort, j`
  return { sql, params: p.values }
}
