// Open and close the embedded DuckDB database: one instance, one writer connection, a pool of read
// connections for the analytics API and `reader` (start-up and admin reads, a connection of the pool per
// call); the load directory,
// the one place the writer puts files for DuckDB to bulk-load (emptied at open, removed at close for an
// in-memory database); and where every DuckDB instance spills (`createInstance`).
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { describeDbError } from './failure'
import { Mutex } from './mutex'
import { ReadPool } from './read-pool'

/**
 * The open database: `writer` is the only connection that writes events; `reader` answers start-up and
 * admin reads (each call on a connection of the pool, so a reopen can wait for it); `readPool` serves the
 * analytics queries.
 */
export interface Database {
  instance: DuckDBInstance
  writer: DuckDBConnection
  reader: PooledReader
  readPool: ReadPool
  path: string
  /**
   * Directory the writer writes its bulk-load files to (`<db dir>/ingest-log/load/`; a private temporary
   * directory for an in-memory database): the one directory the file-access lockdown leaves open.
   */
  loadDir: string
  /** Held by every write on `writer` so flushes and admin changes never interleave. */
  writeLock: Mutex
  /**
   * Close the instance and open the same file again, under the write lock (after a fatal error such as
   * a checkpoint failing on a full disk, DuckDB refuses every query until then). Reads are paused and
   * the running ones interrupted first: the old instance is closed only once no connection of it is left
   * (a connection keeps its instance alive; two live instances of one file corrupt both), otherwise the
   * reopen fails and is tried again later. `afterOpen` runs on the new writer connection before anyone
   * else may use it (the file-access lockdown).
   */
  reopen(afterOpen?: (writer: DuckDBConnection) => Promise<void>): Promise<void>
  close(): void
}

/**
 * DuckDB's automatic checkpoint (writing its WAL into the file once the WAL passes a size) is off: the
 * event store checkpoints itself after its writes (src/events/duckdb-store.ts, `checkpointIfDue`, at
 * 64 MB). The automatic one ran inside a commit, and on a full disk it failed there: "COMMIT succeeded
 * and is durable, but the autocheckpoint failed", the instance invalidated after every commit, and a disk
 * that got 18 MB back never healed. With it off, a commit needs only the space of its own log, and a
 * checkpoint is started only when the disk can take it. (The threshold matters for speed and memory too:
 * DuckDB's default 16 MB made nearly every 50k-row flush commit a checkpoint, ~0.9 s instead of ~0.25 s;
 * rows appended since the last checkpoint stay in memory, ~2× the WAL's size.) Durability does not depend
 * on it (PULSE's log is synced before acknowledging, DuckDB's WAL at each commit). A clean shutdown
 * checkpoints anyway.
 */
const CHECKPOINT_THRESHOLD = '1TB'

/**
 * DuckDB's memory limit (its default is 80% of RAM). Beyond it the buffer manager evicts or spills to the
 * temporary directory (which works under the lockdown) instead of growing the process. 256 MB (the share
 * of issue 13's 400 MB RSS goal) was too little while entry/exit pages kept a URL string per session: on
 * the 10M-event benchmark data set an entry-page breakdown of the 5M-event site failed with DuckDB's Out of
 * Memory Error at 256 MB and 512 MB (its hash aggregates do not spill). With the stored integer keys
 * (migration 009) every query of the analytics benchmark answers there at 512 MB (and at 256 MB, entry and
 * exit pages ~20% slower), and migration 009 itself runs at 512 MB (73 s, 640 MB RSS). A 500 is worse than
 * a larger process, hence 512 MB and not less.
 */
const MEMORY_LIMIT = '512MB'

/** Instance settings applied at every open, before the lockdown locks the configuration. */
async function configure(writer: DuckDBConnection): Promise<void> {
  await writer.run(`SET checkpoint_threshold = '${CHECKPOINT_THRESHOLD}'`)
  await writer.run(`SET memory_limit = '${MEMORY_LIMIT}'`)
}

/** The load directory of the database at `path`. */
export function loadDirOf(path: string): string {
  return path === ':memory:'
    ? mkdtempSync(join(tmpdir(), 'pulse-load-'))
    : join(dirname(path), 'ingest-log', 'load')
}

/**
 * Where DuckDB spills what does not fit in its memory limit (sorts, joins, large exports). DuckDB's own
 * default is `<file>.tmp` beside a database file, but `.tmp` in the working directory for an in-memory
 * database (so test runs once left ~190 MB of spill files in the repository). Here: beside the file,
 * i.e. in the data directory; for an in-memory database a fresh, unguessable directory under the OS temp
 * directory. DuckDB creates it at the first spill and removes it when the instance closes.
 */
export function spillDirOf(path: string): string {
  return path === ':memory:' ? join(tmpdir(), `pulse-spill-${crypto.randomUUID()}`) : resolve(`${path}.tmp`)
}

/**
 * A DuckDB instance for `path` that spills under `spillDirOf(path)`. The setting is made at creation, so
 * it precedes the file-access lockdown (which leaves spilling working but forbids any later `SET`). Every
 * instance PULSE opens, and those its tests open, go through here.
 */
