// Storing accepted rows, in order: drop retries already stored (event_id), append the rest to the
// write-ahead log and wait for its sync (when durable), then hand them to the buffer.
import type { Database } from '../db/open'
import type { EventBuffer } from './buffer'
import type { EventIdIndex } from './dedupe'
import type { EventRow } from './validate'
import type { WriteAheadLog } from './wal'

/** The `persist` step, and a way to wait until no call to it is in progress (for shutdown). */
export interface Persist {
  (rows: EventRow[], receivedAt: number): Promise<void>
  /** Resolves once every call started so far has acknowledged or failed. */
  idle(): Promise<void>
}

/**
 * Build the `persist` step of the ingest pipeline. Every batch gets a sequence number: the log's, or
 * without a log one counted on from `firstSeq` (the applied position), so a flush whose commit outcome
 * is unknown (the database failed mid-commit) can be checked against the applied position after a reopen.
 * `onStored` sees each batch's new rows once they are acknowledged.
 */
export function createPersist(
  buffer: EventBuffer,
  ids: EventIdIndex,
  wal: WriteAheadLog | undefined,
  firstSeq = 0,
  onStored?: (rows: EventRow[], receivedAt: number) => void,
): Persist {
  let seqNoLog = firstSeq
  let inFlight = 0
  let waiters: (() => void)[] = []
  const persist = async (rows: EventRow[], receivedAt: number): Promise<void> => {
    const { fresh, forget } = ids.claim(rows, receivedAt)
    if (fresh.length === 0) return
    inFlight++
    try {
      const seq = wal ? await wal.append(fresh, receivedAt) : ++seqNoLog
      buffer.push(fresh, receivedAt, seq)
      // Acknowledged from here on: tell live listeners (the event stream), who must never throw or wait.
      onStored?.(fresh, receivedAt)
    } catch (err) {
      forget()
      throw err
    } finally {
      if (--inFlight === 0) {
        for (const w of waiters) w()
        waiters = []
      }
    }
  }
  return Object.assign(persist, {
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  })
}

/**
 * Remember the event-id fingerprints stored in the last `ttlMs`, so retries after a restart are still
 * recognised. Reads at most `limit` of the newest, as one integer column: start-up cost is bounded by
 * the index's size, not by traffic.
 */
export async function loadRecentEventIds(
  db: Database,
  ids: EventIdIndex,
  now: number,
  opts: { ttlMs?: number; limit?: number } = {},
): Promise<number> {
  const ttlMs = opts.ttlMs ?? 86_400_000
  const limit = opts.limit ?? 2_000_000
  const result = await db.reader.runAndReadAll(
    `SELECT event_key, received_at FROM (
       SELECT event_key, received_at FROM events
       WHERE event_key IS NOT NULL AND received_at >= $1
       ORDER BY received_at DESC LIMIT $2
     ) ORDER BY received_at`,
    [BigInt(now - ttlMs), BigInt(limit)],
  )
  const [keys = [], times = []] = result.getColumns() as bigint[][]
  for (let i = 0; i < keys.length; i++) ids.rememberKey(Number(keys[i]), Number(times[i]))
  return keys.length
}
