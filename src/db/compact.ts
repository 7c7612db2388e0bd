// Offline compaction of the DuckDB file. DuckDB reuses the blocks that deletes (retention, erasure, site
// deletion) free, but never gives them back to the file system: the file does not shrink. Compaction copies
// every table into a fresh file (`COPY FROM DATABASE`, rows in their stored order, so a site's events stay
// clustered) and renames it over the old one. It needs the file to itself: DuckDB allows one read-write
// process per file, so a running server makes it fail with a lock error before anything is written (an
// online compaction would need the server to stop writing and reopen; a stop and a start is that, simpler).
// The ingest log (the write-ahead log under the data directory) is untouched: the copy keeps the applied
// position, so a start after compaction replays exactly what it would have replayed before.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { createInstance } from './open'

/** What a compaction did. */
export interface CompactResult {
  /** Bytes of the database file (and its DuckDB log) before. */
  before: number
  /** Bytes of the compacted file. */
  after: number
}

const bytes = (path: string) => (existsSync(path) ? statSync(path).size : 0)

/**
 * Rewrite the database at `path` into a fresh file and put it in place. The old file stays until the copy
 * is complete and checkpointed; a failure leaves it as it was (and removes the partial copy).
 */
export async function compactDatabase(path: string): Promise<CompactResult> {
  if (!existsSync(path)) throw new Error(`No database at ${path}`)
  const before = bytes(path) + bytes(`${path}.wal`)
  const tmp = `${path}.compacting`
  rmSync(tmp, { force: true })
  rmSync(`${tmp}.wal`, { force: true })
  const instance = await createInstance(path)
  try {
    const conn = await instance.connect()
    try {
      // DuckDB's own log first, so the copy reads one consistent, checkpointed file.
      await conn.run('CHECKPOINT')
      const name = String((await conn.runAndReadAll('SELECT current_database()')).getRows()[0][0])
      const quoted = (s: string) => `'${s.replaceAll("'", "''")}'`
      await conn.run(`ATTACH ${quoted(tmp)} AS pulse_compacted`)
      await conn.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO pulse_compacted`)
      await conn.run('CHECKPOINT pulse_compacted')
      await conn.run('DETACH pulse_compacted')
    } finally {
      conn.closeSync()
    }
  } catch (err) {
    rmSync(tmp, { force: true })
    rmSync(`${tmp}.wal`, { force: true })
    throw err
  } finally {
    instance.closeSync()
  }
  rmSync(`${path}.wal`, { force: true })
  renameSync(tmp, path)
  return { before, after: bytes(path) }
}
