// Storing accepted rows, in order: drop retries already stored (event_id), write the rest as CSV once
// (src/ingest/csv.ts), append those bytes to the write-ahead log and wait for its sync (when durable),
// then hand the same bytes to the buffer.
import type { Database } from '../db/open'
import type { EventBuffer } from './buffer'
import { csvRows } from './csv'
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
      const csv = Buffer.from(csvRows(fresh, receivedAt))
      const seq = wal ? await wal.append(fresh, receivedAt, csv) : ++seqNoLog
      buffer.pushCsv(csv, fresh.length, seq)
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
 * recognised. One integer column read as doubles (fingerprints are below 2^53, exact as numbers; no
 * BigInt conversion), at most the index's capacity: start-up cost is bounded by the index's size, not
 * by traffic. Only when the window holds more than that does DuckDB pick the newest (a top-N).
 * Imported events are left out: their ids are not client retries, and a large import would crowd live
 * ids out.
 */
export async function loadRecentEventIds(
  db: Database,
  ids: EventIdIndex,
  now: number,
  opts: { ttlMs?: number } = {},
): Promise<number> {
  const where = 'event_key IS NOT NULL AND received_at >= $1 AND import_id IS NULL'
  const since = [BigInt(now - (opts.ttlMs ?? 86_400_000))]
  const [[count]] = (
    await db.reader.runAndReadAll(`SELECT count(*) FROM events WHERE ${where}`, since)
  ).getRows()
  const newestFirst = Number(count) > ids.capacity
  const result = await db.reader.runAndReadAll(
    `SELECT event_key::DOUBLE, received_at::DOUBLE FROM events WHERE ${where}${newestFirst ? ` ORDER BY received_at DESC LIMIT ${ids.capacity}` : ''}`,
    since,
  )
  const [keys = [], times = []] = result.getColumns() as number[][]
  // Oldest first, so the newest land in the generation that is forgotten last.
  if (newestFirst) for (let i = keys.length - 1; i >= 0; i--) ids.rememberKey(keys[i], times[i])
  else for (let i = 0; i < keys.length; i++) ids.rememberKey(keys[i], times[i])
  return keys.length
}
