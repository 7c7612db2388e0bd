// Aggregating metrics over selected events, optionally grouped by a key (a bucket, a dimension).
// Event metrics aggregate the events; session metrics first fold the events into one row per
// (key, session) — n events, pv page views, first_ts, last_ts — and aggregate those rows.
import { type Metric, METRICS } from '../registry'

/** Columns the metrics read. */
const COLUMNS = 'ts, event_type, session_id, user_id'

/**
 * SQL returning one row (or one row per `k` when `keySql` is given) with a column per metric, named
 * after it. `where` selects the events. With a key, every metric must be of the same kind.
 */
export function metricsSql(metrics: Metric[], where: string, keySql?: string): string {
  const key = keySql ? 'k, ' : ''
  const group = keySql ? ' GROUP BY k' : ''
  const ev = metrics.filter((m) => METRICS[m].kind === 'event')
  const se = metrics.filter((m) => METRICS[m].kind === 'session')
  if (keySql && ev.length > 0 && se.length > 0) throw new Error('grouped metrics must be of one kind')
  const sel = `sel AS (SELECT ${keySql ? `${keySql} AS k, ` : ''}${COLUMNS} FROM events WHERE ${where})`
  const evSql = `SELECT ${key}${ev.map((m) => `${METRICS[m].sql} AS ${m}`).join(', ')} FROM sel${group}`
  const sess = `sess AS (SELECT ${key}session_id, count(*) AS n, count(*) FILTER (WHERE event_type = 'page_view') AS pv, min(ts) AS first_ts, max(ts) AS last_ts FROM sel GROUP BY ${key}session_id)`
  const seSql = `SELECT ${key}${se.map((m) => `${METRICS[m].sql} AS ${m}`).join(', ')} FROM sess${group}`
  if (se.length === 0) return `WITH ${sel} ${evSql}`
  if (ev.length === 0) return `WITH ${sel}, ${sess} ${seSql}`
  return `WITH ${sel}, ${sess} SELECT * FROM (${evSql}) CROSS JOIN (${seSql})`
}
