// SQL of retention: each visitor (as the `visitors` metric defines one) belongs to the bucket of their first
// selected event in the period (the cohort). One pass per visitor gives their cohort and a bitmask of
// the buckets they were active in (bucket i → bit i; hence at most 128 buckets); visitors are then
// counted per (cohort, bucket).
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import { planRead, type ReadOptions } from '../plan'
import { LIMITS, METRICS } from '../registry'
import type { Range } from '../time/period'
import type { ZoneMap } from '../time/zone-map'
import { bucketKeySql } from './bucket-key'
import { unitsSql } from './hours'
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
  opts: ReadOptions = {},
): Query {
  if (buckets.count > LIMITS.maxCohorts) throw new Error('too many retention buckets')
  // Whole hours from session_hours (visitors as 64-bit keys) when it can answer, else the events.
  const plan = planRead({ metrics: ['visitors'], filters, range, interval, zone }, opts)
  const p = new Params(opts.dialect)
  const d = p.dialect
  const key = bucketKeySql(interval, zone, p)
  const index = d.intDiv(`(${key} - ${p.bigint(buckets.firstKey)})`, interval === 'week' ? '7' : '1')
  const visits =
    plan.source === 'session_hours'
      ? `SELECT visitor_key AS v, ${index} AS i FROM (${unitsSql(siteId, range, filters, p)})`
      : `SELECT ${METRICS.visitors.sql()} AS v, ${index} AS i FROM events WHERE ${whereSql(siteId, range, filters, p)}`
  const sql = `WITH per AS (SELECT v, min(i) AS cohort, ${d.bitMaskAgg('i')} AS mask FROM (${visits}) GROUP BY v), combos AS (SELECT cohort, mask, count(*) AS c FROM per GROUP BY cohort, mask) SELECT cohort, j AS k, sum(c) AS visitors FROM combos, ${d.series(p.bigint(buckets.count), 'j')} WHERE ${d.bitTest('mask', 'j')} GROUP BY cohort, j`
  return { sql, params: p.values }
}
