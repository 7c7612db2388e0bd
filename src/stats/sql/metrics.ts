// Aggregating metrics over selected events, optionally grouped by a key (a bucket, a dimension).
// Each kind of metric is its own subquery over the same (inlined, not materialised) selection, so
// DuckDB runs them side by side: plain counts in one pass; each distinct count on its own (grouped:
// distinct (key, value) pairs, then counted); session metrics over one row per (key, session) —
// n events, pv page views, first_ts, last_ts; goal metrics from the converted visitors `c` of the
// selection and the visitors `d` of the denominator's selection (the scope without the goal filter).
// Sessions and visitors are their stored 64-bit keys (src/events/keys.ts): integers to hash and compare.
// Engine-specific constructs are spelled by the dialect (src/events/dialect.ts).
import type { Dialect } from '../../events/dialect'
import { METRICS, type Metric } from '../registry'

/** Columns the metrics read. */
const COLUMNS = 'ts, event_type, session_key, visitor_key, user_id'

const VISITOR = METRICS.visitors.sql()

const SESSIONS = (key: string, d: Dialect) =>
  `SELECT ${key}session_key, count(*) AS n, ${d.countIf("event_type = 'page_view'")} AS pv, min(ts) AS first_ts, max(ts) AS last_ts FROM sel GROUP BY ${key}session_key`

/**
 * SQL of an `engagement` event's property `key` as a whole number from 0 to `max` (floored), NULL for
 * any other event or a value that is missing, not a number or out of range.
 */
function engagementValueSql(d: Dialect, key: string, max: number): string {
  const v = d.tryDouble(d.property('properties', `'${d.propertyPath(key)}'`))
  return `CASE WHEN event_type = 'engagement' AND ${v} >= 0 AND ${v} <= ${max} THEN ${d.toInt64(`floor(${v})`)} END`
}

/** A day in ms: the longest time one engagement event may report. */
const DAY_MS = 86_400_000

/** The selection's extra columns of the engagement metrics: `url_key`, `eng_ms` and `eng_scroll`. */
const engagementColumns = (d: Dialect) =>
  `, url_key, ${engagementValueSql(d, 'time_ms', DAY_MS)} AS eng_ms, ${engagementValueSql(d, 'scroll', 100)} AS eng_scroll`

/**
 * The engagement metrics' parts and CTEs: `eng_pages` (one row per key, session and url key: `ms` the
 * summed time, `depth` the deepest scroll, each NULL without a valid value) and `eng_visits` (one row per
 * key and session: `ms` and its count `m`, first and last event time). Every selected event makes its
 * page visit and session a row, so a key without engagement reads 0 like any other metric (without a key,
 * only the engagement events make page rows: the others add no value and no row to count).
 */
function engagementParts(metrics: Metric[], keyed: boolean, d: Dialect) {
  const key = keyed ? 'k, ' : ''
  const group = keyed ? ' GROUP BY k' : ''
  const parts: string[] = []
  const ctes: string[] = []
  for (const over of ['pages', 'visits'] as const) {
    const ms = metrics.filter((m) => {
      const def: { kind: string; over?: string } = METRICS[m]
      return def.kind === 'engagement' && def.over === over
    })
    if (ms.length === 0) continue
    parts.push(
      `SELECT ${key}${ms.map((m) => `${METRICS[m].sql(d)} AS ${m}`).join(', ')} FROM eng_${over}${group}`,
    )
    ctes.push(
      over === 'pages'
        ? d.cte(
            'eng_pages',
            `SELECT ${key}session_key, url_key, CASE WHEN count(eng_ms) > 0 THEN sum(eng_ms) END AS ms, CASE WHEN count(eng_scroll) > 0 THEN max(eng_scroll) END AS depth FROM sel${keyed ? '' : " WHERE event_type = 'engagement'"} GROUP BY ${key}session_key, url_key`,
          )
        : d.cte(
            'eng_visits',
            `SELECT ${key}session_key, CASE WHEN count(eng_ms) > 0 THEN sum(eng_ms) ELSE 0 END AS ms, count(eng_ms) AS m, min(ts) AS first_ts, max(ts) AS last_ts FROM sel GROUP BY ${key}session_key`,
          ),
    )
  }
  return { parts, ctes }
}

/** The events a query aggregates. */
export interface Selection {
  /** The condition selecting them. */
  where: string
  /** What they are read from (`events` unless the key needs a join). */
  from?: string
  /** Only for goal metrics: what converts, and the denominator of conversion_rate. */
  goal?: {
    /** SQL true for a selected event that completes a goal. */
    converts: string
    /** The condition selecting the denominator's events (from `from`). */
    where: string
    /** What the denominator's events are read from (default: the selection's `from`). */
    from?: string
    /** False when grouped rows share one denominator (a breakdown by goal). */
    grouped: boolean
  }
}

