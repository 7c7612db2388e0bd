// The DuckDB event store: the events table and its derived `session_hours` in the embedded database file.
// Appends load the batch's CSV and record the log position in ONE transaction (src/events/writer.ts), then
// bring `session_hours` up to date in another; a gap left between the two (a crash, a failure) is closed
// (`catchUpHours`) before the position is read and before any other write. A
// fatal DuckDB error can strike after that commit was durable, so the store reopens the database
// (db/supervisor.ts) and trusts the stored position: an append is never written twice. Reads run on
// pooled connections within the read gate's limits. After a flush failed on a full disk, the next one is
// tried only once the file system has room for it (the load file, DuckDB's log and a checkpoint's worth),
// so retries do not eat the space that comes back; and until the room is back, DuckDB's own log is
// checkpointed into the database file as soon as it holds more than half the free space (it would
// otherwise grow to the checkpoint threshold, 64 MB, and fill a disk that got less back).
import { stat, statfs } from 'node:fs/promises'
import { isDbWriteFailure, isNoSpace } from '../db/failure'
import type { Database } from '../db/open'
import type { DbSupervisor } from '../db/supervisor'
import type { Logger } from '../logger'
import { duckdbDialect } from './dialect'
import type { ReadGate, ReadLease } from './read-gate'
import { catchUpHours, deleteEventsAndRebuild, deleteEventsBefore, deleteSiteHours } from './session-hours'
import { type AppendOptions, duckdbReader, type EventMatch, type EventReader, type EventStore } from './store'
import { diskFull } from './write-fully'
import {
  type CsvBatch,
  DerivedCatchUpError,
  getAppliedSeq,
  type LoadOptions,
  loadCsvBatch,
  setAppliedSeq,
} from './writer'

/**
 * Room a batch needs: its load file (the CSV's size) and DuckDB's log of it (up to twice that, with the derived rows), and
 * some slack.
 */
const ROOM_FACTOR = 3
const ROOM_SLACK = 2 * 1024 * 1024

/**
 * DuckDB's log is checkpointed into the file once it passes this size (see db/open.ts: rows appended
 * since the last checkpoint stay in memory, about twice the log's size, so this is also a memory bound).
 */
export const CHECKPOINT_BYTES = 64 * 1024 * 1024
/** Free space a checkpoint needs beyond the log's size before it is started. */
const CHECKPOINT_SLACK = 4 * 1024 * 1024

/** The events in the embedded DuckDB database. */
export class DuckDbEventStore implements EventStore {
  readonly engine = 'duckdb'
  readonly dialect = duckdbDialect
  /** The stored log position as last read or written here; undefined after a reopen (read it again). */
  private applied: number | undefined
  /** The last append failed for lack of space: check for room before the next. */
  private noSpace = false
  /** Appends have failed for lack of space since the room was last ample: checkpoint early. */
  private tight = false
  /** Whether `session_hours` may lag the events (a failed catch-up, or not yet checked since opening). */
  private mayLag = true

  constructor(
    private readonly db: Database,
    private readonly supervisor: DbSupervisor,
    private readonly gate: ReadGate,
    private readonly logger: Logger,
    /** Options of every load (a test injects a short write into the load file). */
    private readonly load: LoadOptions = {},
  ) {}

  /** Bytes free on the database's file system (undefined if unknown). */
  private async freeBytes(): Promise<number | undefined> {
    const st = await statfs(this.db.loadDir).catch(() => undefined)
    return st ? Number(st.bavail) * Number(st.bsize) : undefined
  }

  /**
   * Fold DuckDB's log into the file (a checkpoint) when it is due: once the log passes
   * `CHECKPOINT_BYTES`, or, while space is tight, once it holds more than half the free space. DuckDB's
   * own automatic checkpoint is off (db/open.ts): it ran inside a commit, and on a full disk it failed
   * there, invalidating the database after every commit. A failed checkpoint invalidates it too, so one
   * is started only when the free space can take the whole log; otherwise it waits, and the log grows
   * into the space there is (commits need only their own few bytes of log).
   */
  private async checkpointIfDue(): Promise<void> {
    if (this.db.path === ':memory:') return
    const wal = (await stat(`${this.db.path}.wal`).catch(() => undefined))?.size ?? 0
    // The usual case after a flush: a small log and room to spare, known without asking the file system.
    if (!this.tight && wal < CHECKPOINT_BYTES) return
    const free = await this.freeBytes()
    if (free === undefined) return
    if (this.tight && free > 256 * 1024 * 1024) this.tight = false
    const due = wal >= CHECKPOINT_BYTES || (this.tight && wal > free / 2)
    if (!due) return
    if (free < wal + CHECKPOINT_SLACK) {
      this.logger.warn('checkpoint put off: the disk has less free space than the database log holds', {
        cause: 'the disk is full',
        logBytes: wal,
        freeBytes: free,
      })
      return
    }
    await this.db.writeLock
      .run(() => this.db.writer.run('CHECKPOINT'))
      .catch((err) => {
        this.supervisor.observe(err)
      })
  }

