// Streaming a raw-event export on a read lease (a pooled connection and a slot of the read limits), or on
// another engine's reader lease (ClickHouse: pages of rows from rows.ts; Parquet through DuckDB's writer):
// NDJSON and CSV are produced chunk by chunk from the export's pages as the client reads; Parquet sends
// its first bytes at once, is written to a scratch file, then streamed and deleted. A client that disconnects interrupts the
// DuckDB work at once; `ActiveExports.abortAll` (shutdown) errors the stream so the response is visibly cut.
import { rmSync } from 'node:fs'
import { UnavailableError } from '../../errors'
import type { ReadLease } from '../../events/read-gate'
import type { ReaderLease } from '../../events/store'
import type { ExportFormat } from '../registry'
import { toRawEvent } from '../run/events'
import { RAW_COLUMN_NAMES } from '../sql/events'
import type { ActiveExports } from './active'
import { type ExportSelection, exportChunks } from './pages'
import { writeParquetFile, writeParquetFromRows } from './parquet-file'
import { readerExportRows } from './rows'

/** What an export runs with; the stream owns `lease` and releases it when it ends. */
export interface ExportContext {
  lease: ReadLease | ReaderLease
  exports: ActiveExports
  /** The request's signal: aborted when the client goes away. */
  signal?: AbortSignal
  /** Rows sorted at once (tests use small pages). */
  pageRows?: number
}

/**
 * End the response as an aborted chunked stream (the client sees an error, never a clean end). The
 * reason is passed as text: an Error object would make the runtime print its stack trace for what is
 * normal operation (a shutdown, a client that went away).
 */
function cut(controller: ReadableStreamDefaultController, reason: unknown): void {
  controller.error(reason instanceof Error ? reason.message : String(reason))
}

/** Rows turned into text between two turns of the event loop. */
const SLICE_ROWS = 256

/** One CSV field (RFC 4180): empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'bigint' ? v.toString() : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function rowObject(names: readonly string[], row: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (let i = 0; i < names.length; i++) o[names[i]] = row[i]
  return o
}

function chunkText(format: 'ndjson' | 'csv', names: readonly string[], rows: unknown[][]): string {
  let out = ''
  for (const row of rows) {
    if (format === 'ndjson') out += `${JSON.stringify(toRawEvent(rowObject(names, row)))}\n`
    else out += `${row.slice(0, names.length).map(csvField).join(',')}\r\n`
  }
  return out
}

/** Pages of rows (RAW_COLUMN_NAMES order, more columns may follow) and how to stop them. */
interface RowPages {
  next(): Promise<IteratorResult<unknown[][]>>
  /** Stop the work (`interrupt`: at once, the call in flight included) and give the lease back. */
  stop(interrupt: boolean, pending: Promise<unknown>): Promise<void>
}

/** The pages of a DuckDB lease: data chunks from one transaction. */
function duckdbPages(lease: ReadLease, sel: ExportSelection, pageRows?: number): RowPages {
  const chunks = exportChunks(lease.conn, sel, { timed: lease.timed, pageRows })
  return {
    next: async () => {
      const r = await chunks.next()
      return r.done ? r : { done: false, value: r.value.chunk.getRows() }
    },
    // Stop the DuckDB work, wait for the call in flight to give up, then free the connection.
    async stop(interrupt, pending) {
      if (interrupt) lease.conn.interrupt()
      await pending.catch(() => undefined)
      await chunks.return(undefined).catch(() => undefined)
      lease.release(interrupt)
    },
  }
}

/** The pages of a reader lease (ClickHouse): one query per page, nothing to interrupt between them. */
function readerPages(lease: ReaderLease, sel: ExportSelection, pageRows?: number): RowPages {
  const pages = readerExportRows(lease.reader, sel, { dialect: lease.dialect, pageRows })
  return {
    next: () => pages.next(),
    async stop(interrupt, pending) {
      await pending.catch(() => undefined)
      await pages.return(undefined).catch(() => undefined)
      lease.release(interrupt)
    },
  }
}

