// Streaming a raw-event export: NDJSON and CSV are produced chunk by chunk from a streaming DuckDB
// result on a connection of their own (a streaming result must not share one); Parquet is written to
// a scratch file first, then streamed and deleted.
import { rmSync } from 'node:fs'
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api'
import type { Database } from '../../db/open'
import type { Query } from '../../db/rows'
import type { ExportFormat } from '../registry'
import { toRawEvent } from '../run/events'
import { writeParquetFile } from './parquet-file'

/** One CSV field (RFC 4180): empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'bigint' ? v.toString() : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function rowObject(names: string[], row: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (let i = 0; i < names.length; i++) o[names[i]] = row[i]
  return o
}

function chunkText(format: 'ndjson' | 'csv', names: string[], rows: unknown[][]): string {
  let out = ''
  for (const row of rows) {
    if (format === 'ndjson') out += `${JSON.stringify(toRawEvent(rowObject(names, row)))}\n`
    else out += `${row.map(csvField).join(',')}\r\n`
  }
  return out
}

/** A byte stream of the rows of `q` as NDJSON or CSV. */
export async function streamText(db: Database, q: Query, format: 'ndjson' | 'csv'): Promise<ReadableStream> {
  const conn: DuckDBConnection = await db.instance.connect()
  let result: DuckDBResult
  try {
    result = await conn.stream(q.sql, q.params)
  } catch (err) {
    conn.closeSync()
    throw err
  }
  const names = result.columnNames()
  const encoder = new TextEncoder()
  // The header is the query's own column list (the fields of GET /api/v1/events), so it cannot drift.
  let header = format === 'csv' ? `${names.join(',')}\r\n` : ''
  let closed = false
  const close = () => {
    if (!closed) conn.closeSync()
    closed = true
  }
  return new ReadableStream({
    async pull(controller) {
      try {
        const chunk = await result.fetchChunk()
        if (!chunk || chunk.rowCount === 0) {
          if (header) controller.enqueue(encoder.encode(header))
          close()
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(header + chunkText(format, names, chunk.getRows())))
        header = ''
      } catch (err) {
        close()
        controller.error(err)
      }
    },
    cancel: close,
  })
}

/** A byte stream of the rows of `q` in `format`. */
export async function streamExport(db: Database, q: Query, format: ExportFormat): Promise<ReadableStream> {
  if (format !== 'parquet') return streamText(db, q, format)
  const path = await writeParquetFile(db, q)
  const file = Bun.file(path).stream()
  const reader = file.getReader()
  const remove = () => rmSync(path, { force: true })
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          remove()
          controller.close()
        } else controller.enqueue(value)
      } catch (err) {
        remove()
        controller.error(err)
      }
    },
    cancel() {
      reader.cancel().catch(() => undefined)
      remove()
    },
  })
}
