// Storing accepted rows, in order: drop retries already stored (event_id), append the rest to the
// write-ahead log and wait for its sync (when durable), then hand them to the buffer.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { EventBuffer } from './buffer'
import type { EventIdIndex } from './dedupe'
import type { EventRow } from './validate'
import type { WriteAheadLog } from './wal'

/** Build the `persist` step of the ingest pipeline. */
export function createPersist(buffer: EventBuffer, ids: EventIdIndex, wal: WriteAheadLog | undefined) {
  return async (rows: EventRow[], receivedAt: number): Promise<void> => {
    const { fresh, forget } = ids.claim(rows, receivedAt)
    if (fresh.length === 0) return
    try {
      const seq = wal ? await wal.append(fresh, receivedAt) : 0
      buffer.push(fresh, receivedAt, seq)
    } catch (err) {
      forget()
      throw err
    }
  }
}

/** Remember the event ids stored in the last `ttlMs`, so retries after a restart are still recognised. */
export async function loadRecentEventIds(
  db: Database,
  ids: EventIdIndex,
  now: number,
  ttlMs = 86_400_000,
): Promise<void> {
  const rows = await queryRows<{ site_id: string; event_id: string; received_at: number }>(
    db.reader,
    'SELECT site_id, event_id, received_at FROM events WHERE event_id IS NOT NULL AND received_at >= $1 ORDER BY received_at',
    [BigInt(now - ttlMs)],
  )
  for (const r of rows) ids.remember(r.site_id, r.event_id, r.received_at)
}
