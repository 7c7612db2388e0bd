// Space for what was already acknowledged comes first. Once a write has failed for lack of space, new
// events are accepted only while the file system holding the data directory keeps room to write every
// event already waiting (their load files, DuckDB's log of them) and the new ones: otherwise the space
// that comes back would be taken by the log of new events, flushes would never fit, and the server
// would stay full "whatever the load". The pressure ends once the waiting events are written and the
// room is back.
import { statfsSync } from 'node:fs'
import { UnavailableError } from '../errors'

/** Options of `DiskRoom`. */
export interface DiskRoomOptions {
  /** A directory on the file system to watch (the data directory). */
  dir: string
  /** Bytes of events waiting to be written (the buffer's CSV). */
  waitingBytes: () => number
  /** Room kept beyond the waiting bytes × `factor` (default 2 MiB). */
  slackBytes?: number
  /**
   * Free bytes per byte of waiting CSV (default 4: its load file and DuckDB's log of it take about 2,
   * and a backlog kept to a quarter of the free space is written in one or two slices, so reads, which
   * wait for it, keep answering).
   */
  factor?: number
  now?: () => number
}

/** How long a free-space reading is trusted (less what was written since). */
const READING_MS = 100

/** Admission by free space while the disk is under pressure. */
export class DiskRoom {
  private pressure = false
  private readAt = Number.NEGATIVE_INFINITY
  private free = 0

  constructor(private readonly opts: DiskRoomOptions) {}

  /** A write failed for lack of space: admit by free space from now on. */
  noteFull(): void {
    this.pressure = true
    this.readAt = Number.NEGATIVE_INFINITY
  }

  /** Whether admission is by free space now. */
  get underPressure(): boolean {
    return this.pressure
  }

  /** Throw 503 "the disk is full" when `bytes` more cannot be taken without starving the waiting events. */
  ensure(bytes: number): void {
    if (!this.pressure) return
    const now = (this.opts.now ?? Date.now)()
    if (now - this.readAt > READING_MS) {
      try {
        const st = statfsSync(this.opts.dir)
        this.free = Number(st.bavail) * Number(st.bsize)
      } catch {
        this.free = 0
      }
      this.readAt = now
    }
    const waiting = this.opts.waitingBytes()
    const slack = this.opts.slackBytes ?? 2 * 1024 * 1024
    const need = waiting * (this.opts.factor ?? 4) + slack + bytes
    if (this.free < need) {
      throw new UnavailableError(
        'Could not accept the events: the disk is full (the space left is kept for writing the events already accepted); retry shortly',
        2,
      )
    }
    // Nothing waits and the room is back: the pressure is over.
    if (waiting === 0 && this.free > need * 2) this.pressure = false
    this.free -= bytes
  }
}
