// The DuckDB event store: the events table and its derived `session_hours` in the embedded database file.
// Appends load the batch's CSV and record the log position in ONE transaction (src/events/writer.ts), then
// bring `session_hours` up to date in another; a gap left between the two (a crash, a failure) is closed
// (`catchUpHours`) before the position is read and before any other write. A
// fatal DuckDB error can strike after that commit was durable, so the store reopens the database
// (db/supervisor.ts) and trusts the stored position: an append is never written twice. Reads run on
// pooled connections within the read gate's limits.
import type { Database } from '../db/open'
import type { DbSupervisor } from '../db/supervisor'
import type { Logger } from '../logger'
import { duckdbDialect } from './dialect'
import type { ReadGate, ReadLease } from './read-gate'
import { catchUpHours, deleteEventsAndRebuild, deleteSiteHours } from './session-hours'
import { type AppendOptions, duckdbReader, type EventMatch, type EventReader, type EventStore } from './store'
import { type CsvBatch, DerivedCatchUpError, getAppliedSeq, loadCsvBatch, setAppliedSeq } from './writer'

/** The events in the embedded DuckDB database. */
export class DuckDbEventStore implements EventStore {
  readonly engine = 'duckdb'
  readonly dialect = duckdbDialect
  /** The stored log position as last read or written here; undefined after a reopen (read it again). */
  private applied: number | undefined
  /** Whether `session_hours` may lag the events (a failed catch-up, or not yet checked since opening). */
  private mayLag = true

  constructor(
    private readonly db: Database,
    private readonly supervisor: DbSupervisor,
    private readonly gate: ReadGate,
    private readonly logger: Logger,
  ) {}

  ensureAvailable(): Promise<void> {
    return this.supervisor.ensureAvailable()
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
    await this.closeGap()
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
    try {
      await loadCsvBatch(this.db, batch, inTransaction)
      if (upTo > 0) this.applied = upTo
    } catch (err) {
      if (err instanceof DerivedCatchUpError) {
        // The events and the position are committed; only the derived table lags: close the gap now (a
        // retry of the slice, stored already, closes it first if this fails).
        if (upTo > 0) this.applied = upTo
        this.mayLag = true
        this.supervisor.observe(err.cause)
        await this.closeGap()
        return
      }
      this.supervisor.observe(err)
      this.applied = undefined
      this.mayLag = true
      // A fatal error can strike after the commit was durable: reopen, and trust the applied position.
      if (!this.supervisor.failure || upTo === 0 || !(await this.supervisor.heal(true))) throw err
      if ((await this.appliedPosition()) < upTo) throw err
      this.logger.info('flush committed before the database failed; not writing it twice', {
        rows: batch.rows,
      })
    }
  }

  async deleteEvents(match: EventMatch, within?: () => Promise<void>): Promise<number> {
    const db = this.db
    await this.closeGap()
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
