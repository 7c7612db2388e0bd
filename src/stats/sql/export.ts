// SQL of the export, which walks the selected events oldest first in bounded pieces instead of sorting
// them all at once: the bounds and count of the selection, a histogram of it over equal time buckets
// (to cut the range into windows of a bounded number of rows), and one page of a window after a cursor.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import type { Range } from '../time/period'
import type { Cursor } from './events'
import { RAW_COLUMNS } from './events'
import { Params } from './params'
import { whereSql } from './selection'

/** The selection's first and last timestamps and its size: `{lo, hi, n}` (lo and hi null when empty). */
export function buildExportBounds(
  siteId: string,
  range: Range,
  filters: Filter[],
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const where = whereSql(siteId, range, filters, p)
  return {
    sql: `SELECT min(ts) AS lo, max(ts) AS hi, count(*) AS n FROM events WHERE ${where}`,
    params: p.values,
  }
}

/** Rows per bucket `b` of `width` ms from `lo`: `{b, n}` for non-empty buckets, in time order. */
export function buildExportHistogram(
  siteId: string,
  range: Range,
  filters: Filter[],
  lo: number,
  width: number,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const where = whereSql(siteId, range, filters, p)
  const b = p.dialect.intDiv(`(ts - ${p.bigint(lo)})`, p.bigint(width))
  return {
    sql: `SELECT ${b} AS b, count(*) AS n FROM events WHERE ${where} GROUP BY ALL ORDER BY b`,
    params: p.values,
  }
}

/**
 * Up to `limit` selected events of `window` after `cursor`, oldest first (ties by rowid): the export's
 * columns, then `rid` (the rowid, for the next cursor).
 */
export function buildExportPage(
  siteId: string,
  range: Range,
  filters: Filter[],
  window: Range,
  limit: number,
  cursor?: Cursor,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const row = p.dialect.rowId
  let where = `${whereSql(siteId, range, filters, p)} AND ts >= ${p.ms(window.from)} AND ts < ${p.ms(window.to)}`
  if (cursor) {
    const ts = p.ms(cursor.ts)
    where += ` AND (ts > ${ts} OR (ts = ${ts} AND ${row} > ${p.add(BigInt(cursor.rowid))}))`
  }
  return {
    sql: `SELECT ${RAW_COLUMNS}, ${row} AS rid FROM events WHERE ${where} ORDER BY ts, ${row} LIMIT ${p.add(limit)}`,
    params: p.values,
  }
}
