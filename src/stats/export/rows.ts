// The export's row source on an engine read through an `EventReader` (ClickHouse): the same walk as
// pages.ts — bounds, a histogram cut into windows of about `pageRows` rows, each window read oldest first
// in pages after a (ts, row id) cursor — with the same builders, spelled in the engine's dialect. Rows come
// as arrays in RAW_COLUMN_NAMES order. ClickHouse has no multi-statement snapshot: an event written while
// the export runs may appear in it if its place is still ahead of the cursor.
import type { Dialect } from '../../events/dialect'
import type { EventReader } from '../../events/store'
import type { Cursor } from '../sql/events'
import { RAW_COLUMN_NAMES } from '../sql/events'
import { buildExportBounds, buildExportHistogram, buildExportPage } from '../sql/export'
import type { Range } from '../time/period'
import { type ExportSelection, planWindows } from './pages'

/** Options of `readerExportRows`. */
export interface ReaderExportOptions {
  dialect: Dialect
  /** Rows per page, at most (default 50 000). */
  pageRows?: number
}

const BUCKETS_PER_PAGE = 8
const MAX_BUCKETS = 100_000

/** The selected rows, oldest first (ties by row id), page by page; stop early with `return()`. */
export async function* readerExportRows(
  reader: EventReader,
  sel: ExportSelection,
  opts: ReaderExportOptions,
): AsyncGenerator<unknown[][]> {
  const pageRows = opts.pageRows ?? 50_000
  const o = { dialect: opts.dialect }
  const [bounds] = await reader.rows<{ lo: number | null; hi: number | null; n: number }>(
    ...args(buildExportBounds(sel.siteId, sel.range, sel.filters, o)),
  )
  const n = Number(bounds?.n ?? 0)
  if (!bounds || bounds.lo === null || bounds.hi === null || n === 0) return
  const lo = Number(bounds.lo)
  const hi = Number(bounds.hi)
  let windows: Range[] = [{ from: lo, to: hi + 1 }]
  if (n > pageRows) {
    const count = Math.min(MAX_BUCKETS, Math.ceil(n / pageRows) * BUCKETS_PER_PAGE)
    const width = Math.max(1, Math.ceil((hi - lo + 1) / count))
    const histogram = await reader.rows<{ b: number; n: number }>(
      ...args(buildExportHistogram(sel.siteId, sel.range, sel.filters, lo, width, o)),
    )
    windows = planWindows(
      histogram.map((h) => ({ b: Number(h.b), n: Number(h.n) })),
      lo,
      width,
      pageRows,
    )
  }
  for (const window of windows) {
    let cursor: Cursor | undefined
    for (;;) {
      const q = buildExportPage(sel.siteId, sel.range, sel.filters, window, pageRows, cursor, o)
      const rows = await reader.rows<Record<string, unknown>>(...args(q))
      if (rows.length > 0) yield rows.map((r) => [...RAW_COLUMN_NAMES.map((c) => r[c]), r.rid])
      if (rows.length < pageRows) break
      const last = rows[rows.length - 1]
      cursor = { ts: Number(last.timestamp), rowid: Number(last.rid) }
    }
  }
}

const args = (q: { sql: string; params: unknown[] }): [string, unknown[]] => [q.sql, q.params]
