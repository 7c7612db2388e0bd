// Aggregating metrics over selected events, optionally grouped by a key (a bucket, a dimension).
// Each kind of metric is its own subquery over the same (inlined, not materialised) selection, so
// DuckDB runs them side by side: plain counts in one pass; each distinct count on its own (grouped:
// distinct (key, value) pairs, then counted); session metrics over one row per (key, session) —
// n events, pv page views, first_ts, last_ts.
import { METRICS, type Metric } from '../registry'

/** Columns the metrics read. */
const COLUMNS = 'ts, event_type, session_id, user_id, visitor_id'

const SESSIONS = (key: string) =>
  `SELECT ${key}session_id, count(*) AS n, count(*) FILTER (WHERE event_type = 'page_view') AS pv, min(ts) AS first_ts, max(ts) AS last_ts FROM sel GROUP BY ${key}session_id`

/**
 * SQL returning one row with a column per metric, named after it — or, with `keySql`, one row per
 * key `k` with the column of its single metric. `where` selects the events.
 */
export function metricsSql(metrics: Metric[], where: string, keySql?: string): string {
  if (keySql && metrics.length !== 1) throw new Error('a grouped query computes one metric')
  const key = keySql ? 'k, ' : ''
  const group = keySql ? ' GROUP BY k' : ''
  const counts = metrics.filter((m) => METRICS[m].kind === 'count')
  const sessions = metrics.filter((m) => METRICS[m].kind === 'session')
  // With sessions at hand, distinct sessions are simply their number.
  const fromSessions = sessions.length > 0 && metrics.includes('unique_sessions')
  const distinct = metrics.filter(
    (m) => METRICS[m].kind === 'distinct' && !(fromSessions && m === 'unique_sessions'),
  )
  const parts: string[] = []
  if (counts.length > 0)
    parts.push(`SELECT ${key}${counts.map((m) => `${METRICS[m].sql} AS ${m}`).join(', ')} FROM sel${group}`)
  for (const m of distinct)
    parts.push(
      keySql
        ? `SELECT k, count(v) AS ${m} FROM (SELECT DISTINCT k, ${METRICS[m].sql} AS v FROM sel) GROUP BY k`
        : `SELECT count(DISTINCT ${METRICS[m].sql}) AS ${m} FROM sel`,
    )
  if (sessions.length > 0) {
    const cols = sessions.map((m) => `${METRICS[m].sql} AS ${m}`)
    if (fromSessions) cols.push('count(*) AS unique_sessions')
    parts.push(`SELECT ${key}${cols.join(', ')} FROM sess${group}`)
  }
  const ctes = [
    `sel AS NOT MATERIALIZED (SELECT ${keySql ? `${keySql} AS k, ` : ''}${COLUMNS} FROM events WHERE ${where})`,
  ]
  if (sessions.length > 0) ctes.push(`sess AS NOT MATERIALIZED (${SESSIONS(key)})`)
  const body =
    parts.length === 1 ? parts[0] : `SELECT * FROM ${parts.map((q) => `(${q})`).join(' CROSS JOIN ')}`
  return `WITH ${ctes.join(', ')} ${body}`
}