/** The goal metrics' subquery: `c` converted visitors and `d` denominator visitors, per key or not. */
function goalPart(metrics: Metric[], sel: Selection, keyed: boolean, dialect: Dialect): string {
  const g = sel.goal
  if (!g) throw new Error('goal metrics need a goal selection')
  const cols = metrics.map((m) => `${METRICS[m].sql(dialect)} AS ${m}`).join(', ')
  const c = `${dialect.countDistinct(VISITOR, 'conv')} AS c`
  const d = `${dialect.countDistinct('v')} AS d`
  // Every joined subquery has an alias: ClickHouse requires one.
  if (!keyed)
    return `SELECT ${cols} FROM (SELECT ${c} FROM sel) AS gc CROSS JOIN (SELECT ${d} FROM den) AS gd`
  const conv = `SELECT k, ${c} FROM sel GROUP BY k`
  if (!g.grouped) return `SELECT k, ${cols} FROM (${conv}) AS gc CROSS JOIN (SELECT ${d} FROM den) AS gd`
  return `SELECT a.k, ${cols} FROM (${conv}) a LEFT JOIN (SELECT k, ${d} FROM den GROUP BY k) b ON ${dialect.nullSafeEq('a.k', 'b.k')}`
}

/**
 * SELECTs of the count, distinct and session metrics among `metrics`, each one row (or, `keyed`, one row
 * per key `k`) with a column per metric: counts in one pass over `rel`, each distinct count on its own
 * (keyed: distinct (k, value) pairs, then counted), session metrics over `sess` (one row per session:
 * `n`, `pv`, `first_ts`, `last_ts`). `sqlOf` is a metric's SQL over those rows. With session metrics
 * asked too, `unique_sessions` is the number of session rows (one aggregation fewer). Also returns the
 * session metrics: the caller defines `sess` when there are any.
 */
export function metricParts(
  metrics: Metric[],
  sqlOf: (m: Metric) => string,
  rel: string,
  keyed: boolean,
  d: Dialect,
): { parts: string[]; sessions: Metric[] } {
  const key = keyed ? 'k, ' : ''
  const group = keyed ? ' GROUP BY k' : ''
  const counts = metrics.filter((m) => METRICS[m].kind === 'count')
  const sessions = metrics.filter((m) => METRICS[m].kind === 'session')
  const fromSessions = sessions.length > 0 && metrics.includes('unique_sessions')
  const distinct = metrics.filter(
    (m) => METRICS[m].kind === 'distinct' && !(fromSessions && m === 'unique_sessions'),
  )
  const parts: string[] = []
  if (counts.length > 0)
    parts.push(`SELECT ${key}${counts.map((m) => `${sqlOf(m)} AS ${m}`).join(', ')} FROM ${rel}${group}`)
  for (const m of distinct)
    parts.push(
      keyed
        ? `SELECT k, count(v) AS ${m} FROM (SELECT DISTINCT k, ${sqlOf(m)} AS v FROM ${rel}) GROUP BY k`
        : `SELECT ${d.countDistinct(sqlOf(m))} AS ${m} FROM ${rel}`,
    )
  if (sessions.length > 0) {
    const cols = sessions.map((m) => `${sqlOf(m)} AS ${m}`)
    if (fromSessions) cols.push('count(*) AS unique_sessions')
    parts.push(`SELECT ${key}${cols.join(', ')} FROM sess${group}`)
  }
  return { parts, sessions }
}

/** Several one-row (or keyed) parts as one query: side by side, joined (each part is one row per key). */
export function joinParts(parts: string[]): string {
  // Each subquery aliased (ClickHouse refuses an unaliased one in a join).
  return parts.length === 1
    ? parts[0]
    : `SELECT * FROM ${parts.map((q, i) => `(${q}) AS part${i}`).join(' CROSS JOIN ')}`
}

/**
 * SQL returning one row with a column per metric, named after it — or, with `keySql`, one row per
 * key `k` with the column of its single metric.
 */
export function metricsSql(metrics: Metric[], sel: Selection, d: Dialect, keySql?: string): string {
  if (keySql && metrics.length !== 1) throw new Error('a grouped query computes one metric')
  const key = keySql ? 'k, ' : ''
  const from = sel.from ?? 'events'
  const goals = metrics.filter((m) => METRICS[m].kind === 'goal')
  const { parts, sessions } = metricParts(metrics, (m) => METRICS[m].sql(d), 'sel', keySql !== undefined, d)
  if (goals.length > 0) parts.push(goalPart(goals, sel, keySql !== undefined, d))
  const engagement = engagementParts(metrics, keySql !== undefined, d)
  parts.push(...engagement.parts)
  const k = keySql ? `${keySql} AS k, ` : ''
  const conv = goals.length > 0 ? `, ${sel.goal?.converts} AS conv` : ''
  const eng = engagement.parts.length > 0 ? engagementColumns(d) : ''
  const ctes = [d.cte('sel', `SELECT ${k}${COLUMNS}${conv}${eng} FROM ${from} WHERE ${sel.where}`)]
  ctes.push(...engagement.ctes)
  if (sessions.length > 0) ctes.push(d.cte('sess', SESSIONS(key, d)))
  if (goals.length > 0 && sel.goal) {
    const dk = keySql && sel.goal.grouped ? k : ''
    ctes.push(
      d.cte('den', `SELECT ${dk}${VISITOR} AS v FROM ${sel.goal.from ?? from} WHERE ${sel.goal.where}`),
    )
  }
  return `WITH ${ctes.join(', ')} ${joinParts(parts)}`
}
