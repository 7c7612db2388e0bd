// The columnar ingest buffer: accepted events wait here, one array per column, until a flush moves them
// to DuckDB — when `flushMaxRows` are waiting, every `flushIntervalMs`, before a read, and at shutdown.
// One flush at a time; a failed flush puts its rows back and is retried.
import type { Clock } from '../clock'
import { UnavailableError } from '../errors'
import type { Logger } from '../logger'
import { concatColumns, type EventColumns, emptyColumns, pushRow } from './columns'
import type { EventRow } from './validate'

/**
 * Writes a batch of columns; provided by the writer. `upToSeq` is the highest write-ahead-log sequence
 * number among the rows (0 without a log), recorded in the same transaction.
 */
export type FlushSink = (columns: EventColumns, rows: number, upToSeq: number) => Promise<void>

/** Options of the buffer. */
export interface EventBufferOptions {
  flushMaxRows: number
  maxBufferRows: number
  flushIntervalMs: number
  clock: Clock
  logger: Logger
  /** Start the interval timer (off in tests that flush by hand). */
  autoFlush?: boolean
}

/** The in-memory columnar buffer in front of the writer. */
export class EventBuffer {
  private cols: EventColumns = emptyColumns()
  private rows = 0
  private flushing: Promise<void> | undefined
  private timer: ReturnType<typeof setInterval> | undefined
  private failures = 0
  /** Time of the last successful flush (epoch ms), or null. */
  lastFlushAt: number | null = null
  /** Rows written by flushes since start. */
  flushedRows = 0
  lastError: string | null = null
  /** Highest log sequence number pushed so far. */
  private maxSeq = 0
  /**
   * Measured write rate (rows per second, smoothed over flushes of 1000 rows or more); starts low, so
   * limits derived from it err on the safe side until flushes have been timed.
   */
  flushRate = 20_000

  constructor(
    private sink: FlushSink,
    private opts: EventBufferOptions,
  ) {
    if (opts.autoFlush !== false) {
      this.timer = setInterval(() => {
        if (this.rows > 0) this.flush().catch(() => undefined)
      }, opts.flushIntervalMs)
      this.timer.unref?.()
    }
  }

  /** Rows waiting, including those of a flush in progress. */
  get depth(): number {
    return this.rows + this.inFlight
  }

  private inFlight = 0

  /** Throw an UnavailableError (503, Retry-After) when `n` more rows would not fit under `limit` (default: the buffer's size). */
  ensureRoom(n: number, limit = this.opts.maxBufferRows): void {
    if (this.depth + n > Math.min(limit, this.opts.maxBufferRows))
      throw new UnavailableError('Ingest buffer is full; retry shortly', 1)
  }

  /**
   * Add validated rows (call `ensureRoom` first), in log order; `seq` is their log record's sequence
   * number. Starts a flush when the size threshold is reached.
   */
  push(rows: EventRow[], receivedAt: number, seq = 0): void {
    for (const r of rows) pushRow(this.cols, r, receivedAt)
    this.rows += rows.length
    if (seq > this.maxSeq) this.maxSeq = seq
    if (this.rows >= this.opts.flushMaxRows && !this.flushing) this.flush().catch(() => undefined)
  }

  /**
   * Write everything waiting now. Resolves when the rows present at the call are in DuckDB;
   * rejects if that write failed (the rows stay buffered for the next attempt).
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined)
    if (this.rows === 0) return
    const cols = this.cols
    const n = this.rows
    const upTo = this.maxSeq
    this.cols = emptyColumns()
    this.rows = 0
    this.inFlight = n
    this.flushing = (async () => {
      const started = performance.now()
      try {
        await this.sink(cols, n, upTo)
        const secs = (performance.now() - started) / 1000
        if (n >= 1000 && secs > 0) this.flushRate = 0.7 * this.flushRate + 0.3 * (n / secs)
        this.lastFlushAt = this.opts.clock()
        this.flushedRows += n
        this.failures = 0
        this.lastError = null
      } catch (err) {
        // Keep the rows, in arrival order, ahead of anything that came in meanwhile.
        this.cols = concatColumns(cols, this.cols)
        this.rows += n
        this.failures++
        this.lastError = (err as Error).message
        this.opts.logger.error('flush failed; rows kept for retry', {
          rows: n,
          failures: this.failures,
          error: this.lastError,
        })
        throw err
      } finally {
        this.inFlight = 0
        this.flushing = undefined
      }
    })()
    return this.flushing
  }

  /** Stop the timer and write what is left, including rows pushed while closing. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    do await this.flush()
    while (this.rows > 0)
  }
}