  /** Throw "the disk is full" without writing anything when `bytes` of CSV cannot fit now. */
  private async ensureRoom(bytes: number): Promise<void> {
    if (!this.noSpace) return
    const free = await this.freeBytes()
    if (free === undefined) return
    const need = bytes * ROOM_FACTOR + ROOM_SLACK
    if (free < need) throw diskFull(`${free} bytes free, a flush of ${bytes} bytes needs about ${need}`)
  }

  ensureAvailable(): Promise<void> {
    return this.supervisor.ensureAvailable()
  }

  unavailableCause(): string | null {
    return this.supervisor.failure
  }

  async appliedPosition(): Promise<number> {
    await this.closeGap()
    this.applied = await getAppliedSeq(this.db)
    return this.applied
  }

  /** Rebuild what `session_hours` lacks of the events, if it may lag (start-up, after a failed catch-up). */
  private async closeGap(): Promise<void> {
    if (!this.mayLag) return
    await this.db.writeLock.run(() => catchUpHours(this.db.writer))
    this.mayLag = false
  }

  async append(batch: CsvBatch, opts: AppendOptions = {}): Promise<void> {
    const upTo = opts.upTo ?? 0
    await this.supervisor.ensureAvailable()
    try {
      await this.closeGap()
    } catch (err) {
      this.afterFailedWrite(err)
      throw err
    }
    // Idempotent by position: a batch whose position is stored already (a retry, a replay) is not stored again.
    if (upTo > 0 && upTo <= (this.applied ?? (await this.appliedPosition()))) return
    const within = opts.within
    const inTransaction =
      upTo > 0 || within
        ? async () => {
            if (upTo > 0) await setAppliedSeq(this.db, upTo)
            if (within) await within()
          }
        : undefined
    await this.ensureRoom(batch.chunks.reduce((n, c) => n + c.byteLength, 0))
    try {
      await loadCsvBatch(this.db, batch, inTransaction, this.load)
      if (upTo > 0) this.applied = upTo
      this.noSpace = false
      await this.checkpointIfDue()
    } catch (err) {
      if (err instanceof DerivedCatchUpError) {
        // The events and the position are committed; only the derived table lags: close the gap now, or,
        // if DuckDB failed writing, after the reopen (at the next append or read).
        this.afterFailedWrite(err.cause)
        if (upTo > 0) this.applied = upTo
        if (this.supervisor.failure) {
          await this.supervisor.heal(true)
          return
        }
        await this.closeGap()
        return
      }
      this.afterFailedWrite(err)
      // A failed write, or a fatal error after a commit that was durable: reopen, and trust the applied
      // position the file holds.
      if (!this.supervisor.failure || upTo === 0 || !(await this.supervisor.heal(true))) throw err
      if ((await this.appliedPosition()) < upTo) throw err
      this.logger.info('flush committed before the database failed; not writing it twice', {
        rows: batch.rows,
      })
    }
  }

  /**
   * After a write failed: note a full disk (check for room before the next try), forget what was read of
   * the file, and require a reopen when DuckDB failed writing its own files (isDbWriteFailure): a commit
   * that failed writing DuckDB's log was seen to leave its rows visible in memory, where the next
   * checkpoint would have stored them, so one batch ended up stored twice.
   */
  private afterFailedWrite(err: unknown): void {
    this.noSpace = isNoSpace(err)
    if (this.noSpace) this.tight = true
    this.applied = undefined
    this.mayLag = true
    if (isDbWriteFailure(err)) this.supervisor.requireReopen(err)
    else this.supervisor.observe(err)
  }

  async deleteEvents(match: EventMatch, within?: () => Promise<void>): Promise<number> {
    const db = this.db
    await this.closeGap()
    return db.writeLock
      .run(async () => {
        const conn = db.writer
        await conn.run('BEGIN TRANSACTION')
        try {
          let n: number
          if ('importId' in match) n = await deleteEventsAndRebuild(conn, 'import_id = $1', [match.importId])
          else if (match.userId !== undefined)
            // The user's sessions are rebuilt in the derived table from the events left.
            n = await deleteEventsAndRebuild(conn, 'site_id = $1 AND user_id = $2', [
              match.siteId,
              match.userId,
            ])
          else if (match.before !== undefined) n = await deleteEventsBefore(conn, match.siteId, match.before)
          else {
            const res = await conn.run('DELETE FROM events WHERE site_id = $1', [match.siteId])
            await deleteSiteHours(conn, match.siteId)
            n = Number(res.rowsChanged)
          }
          if (within) await within()
          await conn.run('COMMIT')
          return n
        } catch (err) {
          await conn.run('ROLLBACK').catch(() => undefined)
          throw err
        }
      })
      .then(async (n) => {
        await this.checkpointIfDue()
        return n
      })
  }

  read<T>(keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T> {
    return this.gate.run(keyId, (conn) => read(duckdbReader(conn)))
  }

  lease(keyId: string): Promise<ReadLease> {
    return this.gate.acquire(keyId)
  }
}
