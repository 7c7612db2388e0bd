// Count and distinct metrics broken down by `referrer_domain`: the events are first reduced per distinct
// referrer (counted, or paired with the distinct values counted), and the domain is extracted once per
// distinct referrer instead of once per event — the regular expression per row was most of the query's
// time. The planner (src/stats/plan.ts) sends session and goal metrics the general path. Same rows as it.
import type { Filter } from '../parse/filters'
import { METRICS, type Metric, referrerDomainSql } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'
import { whereSql } from './selection'

/** SQL of `{k, <metric>}` per referrer domain (a count or distinct metric). */
export function referrerDomainsSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  metric: Metric,
  p: Params,
): string {
  const kind = METRICS[metric].kind
  if (kind !== 'count' && kind !== 'distinct')
    throw new Error('referrer domains planned for a metric that is not a count or distinct count')
  const d = p.dialect
  const where = whereSql(siteId, range, filters, p)
  const sql = METRICS[metric].sql(d)
  const map = `m AS (SELECT referrer, ${referrerDomainSql(d)} AS k FROM (SELECT DISTINCT referrer FROM d))`
  const on = d.nullSafeEq('d.referrer', 'm.referrer')
  if (kind === 'count')
    return `WITH d AS (SELECT referrer, ${sql} AS c FROM events WHERE ${where} GROUP BY referrer), ${map} SELECT k, ${d.toInt64('sum(c)')} AS ${metric} FROM d JOIN m ON ${on} GROUP BY k`
  return `WITH d AS (SELECT DISTINCT referrer, ${sql} AS v FROM events WHERE ${where}), ${map} SELECT k, ${d.countDistinct('v')} AS ${metric} FROM d JOIN m ON ${on} GROUP BY k`
}
