// Read access to the events: every read first writes what the buffer holds, so it counts every event
// acknowledged before it (read-your-writes), then runs through the store within the read limits. While
// the store is unavailable, or the buffered events cannot be written, the read is refused with 503
// naming the cause: a number that misses acknowledged events would be a wrong number. A read never
// waits longer than `waitMs` for the flush (then 503 with Retry-After), and while flushes are failing
// and pausing between tries (buffer.ts) it is refused at once instead of starting another try.

import { describeDbError } from '../db/failure'
import { DomainError, UnavailableError } from '../errors'
import type { EventBuffer } from './buffer'
import type { ReadLease } from './read-gate'
import type { EventReader, EventStore, ReaderLease } from './store'

/** Options of `EventAccess`. */
export interface EventAccessOptions {
  /** Longest wait for the flush before a read (default 10 s). */
  waitMs?: number
}

/** Flush-before-read in front of an `EventStore`. */
export class EventAccess {
  constructor(
    readonly store: EventStore,
    private readonly buffer: EventBuffer,
    private readonly opts: EventAccessOptions = {},
  ) {}

  /**
   * Write every buffered event (503 if that cannot be done now, or within the time limit). The limit
   * covers the store becoming available too (a reopen in progress waits for the writer and the reads).
   */
  async flushBeforeRead(): Promise<void> {
    const waitMs = this.opts.waitMs ?? 10_000
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), waitMs)
    })
    try {
      const available = this.store.ensureAvailable().then(() => 'ok' as const)
      if ((await Promise.race([available, late])) === 'late') {
        available.catch(() => undefined)
        throw new UnavailableError(
          `The database is unavailable (${this.store.unavailableCause?.() ?? 'it is being reopened'}); retry shortly`,
          Math.max(1, Math.ceil(waitMs / 1000)),
        )
      }
      if (this.buffer.depth === 0) return
      if (this.buffer.pausing && this.buffer.lastError) throw cannotWrite(this.buffer.lastError)
      const flushed = this.buffer.flush()
      const outcome = await Promise.race([flushed, late])
      if (outcome === 'late') {
        flushed.catch(() => undefined)
        const cause = this.buffer.lastError ?? this.store.unavailableCause?.()
        throw new UnavailableError(
          cause
            ? `Recent events cannot be written to the database (${cause}), so stats would be incomplete; retry shortly`
            : `Recent events are still being written to the database (${this.buffer.depth} waiting after ${waitMs} ms), so stats would be incomplete; retry shortly`,
          Math.max(1, Math.ceil(waitMs / 1000)),
        )
      }
    } catch (err) {
      if (err instanceof DomainError) throw err
      throw cannotWrite(describeDbError(err))
    } finally {
      clearTimeout(timer)
    }
  }

  /** Flush, then run `read` within the limits of `keyId`. */
  async read<T>(keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T> {
    await this.flushBeforeRead()
    return this.store.read(keyId, read)
  }

  /** Flush, then hold a read slot of `keyId` until the lease is released (a streamed export). */
  async hold(keyId: string): Promise<ReadLease | ReaderLease> {
    await this.flushBeforeRead()
    return this.store.holdReader ? this.store.holdReader(keyId) : this.store.lease(keyId)
  }
}

/** The 503 of a read whose flush failed, naming the cause. */
function cannotWrite(cause: string): UnavailableError {
  return new UnavailableError(
    `Recent events cannot be written to the database (${cause}), so stats would be incomplete; retry shortly`,
    5,
  )
}
