// SQL of a journey: each session's page views (among the selected events, in the period) numbered in
// order of time (equal times by URL), the first view of the start page, and the up to depth + 1 pages
// after it (or before it, nearest first) as columns p1, p2, …; one query per depth then groups the
// sessions by their first k pages. Portable SQL only: a window row number, CASE and max, the dialect's
// countIf; every value bound.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import type { JourneyDirection } from '../registry'
import type { Range } from '../time/period'
import { Params } from './params'
import { whereSql } from './selection'

/** What a journey asks for. */
export interface JourneySpec {
  page: string
  direction: JourneyDirection
  depth: number
}

/** The `seq` relation (one row per session through the start page: `p1 … p{depth+1}`), with its parameters. */
function sequencesSql(siteId: string, range: Range, filters: Filter[], spec: JourneySpec, p: Params): string {
  const where = whereSql(siteId, range, filters, p)
  const page = p.add(spec.page)
  const sign = spec.direction === 'next' ? '+' : '-'
  const cols = Array.from(
    { length: spec.depth + 1 },
    (_, i) => `max(CASE WHEN pv_rn = srn ${sign} ${i + 1} THEN pv_url END) AS p${i + 1}`,
  )
  const pv = `SELECT session_key AS pv_s, url AS pv_url, row_number() OVER (PARTITION BY session_key ORDER BY ts, url) AS pv_rn FROM events WHERE ${where} AND event_type = 'page_view' AND url IS NOT NULL`
  const st = `SELECT pv_s AS ss, min(pv_rn) AS srn FROM pv WHERE pv_url = ${page} GROUP BY pv_s`
  return `WITH pv AS (${pv}), st AS (${st}), seq AS (SELECT ss, ${cols.join(', ')} FROM st LEFT JOIN pv ON pv_s = ss GROUP BY ss)`
}

/** One row: `sessions` through the start page and `d1 … dN`, the sessions with at least k steps. */
export function buildJourneyTotals(
  siteId: string,
  range: Range,
  filters: Filter[],
  spec: JourneySpec,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const seq = sequencesSql(siteId, range, filters, spec, p)
  const depths = Array.from({ length: spec.depth }, (_, i) => `count(p${i + 1}) AS d${i + 1}`)
  return { sql: `${seq} SELECT count(*) AS sessions, ${depths.join(', ')} FROM seq`, params: p.values }
}

/**
 * The top `limit` paths of `k` steps: `p1 … pk`, `sessions` following them and `exits`, those with no
 * step after (most sessions first, then by the pages in order).
 */
export function buildJourneyPaths(
  siteId: string,
  range: Range,
  filters: Filter[],
  spec: JourneySpec,
  k: number,
  limit: number,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const seq = sequencesSql(siteId, range, filters, spec, p)
  const keys = Array.from({ length: k }, (_, i) => `p${i + 1}`)
  const sql = `${seq} SELECT ${keys.join(', ')}, count(*) AS sessions, ${p.dialect.countIf(`p${k + 1} IS NULL`)} AS exits FROM seq WHERE p${k} IS NOT NULL GROUP BY ${keys.join(', ')} ORDER BY sessions DESC, ${keys.join(', ')} LIMIT ${p.bigint(limit)}`
  return { sql, params: p.values }
}
