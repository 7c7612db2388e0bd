// SQL of the realtime top pages: URLs of page views in the window, by distinct visitors.
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import { METRICS } from '../registry'
import type { Range } from '../time/period'
import { Params } from './params'
import { whereSql } from './selection'

/** Rows `{url, visitors}`, most visitors first, then URL. */
export function buildTopPages(
  siteId: string,
  range: Range,
  filters: Filter[],
  limit: number,
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const where = whereSql(siteId, range, filters, p)
  const sql = `SELECT url, ${p.dialect.countDistinct(METRICS.visitors.sql())} AS visitors FROM events WHERE ${where} AND event_type = 'page_view' AND url IS NOT NULL GROUP BY url ORDER BY visitors DESC, url ASC LIMIT ${p.add(limit)}`
  return { sql, params: p.values }
}
