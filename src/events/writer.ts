// The event writer: the only code that writes events. A batch arrives as CSV text (src/events/csv.ts); it is
// written to a file in the database's load directory, then, under the write lock and in ONE transaction:
// the file is read into the TEMP table `batch_events` (`read_csv`: DuckDB's own threads parse it, no
// per-value native call on the JavaScript thread that serves HTTP), with the stored keys of the events
// (src/events/keys.ts) computed from the text on the way in → `INSERT INTO events SELECT * FROM
// batch_events` → `afterBatch` (derived tables: src/events/session-hours.ts, readable from
// `batch_events`, keys included, in the same transaction) → the caller's `inTransaction` (the applied log
// position, an import's counts) → COMMIT. The CSV (and so the write-ahead log) holds the event fields only.
// The file is written whole or not at all (write-fully.ts: a short write is finished or fails), and
// deleted afterwards, whatever happened, so a failed flush never keeps the space it took.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../db/open'
import { EVENT_FIELDS } from './fields'
import { EVENT_KEYS_SQL } from './keys'
import { afterBatch } from './session-hours'
import { type WriteVector, writeFileFully } from './write-fully'

/** The batch of CSV (UTF-8) the buffer hands the writer: chunks in order, `rows` rows in all. */
export interface CsvBatch {
  chunks: Uint8Array[]
  rows: number
}

/**
 * `read_csv` of a load file: the columns of the CSV (the event fields, in table order) with their types,
 * and the dialect of src/events/csv.ts; auto-detection off, so the types are used as they are.
 */
const READ_CSV = `read_csv($1, columns = {${EVENT_FIELDS.map((f) => `'${f.column}': '${f.type}'`).join(', ')}}, header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, auto_detect = false)`

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
 * same transaction, after `afterBatch` (the write-ahead log records how far it has been applied, an
 * import its counts).
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
          // The path is bound, never spliced into the SQL. BY NAME: the keys are the table's last columns.
          await w.run(`INSERT INTO batch_events BY NAME SELECT *, ${EVENT_KEYS_SQL} FROM ${READ_CSV}`, [path])
          await w.run('INSERT INTO events SELECT * FROM batch_events')
          await afterBatch(w, 'batch_events')
        }
        if (inTransaction) await inTransaction()
        if (path) await w.run('DROP TABLE batch_events')
        await w.run('COMMIT')
      } catch (err) {
        await w.run('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  } finally {
    if (path) await rm(path, { force: true }).catch(() => undefined)
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
