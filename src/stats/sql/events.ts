// SQL of raw events: one page, newest first, after a cursor (for GET /api/v1/events); the export's
// oldest-first pages are in export.ts. The cursor is (ts, rowid): time first, rowid breaks ties.

import type { Query } from '../../db/rows'
import { PUBLIC_FIELDS } from '../../events/fields'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import type { Range } from '../time/period'
import { Params } from './params'
import { whereSql } from './selection'

/** The public fields' columns under their API names, in field-list order (raw events and export). */
export const RAW_COLUMNS = PUBLIC_FIELDS.map((f) =>
  f.column === f.name ? f.column : `${f.column} AS ${f.name}`,
).join(', ')

/** The names of `RAW_COLUMNS` as a result lists them (the export's CSV header). */
export const RAW_COLUMN_NAMES: readonly string[] = PUBLIC_FIELDS.map((f) => f.name)

/** A position in the newest-first order: the last row of a page. */
export interface Cursor {
  ts: number
  rowid: number
}

/** Up to `limit` events older than `cursor` (or the newest), newest first, with their rowid. */
export function buildEventsPage(
  siteId: string,
  range: Range,
  filters: Filter[],
  limit: number,
  cursor?: Cursor,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const row = p.dialect.rowId
  let where = whereSql(siteId, range, filters, p)
  if (cursor) {
    const ts = p.ms(cursor.ts)
    where += ` AND (ts < ${ts} OR (ts = ${ts} AND ${row} < ${p.add(BigInt(cursor.rowid))}))`
  }
  const sql = `SELECT ${row} AS rid, ${RAW_COLUMNS} FROM events WHERE ${where} ORDER BY ts DESC, ${row} DESC LIMIT ${p.add(limit)}`
  return { sql, params: p.values }
}
