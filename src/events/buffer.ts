// The ingest buffer: accepted events wait here as CSV bytes (src/events/csv.ts, built once when they are
// acknowledged, UTF-8 encoded at once: a string built by `+=` is a rope holding every piece, tens of
// small strings per row, until something flattens it), one chunk per acknowledged batch, until a flush loads them into DuckDB. Flushes take
// slices of about `flushMaxRows` rows from the front, one at a time: as soon as a slice's worth is
// waiting, on every `flushIntervalMs`, before a read, and at shutdown — so no flush takes the whole
// buffer at once and no request waits for one. A failed slice stays at the front and is retried, after a
// growing pause (so a broken disk is not hammered) and half as big each time (so it heals as soon as one
// small slice fits again); slices grow back as flushes succeed.
import type { Clock } from '../clock'
import { describeDbError } from '../db/failure'
import { UnavailableError } from '../errors'
import type { EventRow } from '../ingest/validate'
import type { Logger } from '../logger'
import { csvRows } from './csv'
import type { CsvBatch } from './writer'

/**
 * Writes one slice; provided by the writer. `upToSeq` is the highest write-ahead-log sequence number
 * among its rows (0 without a log), recorded in the same transaction; every row with a lower number is
 * in this slice or an earlier one.
 */
export type FlushSink = (batch: CsvBatch, upToSeq: number) => Promise<void>

/** Options of the buffer. */
export interface EventBufferOptions {
  /** Rows waiting that start a flush by themselves; also the least a slice takes. */
  flushMaxRows: number
  /**
   * Most rows one slice takes from a backlog (a slice ends at a chunk boundary, so it may hold one batch
   * more). Default: the larger of `flushMaxRows` and 50 000, so a backlog drains in slices big enough
   * that each one's fixed cost (file, COPY, transaction) does not leave DuckDB behind for good.
   */
  sliceMaxRows?: number
  maxBufferRows: number
  /**
   * Most CSV bytes held (default 32 MiB, ~150k typical events): the buffer's memory is bounded whatever
   * the rows' sizes, so the server's RSS stays bounded when DuckDB falls behind (then 503 + Retry-After).
   */
  maxBufferBytes?: number
  flushIntervalMs: number
  clock: Clock
  logger: Logger
  /** Start the interval timer (off in tests that flush by hand). */
  autoFlush?: boolean
}

interface Chunk {
  csv: Uint8Array
  rows: number
  seq: number
}

/** The default most rows of one slice (unless `flushMaxRows` is larger). */
const SLICE_MAX_ROWS = 50_000
/** Stands in for a chunk once written, so its bytes can be collected before the array is compacted. */
const WRITTEN: Chunk = { csv: new Uint8Array(0), rows: 0, seq: 0 }
/** The default most CSV bytes held: ~150k typical events, a few seconds of DuckDB's write rate. */
const DEFAULT_MAX_BUFFER_BYTES = 32 * 1024 * 1024

/** The in-memory buffer in front of the writer. */
export class EventBuffer {
  /** Waiting chunks in log order; `head` is the first not yet written (the array is compacted now and then). */
  private chunks: Chunk[] = []
  private head = 0
  /** Rows waiting, in-flight slice included. */
  private rows = 0
  /** Rows of the slice being written. */
  private inFlight = 0
  /** CSV bytes held, in-flight slice included. */
  private bytes = 0
  /** Rows ever pushed / ever written: a flush waits until `written` reaches `pushed` as it was at the call. */
  private pushed = 0
  private written = 0
  private flushing: Promise<void> | undefined
  private draining = false
  private timer: ReturnType<typeof setInterval> | undefined
  private failures = 0
  /** Most rows of the next slice: halved by each failure, grown back fourfold by each success. */
  private sliceCap: number
  /** Time of the last successful flush (epoch ms), or null. */
  lastFlushAt: number | null = null
  /** Rows written by flushes since start. */
  flushedRows = 0
  /** Slices written since start. */
  flushedSlices = 0
  /** The cause of the last failed flush (src/db/failure.ts), null once a flush succeeds. */
  lastError: string | null = null
  /** When the last flush failed (clock ms). */
  lastFailureAt: number | null = null
  /**
   * Measured write rate (rows per second, smoothed over slices of 1000 rows or more); starts low, so
   * limits derived from it err on the safe side until flushes have been timed.
   */
  flushRate = 20_000

  constructor(
    private sink: FlushSink,
    private opts: EventBufferOptions,
  ) {
    this.sliceCap = this.maxSlice
    if (opts.autoFlush !== false) {
      this.timer = setInterval(() => {
        if (this.rows > 0 && !this.pausing) this.flush().catch(() => undefined)
      }, opts.flushIntervalMs)
      this.timer.unref?.()
    }
  }

  private get maxSlice(): number {
    return this.opts.sliceMaxRows ?? Math.max(this.opts.flushMaxRows, SLICE_MAX_ROWS)
  }

  /**
   * Whether flushes are paused after failures: 200 ms after the first, doubling up to 1 s, so a broken
   * disk gets a few tries a second at most (each try may write a load file).
   */
  get pausing(): boolean {
    if (this.failures === 0 || this.lastFailureAt === null) return false
    return this.opts.clock() - this.lastFailureAt < Math.min(1000, 100 * 2 ** this.failures)
  }

