// The event writer: the only code that writes events. A batch arrives as CSV text (src/events/csv.ts: the
// event fields and the stored keys, hashed by the encoder); it is written to a file in the database's load
// directory, then, under the write lock, in ONE transaction: the file is read into the TEMP table
// `batch_events` (`read_csv`: DuckDB's own threads parse it, no per-value native call on the JavaScript
// thread that serves HTTP, nothing hashed in SQL) → `INSERT INTO events SELECT * FROM batch_events` → the
// batch's hours into `hours_gap` → the caller's `inTransaction` (the applied log position, an import's
// counts) → COMMIT. Then, in a second transaction, the derived `session_hours` catches up from
// `batch_events` (`afterBatch`) and the gap is closed. The file is written whole or not at all
// (write-fully.ts: a short write is finished or fails), and deleted afterwards, whatever happened, so a
// failed flush never keeps the space it took.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../db/open'
import { EVENT_FIELDS } from './fields'
import { EVENT_KEYS } from './keys'
import { afterBatch, HOUR_MS } from './session-hours'
import { type WriteVector, writeFileFully } from './write-fully'

/** The batch of CSV (UTF-8) the buffer hands the writer: chunks in order, `rows` rows in all. */
export interface CsvBatch {
  chunks: Uint8Array[]
  rows: number
}

/** The columns of the CSV, in table order: the event fields, then the stored keys. */
const CSV_COLUMNS = [
  ...EVENT_FIELDS.map((f) => `'${f.column}': '${f.type}'`),
  ...EVENT_KEYS.map((k) => `'${k.column}': 'UBIGINT'`),
]

/**
 * `read_csv` of a load file: the columns of the CSV (the events table's, in order) with their types, and
 * the dialect of src/events/csv.ts; auto-detection off, so the types are used as they are.
 */
const READ_CSV = `read_csv($1, columns = {${CSV_COLUMNS.join(', ')}}, header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, auto_detect = false)`

/** Load files are named by the writer alone, `<pid>-<counter>.csv`; the path is bound, never spliced into SQL. */
let loadFiles = 0

/** Options of `loadCsvBatch`. */
export interface LoadOptions {
  /** The load file's gathering write (a test injects a short one); default `FileHandle.writev`. */
  writev?: WriteVector
}

/**
 * Write `batch` as a file in `dir` (not synced: the write-ahead log is what is durable), every byte or
 * none: DuckDB must never read a truncated file (a cut on a line boundary would load fewer rows while
 * the log position says all of them).
 */
async function writeLoadFile(dir: string, batch: CsvBatch, opts: LoadOptions): Promise<string> {
  const path = join(dir, `${process.pid}-${++loadFiles}.csv`)
  // Gathering writes of the chunks as they are (often views into a log segment read at start-up:
  // a Blob of such views was measured copying far more than the views).
  await writeFileFully(path, batch.chunks, { writev: opts.writev })
  return path
}

/**
 * Load `batch` into the events table in one transaction; all or nothing. `inTransaction` runs inside the
 * same transaction (the write-ahead log records how far it has been applied, an import its counts). The
 * derived `session_hours` is brought up to date right after, in a transaction of its own: the events'
 * transaction stays short, and the batch's hours, recorded in `hours_gap` with it, tell a later
 * `catchUpHours` what to rebuild if the catch-up fails or a crash comes in between. A failed catch-up
 * throws (`DerivedCatchUpError`): the events are stored, the caller must close the gap.
 */
export async function loadCsvBatch(
  db: Database,
  batch: CsvBatch,
  inTransaction?: () => Promise<void>,
  opts: LoadOptions = {},
): Promise<void> {
  if (batch.rows === 0 && !inTransaction) return
  const path = batch.rows > 0 ? await writeLoadFile(db.loadDir, batch, opts) : undefined
  try {
    await db.writeLock.run(async () => {
      const w = db.writer
      await w.run('BEGIN TRANSACTION')
      try {
        if (path) {
          await w.run('CREATE OR REPLACE TEMP TABLE batch_events AS SELECT * FROM events LIMIT 0')
          // The path is bound, never spliced into the SQL; the CSV has every column, keys included.
          await w.run(`INSERT INTO batch_events BY NAME SELECT * FROM ${READ_CSV}`, [path])
          await w.run('INSERT INTO events SELECT * FROM batch_events')
          await w.run(
            `INSERT INTO hours_gap SELECT min(ts) // ${HOUR_MS}, max(ts) // ${HOUR_MS} FROM batch_events`,
          )
        }
        if (inTransaction) await inTransaction()
        await w.run('COMMIT')
      } catch (err) {
        await w.run('ROLLBACK').catch(() => undefined)
        if (path) await w.run('DROP TABLE IF EXISTS batch_events').catch(() => undefined)
        throw err
      }
      if (path) await catchUpBatch(w)
    })
  } finally {
    if (path) await rm(path, { force: true }).catch(() => undefined)
  }
}

/** The events are stored, but `session_hours` could not be brought up to date (`hours_gap` says where). */
export class DerivedCatchUpError extends Error {
  constructor(cause: unknown) {
    super(`session_hours catch-up failed: ${(cause as Error)?.message ?? cause}`, { cause })
  }
}

/** Fold the committed batch (`batch_events`) into `session_hours` and close its gap, in one transaction. */
async function catchUpBatch(w: Database['writer']): Promise<void> {
  try {
    await w.run('BEGIN TRANSACTION')
    try {
      await afterBatch(w, 'batch_events')
      await w.run('DELETE FROM hours_gap')
      await w.run('COMMIT')
    } catch (err) {
      await w.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  } catch (err) {
    throw new DerivedCatchUpError(err)
  } finally {
    await w.run('DROP TABLE IF EXISTS batch_events').catch(() => undefined)
  }
}

/** Record, inside a flush's transaction, that the log is applied up to `seq`. */
export async function setAppliedSeq(db: Database, seq: number): Promise<void> {
  await db.writer.run('UPDATE wal_state SET applied_seq = $1 WHERE id = 1', [BigInt(seq)])
}

/** How far the log has been applied (0 for a new database). */
export async function getAppliedSeq(db: Database): Promise<number> {
  const r = await db.writer.runAndReadAll('SELECT applied_seq FROM wal_state WHERE id = 1')
  return Number(r.getRows()[0]?.[0] ?? 0)
}
