// Online backup: one consistent DuckDB file, written while ingest goes on. The buffer is flushed first
// (so every event acknowledged before the backup started is in the database), then one read
// transaction on a connection of its own copies every table, chunk by chunk, into a new database file
// opened by a separate DuckDB instance. The read transaction is a snapshot, so nothing waits for the
// backup: flushes keep committing, and events acknowledged meanwhile stay in the live database and
// its write-ahead log. The main instance stays locked down (no file access): only the separate
// instance writes the file, at a path chosen here or by the operator, never by a request.
import { renameSync, rmSync } from 'node:fs'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { EventBuffer } from '../events/buffer'

/** What a backup wrote. */
export interface BackupResult {
  path: string
  bytes: number
  events: number
  tables: number
  ms: number
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`

/** Write a backup of `db` to `path` (which must not exist); returns its size and counts. */
export async function writeBackup(
  deps: { db: Database; buffer: EventBuffer },
  path: string,
): Promise<BackupResult> {
  const started = performance.now()
  await deps.buffer.flush()
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  const out = await DuckDBInstance.create(partial)
  const dst = await out.connect()
  const src = await deps.db.instance.connect()
  let events = 0
  let tables = 0
  try {
    await src.run('BEGIN TRANSACTION')
    const objects = await schemaObjects(src)
    for (const t of objects.tables) {
      await dst.run(t.sql)
      const rows = await copyTable(src, dst, t.table_name)
      if (t.table_name === 'events') events = rows
      tables++
    }
    for (const o of objects.after) await dst.run(o.sql)
    await src.run('COMMIT')
    await dst.run('CHECKPOINT')
  } catch (err) {
    await src.run('ROLLBACK').catch(() => undefined)
    dst.closeSync()
    out.closeSync()
    rmSync(partial, { force: true })
    rmSync(`${partial}.wal`, { force: true })
    throw err
  } finally {
    src.closeSync()
  }
  dst.closeSync()
  out.closeSync()
  rmSync(`${partial}.wal`, { force: true })
  // Check what was written: a file the disk cut short must fail here, not at a restore.
  await verifyBackup(partial, events).catch((err) => {
    rmSync(partial, { force: true })
    throw err
  })
  renameSync(partial, path)
  return { path, bytes: Bun.file(path).size, events, tables, ms: Math.round(performance.now() - started) }
}

/** Open the written file read-only and check it holds `events` events (DuckDB checks each block it reads). */
async function verifyBackup(file: string, events: number): Promise<void> {
  const check = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  const conn = await check.connect()
  try {
    const [row] = await queryRows<{ n: number }>(conn, 'SELECT count(*) AS n FROM events')
    if (Number(row.n) !== events)
      throw new Error(`The backup file holds ${row.n} of ${events} events: the disk did not keep it whole`)
  } finally {
    conn.closeSync()
    check.closeSync()
  }
}

/** The user tables (in creation order) and what must be created after their rows (indexes, views). */
async function schemaObjects(src: DuckDBConnection) {
  const where = "database_name = current_database() AND schema_name = 'main'"
  const tables = await queryRows<{ table_name: string; sql: string }>(
    src,
    `SELECT table_name, sql FROM duckdb_tables() WHERE ${where} AND NOT internal ORDER BY table_oid`,
  )
  const sequences = await queryRows(src, `SELECT sequence_name FROM duckdb_sequences() WHERE ${where}`)
  // A sequence's current value is not in its CREATE statement: refuse rather than restore it wrongly.
  if (sequences.length > 0) throw new Error('Backups do not support sequences yet (a migration added one)')
  const after = await queryRows<{ sql: string }>(
    src,
    `SELECT sql FROM duckdb_indexes() WHERE ${where} AND sql IS NOT NULL
     UNION ALL SELECT sql FROM duckdb_views() WHERE ${where} AND NOT internal`,
  )
  return { tables, after }
}

/** Stream every row of `table` from `src` into the same table on `dst`; returns the row count. */
async function copyTable(src: DuckDBConnection, dst: DuckDBConnection, table: string): Promise<number> {
  const result = await src.stream(`SELECT * FROM ${ident(table)}`)
  const appender = await dst.createAppender(table)
  let rows = 0
  try {
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      appender.appendDataChunk(chunk)
      rows += chunk.rowCount
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
  return rows
}
