// Erasing one user's events (GDPR art. 17): whatever is still buffered or in the write-ahead log is
// written first, then deleted together with what was already stored, through the event store.
import { UnavailableError } from '../errors'
import type { EventBuffer } from '../events/buffer'
import type { EventStore } from '../events/store'

/** What erasing needs. */
export interface EraseDeps {
  buffer: EventBuffer
  events: { store: EventStore }
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
  // The user's sessions are rebuilt in the derived data from the events left, in the same unit.
  return deps.events.store.deleteEvents({ siteId, userId })
}