  /** Rows waiting, including those of a flush in progress. */
  get depth(): number {
    return this.rows
  }

  /** Bytes of CSV held, including a flush in progress. */
  get heldBytes(): number {
    return this.bytes
  }

  /** Throw an UnavailableError (503, Retry-After) when `n` more rows would not fit under `limit` (default: the buffer's size). */
  ensureRoom(n: number, limit = this.opts.maxBufferRows): void {
    if (
      this.depth + n > Math.min(limit, this.opts.maxBufferRows) ||
      this.bytes >= (this.opts.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES)
    )
      throw new UnavailableError('Ingest buffer is full; retry shortly', 1)
  }

  /**
   * Add validated rows (call `ensureRoom` first), in log order; `seq` is their log record's sequence
   * number. Starts draining slices once a slice's worth is waiting.
   */
  push(rows: EventRow[], receivedAt: number, seq = 0): void {
    if (rows.length === 0) return
    this.pushCsv(Buffer.from(csvRows(rows, receivedAt)), rows.length, seq)
  }

  /** Add rows already encoded as CSV (`n` lines, UTF-8). */
  pushCsv(csv: Uint8Array, n: number, seq = 0): void {
    this.chunks.push({ csv, rows: n, seq })
    this.rows += n
    this.bytes += csv.byteLength
    this.pushed += n
    if (this.rows - this.inFlight >= this.opts.flushMaxRows && !this.draining) this.drain()
  }

  /** Write slices while at least a slice's worth waits (started by `push`; errors are logged by `flush`). */
  private drain(): void {
    this.draining = true
    ;(async () => {
      try {
        while (this.rows - this.inFlight >= this.opts.flushMaxRows) {
          while (this.flushing) await this.flushing.catch(() => undefined)
          if (this.rows < this.opts.flushMaxRows || this.pausing) break
          await this.writeSlice()
        }
      } catch {
        // Kept for retry by the timer or the next flush.
      } finally {
        this.draining = false
      }
    })()
  }

  /**
   * Write everything waiting now, slice by slice. Resolves when the rows present at the call are in
   * DuckDB; rejects if a slice failed (its rows stay buffered, at the front, for the next attempt).
   */
  async flush(): Promise<void> {
    const target = this.pushed
    while (this.written < target) {
      while (this.flushing) await this.flushing.catch(() => undefined)
      if (this.written >= target || this.rows === 0) return
      await this.writeSlice()
    }
  }

  /** Write one slice from the front (one at a time): what waits, up to `sliceMaxRows`. */
  private writeSlice(): Promise<void> {
    let end = this.head
    let n = 0
    let bytes = 0
    const cap = this.sliceCap
    while (end < this.chunks.length && (n === 0 || n < cap)) {
      n += this.chunks[end].rows
      bytes += this.chunks[end++].csv.byteLength
    }
    const slice = this.chunks.slice(this.head, end)
    const upTo = slice.reduce((m, c) => Math.max(c.seq, m), 0)
    this.inFlight = n
    this.flushing = (async () => {
      const started = performance.now()
      try {
        await this.sink({ chunks: slice.map((c) => c.csv), rows: n }, upTo)
        const secs = (performance.now() - started) / 1000
        if (n >= 1000 && secs > 0) this.flushRate = 0.7 * this.flushRate + 0.3 * (n / secs)
        // Drop the written chunks' bytes now: the array is compacted only now and then, and a written
        // chunk kept in it would hold its CSV (a request's worth) alive until then.
        for (let i = this.head; i < this.head + slice.length; i++) this.chunks[i] = WRITTEN
        this.head += slice.length
        if (this.head > 1024 && this.head * 2 > this.chunks.length) {
          this.chunks = this.chunks.slice(this.head)
          this.head = 0
        }
        this.rows -= n
        this.bytes -= bytes
        this.written += n
        this.lastFlushAt = this.opts.clock()
        this.flushedRows += n
        this.flushedSlices++
        this.failures = 0
        this.lastError = null
        this.lastFailureAt = null
        this.sliceCap = Math.min(this.maxSlice, this.sliceCap * 4)
      } catch (err) {
        this.failures++
        this.lastError = describeDbError(err)
        this.lastFailureAt = this.opts.clock()
        this.sliceCap = Math.max(1, Math.floor(n / 2))
        this.opts.logger.error('flush failed; rows kept for retry', {
          rows: n,
          failures: this.failures,
          cause: this.lastError,
          detail: (err as Error).message.split('\n')[0]?.slice(0, 300),
        })
        throw err
      } finally {
        this.inFlight = 0
        this.flushing = undefined
      }
    })()
    return this.flushing
  }

  /** The chunks not yet written, in log order (what a shutdown that cannot flush must keep elsewhere). */
  held(): { csv: Uint8Array; rows: number; seq: number }[] {
    return this.chunks.slice(this.head).filter((c) => c.rows > 0)
  }

  /** Stop the timer and write what is left, including rows pushed while closing. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    do await this.flush()
    while (this.rows > 0)
  }
}
