import type { EventRow } from '../ingest/validate'
import type { EventBuffer } from './buffer'
import { csvRows } from './csv'
import type { EventIdIndex } from './dedupe'
import type { DiskRoom } from './disk-room'
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
 * `onStored` sees each batch's new rows once they are acknowledged. `room`, once the disk has been
 * full, refuses events the disk could not keep room for beside those already waiting (disk-room.ts).
 */
export function createPersist(
  buffer: EventBuffer,
  ids: EventIdIndex,
  wal: WriteAheadLog | undefined,
  firstSeq = 0,
  onStored?: (rows: EventRow[], receivedAt: number) => void,
  room?: DiskRoom,
): Persist {
  let seqNoLog = firstSeq
  let inFlight = 0
  let waiters: (() => void)[] = []
  const persist = async (rows: EventRow[], receivedAt: number): Promise<void> => {
    const { fresh, keys, forget } = ids.claim(rows, receivedAt)
    if (fresh.length === 0) return
    inFlight++
    try {
      const csv = Buffer.from(csvRows(fresh, receivedAt, null, keys))
      room?.ensure(wal ? csv.byteLength * 2 : csv.byteLength)
      const seq = wal ? await appendToLog(wal, fresh, receivedAt, csv, room) : ++seqNoLog
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

/** Append to the log; a full disk puts admission under pressure (disk-room.ts). */
async function appendToLog(
  wal: WriteAheadLog,
  rows: EventRow[],
  receivedAt: number,
  csv: Uint8Array,
  room: DiskRoom | undefined,
): Promise<number> {
  try {
    return await wal.append(rows, receivedAt, csv)
  } catch (err) {
    if (room && /the disk (is full|quota)/.test((err as Error).message)) room.noteFull()
    throw err
  }
}
