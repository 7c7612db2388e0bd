// The export's row source: the selected events, oldest first (ties in storage order), as DuckDB data
// chunks, without ever sorting more than one page. The selection's time range is cut into windows of
// about `pageRows` rows from a histogram; each window is read sorted, in pages of `pageRows` after a
// (ts, rowid) cursor when one instant holds more. All of it runs in one transaction, so the export is
// one snapshot even though it takes many queries.
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api'
import { queryRows } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { Cursor } from '../sql/events'
import { buildExportBounds, buildExportHistogram, buildExportPage } from '../sql/export'
import type { Range } from '../time/period'

/** What to export. */
export interface ExportSelection {
  siteId: string
  range: Range
  filters: Filter[]
}

/** Options of `exportChunks`. */
export interface ExportPagesOptions {
  /** Rows sorted at once, at most (default 50 000). */
  pageRows?: number
  /** Wraps every DuckDB call (a time limit); default: run as is. */
  timed?: <T>(work: () => Promise<T>) => Promise<T>
}

/** Histogram buckets per page of rows: several, so that merged windows come out nearly full. */
const BUCKETS_PER_PAGE = 8
const MAX_BUCKETS = 100_000

/**
 * Merge consecutive histogram buckets (`b` = bucket number of `width` ms from `lo`, `n` rows) into
 * windows `[from, to)` of at most `pageRows` rows; a bucket over that is a window of its own.
 */
export function planWindows(
  buckets: { b: number; n: number }[],
  lo: number,
  width: number,
  pageRows: number,
): Range[] {
  const windows: Range[] = []
  let cur: { from: number; to: number; n: number } | undefined
  for (const { b, n } of buckets) {
    const from = lo + b * width
    const to = from + width
    if (cur && cur.n + n <= pageRows) {
      cur.to = to
      cur.n += n
    } else {
      if (cur) windows.push({ from: cur.from, to: cur.to })
      cur = { from, to, n }
    }
  }
  if (cur) windows.push({ from: cur.from, to: cur.to })
  return windows
}

/**
 * The selected rows as chunks; each chunk's last column is `rid` (the rowid), which callers drop.
 * Stop early with the generator's `return()` (or by interrupting `conn`).
 */
export async function* exportChunks(
  conn: DuckDBConnection,
  sel: ExportSelection,
  opts: ExportPagesOptions = {},
): AsyncGenerator<{ names: string[]; chunk: DuckDBDataChunk }> {
  const pageRows = opts.pageRows ?? 50_000
  const timed = opts.timed ?? (<T>(work: () => Promise<T>) => work())
  const rows = <T>(q: { sql: string; params: unknown[] }) =>
    timed(() => queryRows<T>(conn, q.sql, q.params as never))
  await timed(() => conn.run('BEGIN TRANSACTION'))
  try {
    const [bounds] = await rows<{ lo: number | null; hi: number | null; n: number }>(
      buildExportBounds(sel.siteId, sel.range, sel.filters),
    )
    if (bounds.lo === null || bounds.hi === null || bounds.n === 0) return
    const span = bounds.hi - bounds.lo + 1
    let windows: Range[] = [{ from: bounds.lo, to: bounds.hi + 1 }]
    if (bounds.n > pageRows) {
      const count = Math.min(MAX_BUCKETS, Math.ceil(bounds.n / pageRows) * BUCKETS_PER_PAGE)
      const width = Math.max(1, Math.ceil(span / count))
      const histogram = await rows<{ b: number; n: number }>(
        buildExportHistogram(sel.siteId, sel.range, sel.filters, bounds.lo, width),
      )
      windows = planWindows(histogram, bounds.lo, width, pageRows)
    }
    for (const window of windows) {
      let cursor: Cursor | undefined
      for (;;) {
        const q = buildExportPage(sel.siteId, sel.range, sel.filters, window, pageRows, cursor)
        const result = await timed(() => conn.stream(q.sql, q.params))
        const names = result.columnNames().slice(0, -1)
        const ts = names.indexOf('timestamp')
        let got = 0
        let last: unknown[] | undefined
        for (;;) {
          const chunk = await timed(() => result.fetchChunk())
          if (!chunk || chunk.rowCount === 0) break
          got += chunk.rowCount
          last = chunk.getRowValues(chunk.rowCount - 1)
          yield { names, chunk }
        }
        if (got < pageRows || !last) break
        cursor = { ts: Number(last[ts]), rowid: Number(last[last.length - 1]) }
      }
    }
  } finally {
    await conn.run('ROLLBACK').catch(() => undefined)
  }
}
