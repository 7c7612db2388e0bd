// Count and distinct metrics broken down by `referrer_domain`: the events are first reduced per distinct
// referrer (counted, or paired with the distinct values counted), and the domain is extracted once per
// distinct referrer instead of once per event — the regular expression per row was most of the query's
// time. Session metrics take the general path. Same rows as the general path.
import type { Filter } from '../parse/filters'
import { FIELDS, METRICS, type Metric } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'
import { whereSql } from './selection'

/** SQL of `{k, <metric>}` per referrer domain, or null for a session or goal metric. */
export function referrerDomainSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  p: Params,
): string | null {
  const kind = METRICS[metric].kind
  if (kind !== 'count' && kind !== 'distinct') return null
  const where = whereSql(siteId, range, filters, p)
  const domain = FIELDS.referrer_domain
  const map = 'm AS (SELECT referrer, ' + domain + ' AS k FROM (SELECT DISTINCT referrer FROM d))'
  if (kind === 'count')
    return `WITH d AS (SELECT referrer, ${METRICS[metric].sql} AS c FROM events WHERE ${where} GROUP BY referrer), ${map} SELECT k, sum(c)::BIGINT AS ${metric} FROM d JOIN m ON d.referrer IS NOT DISTINCT FROM m.referrer GROUP BY k`
  return `WITH d AS (SELECT DISTINCT referrer, ${METRICS[metric].sql} AS v FROM events WHERE ${where}), ${map} SELECT k, count(DISTINCT v) AS ${metric} FROM d JOIN m ON d.referrer IS NOT DISTINCT FROM m.referrer GROUP BY k`
}