/** A byte stream of the selected rows as NDJSON or CSV. */
function streamText(ctx: ExportContext, sel: ExportSelection, format: 'ndjson' | 'csv'): ReadableStream {
  const { lease } = ctx
  const pages =
    'conn' in lease ? duckdbPages(lease, sel, ctx.pageRows) : readerPages(lease, sel, ctx.pageRows)
  const encoder = new TextEncoder()
  let header = format === 'csv' ? `${RAW_COLUMN_NAMES.join(',')}\r\n` : ''
  let pending: Promise<unknown> = Promise.resolve()
  let ended = false
  let untrack = () => {}
  const end = async (interrupt: boolean) => {
    if (ended) return
    ended = true
    untrack()
    await pages.stop(interrupt, pending)
  }
  return new ReadableStream({
    start(controller) {
      untrack = ctx.exports.track((reason) => {
        cut(controller, reason)
        void end(true)
      })
      ctx.signal?.addEventListener('abort', () => void end(true), { once: true })
    },
    async pull(controller) {
      if (ended) return
      try {
        const step = pages.next()
        pending = step
        const r = await step
        if (ended) return
        if (r.done) {
          if (header) controller.enqueue(encoder.encode(header))
          await end(false)
          controller.close()
          return
        }
        // The text is made on the thread that serves every request: a few hundred rows at a time, with
        // other requests (ingest) let in between, so exports cannot hold up the event loop.
        const rows = r.value
        for (let i = 0; i < rows.length; i += SLICE_ROWS) {
          if (i > 0) await new Promise((resolve) => setImmediate(resolve))
          if (ended) return
          const text = chunkText(format, RAW_COLUMN_NAMES, rows.slice(i, i + SLICE_ROWS))
          controller.enqueue(encoder.encode(header + text))
          header = ''
        }
      } catch (err) {
        if (ended) return
        await end(true)
        cut(controller, err)
      }
    },
    cancel: () => end(true),
  })
}

/** Every Parquet file starts (and ends) with these four bytes. */
const PARQUET_MAGIC = new TextEncoder().encode('PAR1')

/**
 * Parquet: the response starts at once with the file's first bytes (its magic number), so the client
 * has headers and a byte before the file is built, however long that takes; the file is then built
 * (interruptible), streamed from its fifth byte and deleted. A build that fails after the first byte
 * errors the stream: the client sees an aborted chunked response, never a clean short file.
 */
function streamParquet(ctx: ExportContext, sel: ExportSelection): ReadableStream {
  const { lease } = ctx
  const stop = new AbortController()
  let untrack = ctx.exports.track((reason) => stop.abort(reason))
  const onAbort = () => stop.abort(new Error('client disconnected'))
  ctx.signal?.addEventListener('abort', onAbort, { once: true })
  // DuckDB: its chunks straight into the file's table; another engine (ClickHouse): its pages of rows,
  // into a table of the same DuckDB types, so both engines give the same file.
  const built = (
    'conn' in lease
      ? writeParquetFile(lease.conn, sel, { timed: lease.timed, pageRows: ctx.pageRows, signal: stop.signal })
      : writeParquetFromRows(
          readerExportRows(lease.reader, sel, { dialect: lease.dialect, pageRows: ctx.pageRows }),
          { signal: stop.signal },
        )
  )
    .catch((err) => {
      const reason = stop.signal.reason as Error | undefined
      throw reason ? new UnavailableError(`Export stopped: ${reason.message}`, 1) : err
    })
    .finally(() => {
      untrack()
      ctx.signal?.removeEventListener('abort', onAbort)
      lease.release(stop.signal.aborted)
    })
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let path: string | undefined
  let done = false
  const remove = () => {
    if (path) rmSync(path, { force: true })
  }
  // A file finished after the client went away is deleted at once.
  built.then(
    (p) => {
      if (done) rmSync(p, { force: true })
    },
    () => undefined,
  )
  const finish = () => {
    done = true
    untrack()
    reader?.cancel().catch(() => undefined)
    remove()
  }
  return new ReadableStream({
    start(controller) {
      controller.enqueue(PARQUET_MAGIC)
    },
    async pull(controller) {
      try {
        if (!reader) {
          path = await built
          if (done) return remove()
          reader = Bun.file(path).slice(PARQUET_MAGIC.length).stream().getReader()
          // From here on shutdown cuts the streaming itself off.
          untrack = ctx.exports.track((reason) => {
            finish()
            cut(controller, reason)
          })
        }
        const { done: end, value } = await reader.read()
        if (done) return
        if (end) {
          finish()
          controller.close()
        } else controller.enqueue(value)
      } catch (err) {
        if (done) return
        finish()
        cut(controller, err)
      }
    },
    cancel() {
      stop.abort(new Error('client disconnected'))
      finish()
    },
  })
}

/** A byte stream of the selected rows in `format`; takes ownership of `ctx.lease`. */
export async function streamExport(
  ctx: ExportContext,
  sel: ExportSelection,
  format: ExportFormat,
): Promise<ReadableStream> {
  if (format !== 'parquet') return streamText(ctx, sel, format)
  return streamParquet(ctx, sel)
}
