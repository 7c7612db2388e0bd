// Read access to the events: every read first writes what the buffer holds, so it counts every event
// acknowledged before it (read-your-writes), then runs through the store within the read limits. While
// the store is unavailable, or the buffered events cannot be written, the read is refused with 503: a
// number that misses acknowledged events would be a wrong number.

import { describeDbError } from '../db/failure'
import { DomainError, UnavailableError } from '../errors'
import type { EventBuffer } from './buffer'
import type { ReadLease } from './read-gate'
import type { EventReader, EventStore } from './store'

/** Flush-before-read in front of an `EventStore`. */
export class EventAccess {
  constructor(
    readonly store: EventStore,
    private readonly buffer: EventBuffer,
  ) {}

  /** Write every buffered event (503 if that cannot be done now). */
  async flushBeforeRead(): Promise<void> {
    await this.store.ensureAvailable()
    if (this.buffer.depth === 0) return
    try {
      await this.buffer.flush()
    } catch (err) {
      if (err instanceof DomainError) throw err
      throw new UnavailableError(
        `Recent events cannot be written to the database (${describeDbError(err)}), so stats would be incomplete; retry shortly`,
        5,
      )
    }
  }

  /** Flush, then run `read` within the limits of `keyId`. */
  async read<T>(keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T> {
    await this.flushBeforeRead()
    return this.store.read(keyId, read)
  }

  /** Flush, then hold a read slot of `keyId` until the lease is released (a streamed export). */
  async hold(keyId: string): Promise<ReadLease> {
    await this.flushBeforeRead()
    return this.store.lease(keyId)
  }
}
