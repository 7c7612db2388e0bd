// Streaming a raw-event export on a read lease (a pooled connection and a slot of the read limits):
// NDJSON and CSV are produced chunk by chunk from the export's pages as the client reads; Parquet is
// written to a scratch file first, then streamed and deleted. A client that disconnects interrupts the
// DuckDB work at once; `ActiveExports.abortAll` (shutdown) errors the stream so the response is visibly cut.
import { rmSync } from 'node:fs'
import { UnavailableError } from '../../errors'
import type { ReadLease } from '../../events/read-gate'
import type { ExportFormat } from '../registry'
import { toRawEvent } from '../run/events'
import { RAW_COLUMN_NAMES } from '../sql/events'
import type { ActiveExports } from './active'
import { type ExportSelection, exportChunks } from './pages'
import { writeParquetFile } from './parquet-file'

/** What an export runs with; the stream owns `lease` and releases it when it ends. */
export interface ExportContext {
  lease: ReadLease
  exports: ActiveExports
  /** The request's signal: aborted when the client goes away. */
  signal?: AbortSignal
  /** Rows sorted at once (tests use small pages). */
  pageRows?: number
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

/** A byte stream of the selected rows as NDJSON or CSV. */
function streamText(ctx: ExportContext, sel: ExportSelection, format: 'ndjson' | 'csv'): ReadableStream {
  const { lease } = ctx
  const chunks = exportChunks(lease.conn, sel, { timed: lease.timed, pageRows: ctx.pageRows })
  const encoder = new TextEncoder()
  let header = format === 'csv' ? `${RAW_COLUMN_NAMES.join(',')}\r\n` : ''
  let pending: Promise<unknown> = Promise.resolve()
  let ended = false
  let untrack = () => {}
  // Stop the DuckDB work, wait for the call in flight to give up, then free the connection.
  const end = async (interrupt: boolean) => {
    if (ended) return
    ended = true
    untrack()
    if (interrupt) lease.conn.interrupt()
    await pending.catch(() => undefined)
    await chunks.return(undefined).catch(() => undefined)
    lease.release(interrupt)
  }
  return new ReadableStream({
    start(controller) {
      untrack = ctx.exports.track((reason) => {
        controller.error(reason)
        void end(true)
      })
      ctx.signal?.addEventListener('abort', () => void end(true), { once: true })
    },
    async pull(controller) {
      if (ended) return
      try {
        const step = chunks.next()
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
        const rows = r.value.chunk.getRows()
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
        controller.error(err)
      }
    },
    cancel: () => end(true),
  })
}

/** Parquet: build the file (interruptible), then stream it and delete it. */
async function streamParquet(ctx: ExportContext, sel: ExportSelection): Promise<ReadableStream> {
  const { lease } = ctx
  const stop = new AbortController()
  let untrack = ctx.exports.track((reason) => stop.abort(reason))
  const onAbort = () => stop.abort(new Error('client disconnected'))
  ctx.signal?.addEventListener('abort', onAbort, { once: true })
  let path: string
  try {
    path = await writeParquetFile(lease.conn, sel, {
      timed: lease.timed,
      pageRows: ctx.pageRows,
      signal: stop.signal,
    })
  } catch (err) {
    const reason = stop.signal.reason as Error | undefined
    if (reason) throw new UnavailableError(`Export stopped: ${reason.message}`, 1)
    throw err
  } finally {
    untrack()
    ctx.signal?.removeEventListener('abort', onAbort)
    lease.release(stop.signal.aborted)
  }
  const reader = Bun.file(path).stream().getReader()
  const remove = () => rmSync(path, { force: true })
  return new ReadableStream({
    start(controller) {
      untrack = ctx.exports.track((reason) => {
        controller.error(reason)
        reader.cancel().catch(() => undefined)
        remove()
      })
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          untrack()
          remove()
          controller.close()
        } else controller.enqueue(value)
      } catch (err) {
        untrack()
        remove()
        controller.error(err)
      }
    },
    cancel() {
      untrack()
      reader.cancel().catch(() => undefined)
      remove()
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
