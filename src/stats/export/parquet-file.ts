// The only code in the analytics API that touches files: writing a query's result to a Parquet file
// in a private scratch directory (`COPY … TO`), which the export then streams and deletes. Kept alone
// so it can move onto a separate DuckDB instance if the main one has external file access locked.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from '../../db/open'
import type { Query } from '../../db/rows'

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

/**
 * Write the rows of `q` to a new Parquet file (zstd) and return its path; the caller deletes it.
 * The path is generated here, never taken from a request.
 */
export async function writeParquetFile(db: Database, q: Query): Promise<string> {
  const path = join(exportScratchDir(), `${crypto.randomUUID()}.parquet`)
  const conn = await db.instance.connect()
  try {
    const literal = `'${path.replace(/'/g, "''")}'`
    await conn.run(`COPY (${q.sql}) TO ${literal} (FORMAT parquet, COMPRESSION zstd)`, q.params)
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  } finally {
    conn.closeSync()
  }
  return path
}