export function createInstance(path: string, options: Record<string, string> = {}): Promise<DuckDBInstance> {
  return DuckDBInstance.create(path, { temp_directory: spillDirOf(path), ...options })
}

/** Open (creating if needed) the DuckDB file at `path`, or an in-memory database for ':memory:'. */
export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let instance: DuckDBInstance
  try {
    instance = await createInstance(path)
  } catch (err) {
    const msg = (err as Error).message
    if (/Could not set lock|Conflicting lock/i.test(msg))
      throw new Error(
        `The database ${path} is in use by another process (only one PULSE may use a data directory): ${msg}`,
      )
    throw damagedOr(path, err)
  }
  // Files left by a flush cut short (kill -9) are not needed: the write-ahead log holds their events.
  const loadDir = loadDirOf(path)
  rmSync(loadDir, { recursive: true, force: true })
  mkdirSync(loadDir, { recursive: true, mode: 0o700 })
  let closed = false
  const writer = await instance.connect()
  await configure(writer)
  const readPool = new ReadPool(() => db.instance)
  const db: Database = {
    instance,
    writer,
    reader: pooledReader(readPool),
    readPool,
    path,
    loadDir,
    writeLock: new Mutex(),
    reopen(afterOpen) {
      if (path === ':memory:') return Promise.reject(new Error('An in-memory database cannot be reopened'))
      return db.writeLock.run(async () => {
        // Closing an instance checkpoints it, and on a read-only file system DuckDB's failed truncation of
        // its log is thrown where it cannot be caught: the process aborts (exit 134, seen in the read-only
        // disk scenario). So the old instance is closed only once the directory can be written again.
        unwritableCause(path)
        try {
          if (!(await db.readPool.pause()))
            throw new Error('reads of the old database did not stop in time; the reopen will be tried again')
          safely(() => db.writer.closeSync())
          safely(() => db.instance.closeSync())
          db.instance = await createInstance(path)
          db.writer = await db.instance.connect()
          await configure(db.writer)
          if (afterOpen) await afterOpen(db.writer)
        } finally {
          db.readPool.resume()
        }
      })
    },
    close() {
      if (closed) return
      closed = true
      safely(() => db.readPool.close())
      // On a read-only directory the instance is left to the process's exit (see `reopen`): its log stays
      // for the next start, as after a crash, instead of an abort here.
      if (path !== ':memory:')
        try {
          unwritableCause(path)
        } catch {
          return
        }
      safely(() => db.writer.closeSync())
      safely(() => db.instance.closeSync())
      if (path === ':memory:') safely(() => rmSync(loadDir, { recursive: true, force: true }))
    },
  }
  return db
}

/**
 * Throw when the database's directory cannot be written (a read-only file system, no permission): the
 * error names the cause in the file system's words (EROFS …), which `describeDbError` turns into one a
 * self-hoster can act on.
 */
function unwritableCause(path: string): void {
  // A file made and removed: access(2) says nothing of an ext4 that remounted itself read-only on an error.
  const probe = join(dirname(path), '.pulse-write-probe')
  try {
    closeSync(openSync(probe, 'w'))
    rmSync(probe, { force: true })
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    throw new Error(
      `${e.code ?? 'EACCES'}: the database's directory cannot be written; the reopen will be tried again`,
    )
  }
}

/** The reads `Database.reader` offers: each call runs on a connection of the pool and gives it back. */
export type PooledReader = Pick<DuckDBConnection, 'run' | 'runAndReadAll'>

function pooledReader(pool: ReadPool): PooledReader {
  return {
    run: (sql, values, types) => pool.with((c) => c.run(sql, values, types)),
    runAndReadAll: (sql, values, types) => pool.with((c) => c.runAndReadAll(sql, values, types)),
  }
}

/** A damaged database file, with what to do about it; PULSE changes nothing in the data directory itself. */
export class DamagedDatabaseError extends Error {}

/**
 * `err` as a `DamagedDatabaseError` with the recovery commands when it says the file at `path` is
 * damaged; otherwise `err` itself.
 */
export function damagedOr(path: string, err: unknown): unknown {
  if (path === ':memory:' || describeDbError(err) !== 'the database file is damaged') return err
  const dir = dirname(path)
  const detail = ((err as Error).message.split('\n')[0] ?? '').replace(/"\/[^"]*"/g, 'the file')
  return new DamagedDatabaseError(
    [
      `the database file ${path} is damaged (DuckDB: ${detail}). Nothing in ${dir} was changed.`,
      'To recover from your last backup and the write-ahead log (events acknowledged since the backup that the log still holds):',
      `  1. pulse check --data-dir ${dir}          # what the write-ahead log holds`,
      `  2. pulse restore BACKUP_FILE --data-dir ${dir} --replay-log`,
      '     # puts the backup in place, keeps the damaged file beside it (*.damaged-<time>) and keeps the log',
      `  3. start PULSE again (pulse serve --data-dir ${dir}): it writes the log's events newer than the backup`,
      'Without a backup, keep a copy of the whole directory before trying anything else.',
    ].join('\n'),
  )
}

/** Closing an invalidated instance may throw; the handle is dropped either way. */
function safely(fn: () => void): void {
  try {
    fn()
  } catch {}
}
