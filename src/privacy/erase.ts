// Erasing one user's events (GDPR art. 17): whatever is still buffered or in the write-ahead log is
// written first, then deleted together with what was already stored, on the writer connection.
import type { Database } from '../db/open'
import { UnavailableError } from '../errors'
import type { EventBuffer } from '../events/buffer'
import { deleteEventsAndRebuild } from '../events/session-hours'

/** What erasing needs. */
export interface EraseDeps {
  db: Database
  buffer: EventBuffer
}

/**
 * Delete every event of `userId` on `siteId`; returns how many were deleted. Events acknowledged
 * before the call are flushed first — and the flush records how far the write-ahead log is applied —
 * so a later log replay cannot bring them back.
 */
export async function eraseUserEvents(deps: EraseDeps, siteId: string, userId: string): Promise<number> {
  try {
    await deps.buffer.flush()
  } catch {
    throw new UnavailableError(
      'Buffered events could not be written, so the erasure cannot be complete yet; retry shortly',
      5,
    )
  }
  return deps.db.writeLock.run(async () => {
    const conn = deps.db.writer
    await conn.run('BEGIN TRANSACTION')
    try {
      // The user's sessions are rebuilt in the derived tables from the events left, in the same transaction.
      const n = await deleteEventsAndRebuild(conn, 'site_id = $1 AND user_id = $2', [siteId, userId])
      await conn.run('COMMIT')
      return n
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}
