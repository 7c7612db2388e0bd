// The DuckDB event store: the events table and its derived `session_hours` in the embedded database file.
// Appends load the batch's CSV and record the log position in ONE transaction (src/events/writer.ts); a
// fatal DuckDB error can strike after that commit was durable, so the store reopens the database
// (db/supervisor.ts) and trusts the stored position: an append is never written twice. Reads run on
// pooled connections within the read gate's limits. After a flush failed on a full disk, the next one is
// tried only once the file system has room for it (the load file, DuckDB's log and a checkpoint's worth),
// so retries do not eat the space that comes back.
import { statfs } from 'node:fs/promises'
import { isNoSpace } from '../db/failure'
import type { Database } from '../db/open'
import type { DbSupervisor } from '../db/supervisor'
import type { Logger } from '../logger'
import type { ReadGate, ReadLease } from './read-gate'
import { deleteEventsAndRebuild, deleteSiteHours } from './session-hours'
import { type AppendOptions, duckdbReader, type EventMatch, type EventReader, type EventStore } from './store'
import { diskFull } from './write-fully'
import { type CsvBatch, getAppliedSeq, type LoadOptions, loadCsvBatch, setAppliedSeq } from './writer'

/** Room a batch needs beyond its CSV bytes: the load file, DuckDB's log of it, and some slack. */
const ROOM_FACTOR = 3
const ROOM_SLACK = 4 * 1024 * 1024

/** The events in the embedded DuckDB database. */
export class DuckDbEventStore implements EventStore {
  readonly engine = 'duckdb'
  /** The stored log position as last read or written here; undefined after a reopen (read it again). */
  private applied: number | undefined
  /** The last append failed for lack of space: check for room before the next. */
  private noSpace = false

  constructor(
    private readonly db: Database,
    private readonly supervisor: DbSupervisor,
    private readonly gate: ReadGate,
    private readonly logger: Logger,
    /** Options of every load (a test injects a short write into the load file). */
    private readonly load: LoadOptions = {},
  ) {}

  /** Throw "the disk is full" without writing anything when `bytes` of CSV cannot fit now. */
  private async ensureRoom(bytes: number): Promise<void> {
    if (!this.noSpace) return
    const st = await statfs(this.db.loadDir).catch(() => undefined)
    if (!st) return
    const free = Number(st.bavail) * Number(st.bsize)
    const need = bytes * ROOM_FACTOR + ROOM_SLACK
    if (free < need) throw diskFull(`${free} bytes free, a flush of ${bytes} bytes needs about ${need}`)
  }

  ensureAvailable(): Promise<void> {
    return this.supervisor.ensureAvailable()
  }

  async appliedPosition(): Promise<number> {
    this.applied = await getAppliedSeq(this.db)
    return this.applied
  }

  async append(batch: CsvBatch, opts: AppendOptions = {}): Promise<void> {
    const upTo = opts.upTo ?? 0
    await this.supervisor.ensureAvailable()
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
    } catch (err) {
      this.noSpace = isNoSpace(err)
      this.supervisor.observe(err)
      this.applied = undefined
      // A fatal error can strike after the commit was durable: reopen, and trust the applied position.
      if (!this.supervisor.failure || upTo === 0 || !(await this.supervisor.heal(true))) throw err
      if ((await this.appliedPosition()) < upTo) throw err
      this.logger.info('flush committed before the database failed; not writing it twice', {
        rows: batch.rows,
      })
    }
  }

  deleteEvents(match: EventMatch, within?: () => Promise<void>): Promise<number> {
    const db = this.db
    return db.writeLock.run(async () => {
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
  }

  read<T>(keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T> {
    return this.gate.run(keyId, (conn) => read(duckdbReader(conn)))
  }

  lease(keyId: string): Promise<ReadLease> {
    return this.gate.acquire(keyId)
  }
}
