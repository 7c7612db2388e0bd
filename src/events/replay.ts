// Replay of the write-ahead log at start-up, at bulk-load speed: the records beyond the applied position
// go straight to the event store in large slices (their CSV bytes as they are in the log, keys included),
// not through the buffer's flush-sized slices and per-request machinery. Each slice is stored with the
// position of its last record, so a crash during the replay resumes after the last slice stored.
import { csvRows } from './csv'
import type { EventStore } from './store'
import type { WriteAheadLog } from './wal'
import type { LogRecord } from './wal-format'
import type { CsvBatch } from './writer'

/** Options of `replayRecords`. */
export interface ReplayOptions {
  /** Rows per slice (one load and one transaction each); DuckDB holds a slice in memory while it loads. */
  sliceRows?: number
  /** Bytes of CSV per slice, whichever comes first. */
  sliceBytes?: number
}

/** Store `records` (ordered by seq) in large slices; returns the events replayed. */
export async function replayRecords(
  records: readonly LogRecord[],
  store: EventStore,
  wal: WriteAheadLog | undefined,
  opts: ReplayOptions = {},
): Promise<number> {
  const maxRows = opts.sliceRows ?? 200_000
  const maxBytes = opts.sliceBytes ?? 64 * 1024 * 1024
  let batch: CsvBatch = { chunks: [], rows: 0 }
  let bytes = 0
  let upTo = 0
  let events = 0
  const store_ = async () => {
    if (batch.rows === 0) return
    await store.append(batch, { upTo })
    wal?.markApplied(upTo)
    events += batch.rows
    batch = { chunks: [], rows: 0 }
    bytes = 0
  }
  for (const r of records) {
    const csv = 'csv' in r ? r.csv : Buffer.from(csvRows(r.rows, r.receivedAt))
    const count = 'csv' in r ? r.count : r.rows.length
    if (batch.rows > 0 && (batch.rows + count > maxRows || bytes + csv.byteLength > maxBytes)) await store_()
    batch.chunks.push(csv)
    batch.rows += count
    bytes += csv.byteLength
    upTo = r.seq
  }
  await store_()
  return events
}
