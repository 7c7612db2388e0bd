// Restore: check that a file is a PULSE backup this release can open, then make it the database of a
// data directory that has none. Runs with the server stopped (only one process may open the database).
// After a damaged database file (`--replay-log`), the damaged file is kept aside and the write-ahead log
// is kept: the next start writes its events newer than the backup, exactly once (by log position).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { MIGRATIONS } from '../db/migrations'
import { queryRows } from '../db/rows'
import { decodeSegment } from '../events/wal-format'

/** What a backup holds. */
export interface BackupInfo {
  schemaVersion: number
  sites: number
  events: number
  /** The write-ahead-log position the backup holds events up to. */
  appliedSeq: number
}

/** What the write-ahead log of a data directory holds. */
export interface LogContents {
  segments: number
  records: number
  events: number
  firstSeq: number | null
  lastSeq: number | null
}

/** Read the log segments in `logDir` (damaged records are skipped, as at start-up). */
export function readLogContents(logDir: string, after = 0): LogContents {
  const out: LogContents = { segments: 0, records: 0, events: 0, firstSeq: null, lastSeq: null }
  if (!existsSync(logDir)) return out
  for (const f of readdirSync(logDir).filter((n) => /^\d{16}\.log$/.test(n))) {
    out.segments++
    for (const r of decodeSegment(readFileSync(join(logDir, f))).records) {
      if (r.seq <= after) continue
      out.records++
      out.events += 'csv' in r ? r.count : r.rows.length
      out.firstSeq = Math.min(out.firstSeq ?? r.seq, r.seq)
      out.lastSeq = Math.max(out.lastSeq ?? r.seq, r.seq)
    }
  }
  return out
}

/** What `--replay-log` will write at the next start, and whether anything between is missing. */
export interface ReplayPlan extends LogContents {
  /**
   * Log records between the backup's position and the log's first record: events flushed after the
   * backup whose log segments were already deleted. Their number of events is unknown.
   */
  missingRecords: number
  summary: string
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
    const [c] = await queryRows<{ sites: number; events: number; applied: number | null }>(
      conn,
      'SELECT (SELECT count(*) FROM sites) AS sites, (SELECT count(*) FROM events) AS events, (SELECT bit_xor(hash(e)) FROM events e) AS checked, (SELECT max(applied_seq) FROM wal_state) AS applied',
    )
    return { schemaVersion, sites: c.sites, events: c.events, appliedSeq: Number(c.applied ?? 0) }
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** Options of `restoreBackup`. */
export interface RestoreOptions {
  /** Replace an existing database (its pending write-ahead log is discarded). */
  force?: boolean
  /**
   * Replace an existing (damaged) database, keeping it aside as `<db>.damaged-<time>`, and keep the
   * write-ahead log: the next start writes its events newer than the backup.
   */
  replayLog?: boolean
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
): Promise<BackupInfo & { replay?: ReplayPlan; keptAs?: string }> {
  const info = await inspectBackup(file)
  const logDir = join(dataDir, 'ingest-log')
  const segments = existsSync(logDir) ? readdirSync(logDir).filter((f) => f.endsWith('.log')) : []
  if (!opts.force && !opts.replayLog && (existsSync(dbPath) || segments.length > 0))
    throw new RestoreError(
      `${dataDir} already holds a database; restore into an empty data directory, pass --replay-log to replace a damaged one and keep the write-ahead log, or --force to replace it and discard the log`,
    )
  const tmp = `${dbPath}.restoring`
  mkdirSync(dirname(dbPath), { recursive: true })
  copyFileSync(file, tmp)
  if (opts.replayLog) {
    const replay = planReplay(logDir, info.appliedSeq)
    // The damaged file (and DuckDB's own log of it) is kept, never deleted: it may still be inspected.
    let keptAs: string | undefined
    if (existsSync(dbPath)) {
      keptAs = `${dbPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(dbPath, keptAs)
      if (existsSync(`${dbPath}.wal`)) renameSync(`${dbPath}.wal`, `${keptAs}.wal`)
    }
    renameSync(tmp, dbPath)
    return { ...info, replay, keptAs }
  }
  for (const f of segments) rmSync(join(logDir, f), { force: true })
  rmSync(`${dbPath}.wal`, { force: true })
  renameSync(tmp, dbPath)
  return info
}

/** What the log will add to a backup at position `appliedSeq`. */
export function planReplay(logDir: string, appliedSeq: number): ReplayPlan {
  const log = readLogContents(logDir, appliedSeq)
  const missingRecords = log.firstSeq === null ? 0 : Math.max(0, log.firstSeq - appliedSeq - 1)
  const summary =
    log.records === 0
      ? `the write-ahead log holds nothing newer than the backup (position ${appliedSeq}); events stored after the backup and flushed before the damage are lost (how many is unknown)`
      : `the next start writes ${log.events} events (${log.records} log records, positions ${log.firstSeq}–${log.lastSeq}) newer than the backup (position ${appliedSeq}); ${
          missingRecords === 0
            ? 'nothing between them is missing'
            : `${missingRecords} log records between them were already deleted: their events are lost (how many is unknown)`
        }`
  return { ...log, missingRecords, summary }
}
