// SQL for one aggregate metric over a site and time range. Returns {sql, params}; values are bound.
import type { Query } from '../../db/rows'
import type { ParsedStats } from '../parse'
import { METRICS } from '../registry'

/** `SELECT <metric> AS value FROM events WHERE site_id = ? AND ts in [from, to)`. */
export function buildAggregate(p: ParsedStats): Query {
  return {
    sql: `SELECT ${METRICS[p.metric]} AS value FROM events WHERE site_id = $1 AND ts >= $2 AND ts < $3`,
    params: [p.siteId, BigInt(p.from), BigInt(p.to)],
  }
}
