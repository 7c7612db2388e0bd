// Isolation of analytics reads: at most `perKey` queries per API key and `total` overall run at once,
// each on a pooled connection of its own and interrupted after `timeoutMs`. A query over a limit waits
// in a short queue; when that queue is full (or the wait too long) it is refused with Retry-After, so one
// tenant's heavy queries cannot take every connection, core or worker thread from the others.
import type { DuckDBConnection } from '@duckdb/node-api'
import type { ReadPool } from '../db/read-pool'
import { type DomainError, LimitError, UnavailableError } from '../errors'

/** Options of `ReadGate`. */
export interface ReadGateOptions {
  /** Time limit of one query (PULSE_QUERY_TIMEOUT_MS). */
  timeoutMs: number
  /** Queries of one key at once (PULSE_READ_CONCURRENCY_PER_KEY). */
  perKey: number
  /** Queries at once overall (PULSE_READ_CONCURRENCY). */
  total: number
  /** Queries of one key waiting for a slot (PULSE_READ_QUEUE_PER_KEY); the overall queue holds `total` times that. */
  queuePerKey: number
  /** Longest wait in the queue before a 429/503 (default: the time limit, at most 2 s). */
  maxWaitMs?: number
}

/** A granted read: a connection of its own until `release()`. */
export interface ReadLease {
  conn: DuckDBConnection
  /** Run `work` on `conn`, interrupting it after the time limit (then a 503 is thrown). */
  timed<T>(work: () => Promise<T>): Promise<T>
  /** Give the connection and the slot back (idempotent); `discard` closes the connection. */
  release(discard?: boolean): void
}

interface Waiter {
  key: string
  grant: () => void
}

/** Concurrency limits, queue and time limit of analytics reads. */
export class ReadGate {
  private running = 0
  private perKeyRunning = new Map<string, number>()
  private queue: Waiter[] = []

  constructor(
    private readonly pool: ReadPool,
    private readonly o: ReadGateOptions,
  ) {}

  /** Queries running now. */
  get active(): number {
    return this.running
  }

  /** Wait for a slot for `key` (or throw 429/503) and lend it a connection. */
  async acquire(key: string): Promise<ReadLease> {
    await this.admit(key)
    let conn: DuckDBConnection
    try {
      conn = await this.pool.acquire()
    } catch (err) {
      this.leave(key)
      throw err
    }
    let released = false
    let interrupted = false
    return {
      conn,
      timed: async <T>(work: () => Promise<T>): Promise<T> => {
        const timer = setTimeout(() => {
          interrupted = true
          conn.interrupt()
        }, this.o.timeoutMs)
        try {
          const out = await work()
          if (interrupted) throw this.timeoutError()
          return out
        } catch (err) {
          throw interrupted ? this.timeoutError() : err
        } finally {
          clearTimeout(timer)
        }
      },
      release: (discard = false) => {
        if (released) return
        released = true
        // An interrupted connection is not trusted again: close it, the pool makes a new one.
        this.pool.release(conn, discard || interrupted)
        this.leave(key)
      },
    }
  }

  /** Run `work` on a pooled connection within the limits of `key`. */
  async run<T>(key: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const lease = await this.acquire(key)
    try {
      return await lease.timed(() => work(lease.conn))
    } finally {
      lease.release()
    }
  }

  private timeoutError(): DomainError {
    return new UnavailableError(
      `Query exceeded PULSE_QUERY_TIMEOUT_MS (${this.o.timeoutMs} ms) and was stopped; narrow the period or filters`,
      1,
    )
  }

  private canRun(key: string): boolean {
    return this.running < this.o.total && (this.perKeyRunning.get(key) ?? 0) < this.o.perKey
  }

  private enter(key: string): void {
    this.running++
    this.perKeyRunning.set(key, (this.perKeyRunning.get(key) ?? 0) + 1)
  }

  private leave(key: string): void {
    this.running--
    const n = (this.perKeyRunning.get(key) ?? 1) - 1
    if (n <= 0) this.perKeyRunning.delete(key)
    else this.perKeyRunning.set(key, n)
    // Grant the oldest waiter that may run now (another key's may pass a key at its limit).
    const i = this.queue.findIndex((w) => this.canRun(w.key))
    if (i >= 0) this.queue.splice(i, 1)[0].grant()
  }

  private admit(key: string): Promise<void> {
    // Every slot that frees goes to a waiter that may use it (see `leave`), so whoever may run, runs.
    if (this.canRun(key)) {
      this.enter(key)
      return Promise.resolve()
    }
    const keyBusy = (this.perKeyRunning.get(key) ?? 0) >= this.o.perKey
    const keyQueued = this.queue.filter((w) => w.key === key).length
    if (keyBusy && keyQueued >= this.o.queuePerKey) throw this.keyLimitError()
    if (this.queue.length >= this.o.total * this.o.queuePerKey) throw this.busyError()
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        key,
        grant: () => {
          clearTimeout(timer)
          this.enter(key)
          resolve()
        },
      }
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(w), 1)
        reject((this.perKeyRunning.get(key) ?? 0) >= this.o.perKey ? this.keyLimitError() : this.busyError())
      }, this.o.maxWaitMs ?? Math.min(this.o.timeoutMs, 2000))
      this.queue.push(w)
    })
  }

  private keyLimitError(): DomainError {
    return new LimitError(
      `Too many concurrent queries for this key (PULSE_READ_CONCURRENCY_PER_KEY=${this.o.perKey}); retry when one has finished`,
      1,
    )
  }

  private busyError(): DomainError {
    return new UnavailableError(
      `The server is busy with other queries (PULSE_READ_CONCURRENCY=${this.o.total}); retry shortly`,
      1,
    )
  }
}
