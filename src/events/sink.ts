// The buffer's flush sink: each slice goes to the event store with the log position it brings the store
// up to (stored in the same unit, so replay after a crash loads exactly what is beyond it); once stored,
// the write-ahead log may delete the segments that are wholly applied. A slice that failed for lack of
// space puts admission under pressure, so new events do not take the space the waiting ones need.
import { isNoSpace } from '../db/failure'
import type { FlushSink } from './buffer'
import type { DiskRoom } from './disk-room'
import type { EventStore } from './store'
import type { WriteAheadLog } from './wal'

/** The sink of the event buffer: store the slice, then let the log drop what is applied. */
export function flushSink(store: EventStore, wal: WriteAheadLog | undefined, room?: DiskRoom): FlushSink {
  return async (batch, upTo) => {
    try {
      await store.append(batch, { upTo })
    } catch (err) {
      if (room && isNoSpace(err)) room.noteFull()
      throw err
    }
    wal?.markApplied(upTo)
  }
}
