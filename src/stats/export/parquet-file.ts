// The only code in the analytics API that touches files: writing the export's rows to a Parquet file.
// The main DuckDB instance has file access locked (src/db/lockdown.ts), so the rows are read there, page
// by page (pages.ts), and appended to a table of a separate DuckDB instance that no request SQL ever
// reaches. That instance lives in a private scratch file with a small memory limit, so a large export
// spills to disk instead of growing the process; it then writes the Parquet file (`COPY … TO`) into the
// private scratch directory and is deleted. The export then streams and deletes the Parquet file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { createInstance } from '../../db/open'
import { PUBLIC_FIELDS } from '../../events/fields'
import { buildExportPage } from '../sql/export'
import { type ExportPagesOptions, type ExportSelection, exportChunks } from './pages'

let scratch: string | undefined

/** The private directory export files are written to (created on first use, removed at exit). */
export function exportScratchDir(): string {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-export-'))
    scratch = dir
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  }
  return scratch
}

const quote = (s: string, q: string) => `${q}${s.replaceAll(q, q + q)}${q}`

/** Memory the private instance may use before it spills to its scratch file (32 MB was too little to
 * commit an appender flush once the events had 27 columns). */
const FILE_INSTANCE_MEMORY = '64MB'
/** Rows appended between appender flushes. */
const FLUSH_ROWS = 100_000

/** The private instance in `dbFile` (in the scratch directory): small memory, one thread, spilling beside its file. */
export function openExportInstance(dbFile: string): Promise<DuckDBInstance> {
  return createInstance(dbFile, { memory_limit: FILE_INSTANCE_MEMORY, threads: '1' })
}

/** Options of `writeParquetFile`. */
export interface ParquetFileOptions extends ExportPagesOptions {
  /** Stops the work (a disconnect or shutdown): running queries are interrupted, no new one starts. */
  signal?: AbortSignal
}

/**
 * The private instance's part of writing a Parquet file: `fill` creates and fills the table `export` on
 * `out` (a connection of a new private instance), which is then written to a new file (zstd) whose path
 * is returned; the instance and its scratch files are removed. The path is generated here.
 */
async function writeThroughPrivateInstance(
  fill: (out: DuckDBConnection) => Promise<void>,
  onInterrupt: (out: DuckDBConnection | undefined) => void,
  opts: ParquetFileOptions,
): Promise<string> {
  const id = crypto.randomUUID()
  const dir = exportScratchDir()
  const path = join(dir, `${id}.parquet`)
  const dbFile = join(dir, `${id}.duckdb`)
  const instance = await openExportInstance(dbFile)
  let out: DuckDBConnection | undefined
  const interrupt = () => onInterrupt(out)
  opts.signal?.addEventListener('abort', interrupt, { once: true })
  try {
    out = await instance.connect()
    await fill(out)
    opts.signal?.throwIfAborted()
    await out.run(
      `COPY (SELECT * EXCLUDE (rid) FROM export) TO ${quote(path, "'")} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768)`,
    )
    return path
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  } finally {
    opts.signal?.removeEventListener('abort', interrupt)
    out?.closeSync()
    instance.closeSync()
    for (const f of [dbFile, `${dbFile}.wal`, `${dbFile}.tmp`]) rmSync(f, { recursive: true, force: true })
  }
}

/**
 * Write the selected rows (read on `conn`, a connection of the main instance) to a new Parquet file
 * (zstd) and return its path; the caller deletes it.
 */
export function writeParquetFile(
  conn: DuckDBConnection,
  sel: ExportSelection,
  opts: ParquetFileOptions = {},
): Promise<string> {
  const check = () => opts.signal?.throwIfAborted()
  const timed = <T>(work: () => Promise<T>): Promise<T> => {
    check()
    return opts.timed ? opts.timed(work) : work()
  }
  return writeThroughPrivateInstance(
    async (out) => {
      // The columns and types of a page, from a query that returns no rows.
      const shape = buildExportPage(sel.siteId, sel.range, sel.filters, { from: 0, to: 0 }, 0)
      const empty = await conn.run(shape.sql, shape.params)
      const types = empty.columnTypes()
      const columns = empty
        .columnNames()
        .map((n, i) => `${quote(n, '"')} ${types[i].toString()}`)
        .join(', ')
      await out.run(`CREATE TABLE export (${columns})`)
      const appender = await out.createAppender('export')
      try {
        let sinceFlush = 0
        for await (const { chunk } of exportChunks(conn, sel, { pageRows: opts.pageRows, timed })) {
          check()
          appender.appendDataChunk(chunk)
          sinceFlush += chunk.rowCount
          if (sinceFlush >= FLUSH_ROWS) {
            appender.flushSync()
            sinceFlush = 0
          }
        }
        appender.flushSync()
      } finally {
        appender.closeSync()
      }
    },
    (out) => {
      conn.interrupt()
      out?.interrupt()
    },
    opts,
  )
}

/**
 * The same file from pages of rows read on another engine (ClickHouse: `readerExportRows`, arrays in
 * `PUBLIC_FIELDS` order, then the row id): the table takes the DuckDB types of the fields, so the file
 * has the schema a DuckDB export has, and the rows are appended value by value in their order.
 */
export function writeParquetFromRows(
  pages: AsyncIterable<unknown[][]>,
  opts: ParquetFileOptions = {},
): Promise<string> {
  return writeThroughPrivateInstance(
    async (out) => {
      // `properties` is JSON text in the events table, so a DuckDB export writes it as VARCHAR too.
      const columns = PUBLIC_FIELDS.map(
        (f) => `${quote(f.name, '"')} ${f.type === 'JSON' ? 'VARCHAR' : f.type}`,
      ).join(', ')
      await out.run(`CREATE TABLE export (rid BIGINT, ${columns})`)
      const appender = await out.createAppender('export')
      try {
        let sinceFlush = 0
        for await (const rows of pages) {
          opts.signal?.throwIfAborted()
          for (const row of rows) {
            appendCell(appender, 'BIGINT', row[PUBLIC_FIELDS.length])
            for (let i = 0; i < PUBLIC_FIELDS.length; i++) appendCell(appender, PUBLIC_FIELDS[i].type, row[i])
            appender.endRow()
          }
          sinceFlush += rows.length
          if (sinceFlush >= FLUSH_ROWS) {
            appender.flushSync()
            sinceFlush = 0
          }
        }
        appender.flushSync()
      } finally {
        appender.closeSync()
      }
    },
    (out) => out?.interrupt(),
    opts,
  )
}

/** One value of another engine's row, as the column's DuckDB type. */
function appendCell(appender: DuckDBAppender, type: string, v: unknown): void {
  if (v === null || v === undefined) appender.appendNull()
  else if (type === 'BIGINT') appender.appendBigInt(BigInt(v as number | string | bigint))
  else appender.appendVarchar(typeof v === 'object' ? JSON.stringify(v) : String(v))
}
