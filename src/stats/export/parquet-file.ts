// The only code in the analytics API that touches files: writing a query's result to a Parquet file.
// The main DuckDB instance has file access locked (src/db/lockdown.ts), so the rows are read there and
// handed, chunk by chunk, to a separate in-memory instance that no request SQL ever reaches; that one
// writes the file (`COPY … TO`) into a private scratch directory. The export then streams and deletes it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import type { Database } from '../../db/open'
import type { Query } from '../../db/rows'

let scratch: string | undefined
let fileInstance: Promise<DuckDBInstance> | undefined

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

/**
 * Write the rows of `q` (run on the main instance) to a new Parquet file (zstd) and return its path;
 * the caller deletes it. The path is generated here, never taken from a request.
 */
export async function writeParquetFile(db: Database, q: Query): Promise<string> {
  fileInstance ??= DuckDBInstance.create(':memory:')
  const out = await (await fileInstance).connect()
  const src = await db.instance.connect()
  const id = crypto.randomUUID()
  const path = join(exportScratchDir(), `${id}.parquet`)
  const table = `export_${id.replaceAll('-', '')}`
  try {
    const result = await src.run(q.sql, q.params)
    const names = result.columnNames()
    const types = result.columnTypes()
    const columns = names.map((n, i) => `${quote(n, '"')} ${types[i].toString()}`).join(', ')
    await out.run(`CREATE TABLE ${table} (${columns})`)
    const appender = await out.createAppender(table)
    try {
      for (
        let chunk = await result.fetchChunk();
        chunk && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      )
        appender.appendDataChunk(chunk)
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
    await out.run(`COPY ${table} TO ${quote(path, "'")} (FORMAT parquet, COMPRESSION zstd)`)
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  } finally {
    await out.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    src.closeSync()
    out.closeSync()
  }
  return path
}
