// Restore: check that a file is a PULSE backup this release can open, then make it the database of a
// data directory that has none. Runs with the server stopped (only one process may open the database).
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { MIGRATIONS } from '../db/migrations'
import { queryRows } from '../db/rows'

/** What a backup holds. */
export interface BackupInfo {
  schemaVersion: number
  sites: number
  events: number
}

/** A refusal a user can act on (bad file, target not empty). */
export class RestoreError extends Error {}

/**
 * Open `file` read-only in a private instance and read its schema version and counts. Reading every
 * events row also makes DuckDB verify the checksum of each block. Throws `RestoreError` for a file
 * that is not a PULSE database or comes from a newer release.
 */
export async function inspectBackup(file: string): Promise<BackupInfo> {
  if (!existsSync(file)) throw new RestoreError(`No such file: ${file}`)
  let instance: DuckDBInstance
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  } catch (err) {
    throw new RestoreError(`${file} is not a DuckDB database: ${(err as Error).message}`)
  }
  const conn = await instance.connect()
  try {
    const [v] = await queryRows<{ version: number | null }>(
      conn,
      'SELECT max(version) AS version FROM schema_migrations',
    ).catch(() => {
      throw new RestoreError(`${file} is not a PULSE database (no schema_migrations table)`)
    })
    const schemaVersion = v?.version ?? 0
    const latest = Math.max(...MIGRATIONS.map((m) => Number(m.name.slice(0, 3))))
    if (schemaVersion > latest)
      throw new RestoreError(
        `${file} was written by a newer PULSE (schema ${schemaVersion}, this release knows ${latest}); upgrade PULSE first`,
      )
    // `checked` reads every column of every event, so DuckDB verifies each block checksum.
    const [c] = await queryRows<{ sites: number; events: number }>(
      conn,
      'SELECT (SELECT count(*) FROM sites) AS sites, (SELECT count(*) FROM events) AS events, (SELECT bit_xor(hash(e)) FROM events e) AS checked',
    )
    return { schemaVersion, sites: c.sites, events: c.events }
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** Options of `restoreBackup`. */
export interface RestoreOptions {
  /** Replace an existing database (its pending write-ahead log is discarded). */
  force?: boolean
}

/**
 * Make `file` the database at `dbPath` (in `dataDir`). Refuses when a database or unapplied
 * write-ahead-log segments exist, unless `force`. The copy is written beside the target and renamed,
 * so a failed restore leaves no half-written database.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  dbPath: string,
  opts: RestoreOptions = {},
): Promise<BackupInfo> {
  const info = await inspectBackup(file)
  const logDir = join(dataDir, 'ingest-log')
  const segments = existsSync(logDir) ? readdirSync(logDir).filter((f) => f.endsWith('.log')) : []
  if (!opts.force && (existsSync(dbPath) || segments.length > 0))
    throw new RestoreError(
      `${dataDir} already holds a database; restore into an empty data directory, or pass --force to replace it`,
    )
  const tmp = `${dbPath}.restoring`
  mkdirSync(dirname(dbPath), { recursive: true })
  copyFileSync(file, tmp)
  for (const f of segments) rmSync(join(logDir, f), { force: true })
  rmSync(`${dbPath}.wal`, { force: true })
  renameSync(tmp, dbPath)
  return info
}
