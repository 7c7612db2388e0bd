// Read connections for queries: created lazily from the current DuckDB instance and reused, so one slow
// query does not hold up another. The instance is taken through a getter and `reset()` drops every
// connection, so after the database is reopened new connections come from the new instance. Before a
// reopen, `pause()` stops lending, interrupts what runs and waits until every connection of the old
// instance is back: a connection keeps its instance alive, and two live instances of one file (the old
// one kept by a running read, the new one opened beside it) corrupt memory and the file (seen as native
// crashes, exit 134). While paused, a reader is refused at once (503, Retry-After), so no read waits out
// a reopen beyond its time limit.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { UnavailableError } from '../errors'

/** A pool of read connections on one DuckDB instance (whichever `getInstance` returns now). */
export class ReadPool {
  private idle: { conn: DuckDBConnection; generation: number }[] = []
  private inUse = new Map<DuckDBConnection, number>()
  private generation = 0
  private closed = false
  /** Set while paused: `acquire` refuses. */
  private paused = false
  /** Woken whenever a connection comes back (`pause` waits on it). */
  private returned: (() => void)[] = []

  constructor(private readonly getInstance: () => DuckDBInstance) {}

  /** Connections lent out now. */
  get busy(): number {
    return this.inUse.size
  }

  /**
   * An idle connection, or a new one from the current instance. Give it back with `release`. While the
   * pool is paused (the database is being reopened), throws `UnavailableError`.
   */
  async acquire(): Promise<DuckDBConnection> {
    if (this.paused) throw new UnavailableError('The database is being reopened; retry shortly', 1)
    if (this.closed) throw new Error('the read pool is closed')
    const generation = this.generation
    const reused = this.idle.pop()
    const conn = reused ? reused.conn : await this.getInstance().connect()
    this.inUse.set(conn, reused ? reused.generation : generation)
    return conn
  }

  /** Run `fn` on a lent connection and give it back, whatever happens. */
  async with<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.acquire()
    try {
      return await fn(conn)
    } finally {
      this.release(conn)
    }
  }

  /**
   * Return a connection. `discard` closes it instead of keeping it (after an interrupted query); one
   * acquired before the last `reset()` is closed too.
   */
  release(conn: DuckDBConnection, discard = false): void {
    const generation = this.inUse.get(conn)
    if (generation === undefined) return
    this.inUse.delete(conn)
    if (discard || this.closed || generation !== this.generation) closeQuietly(conn)
    else this.idle.push({ conn, generation })
    for (const wake of this.returned.splice(0)) wake()
  }

  /** Close every idle connection; connections in use are closed when returned. New ones come from `getInstance()`. */
  reset(): void {
    this.generation++
    for (const { conn } of this.idle.splice(0)) closeQuietly(conn)
  }

  /**
   * Stop lending (`acquire` refuses until `resume`), close the idle connections, interrupt the queries
   * running on the others and wait up to `timeoutMs` until all are back (and closed). Resolves whether
   * none is left, that is whether the instance may be closed now; call `resume` in any case.
   */
  async pause(timeoutMs = 10_000): Promise<boolean> {
    this.paused = true
    this.reset()
    const deadline = Date.now() + timeoutMs
    while (this.inUse.size > 0) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      // Again on every round: an interrupt that comes just before a query starts is lost.
      for (const conn of this.inUse.keys())
        try {
          conn.interrupt()
        } catch {}
      await new Promise<void>((wake) => {
        const t = setTimeout(wake, Math.min(left, 100))
        this.returned.push(() => {
          clearTimeout(t)
          wake()
        })
      })
    }
    return true
  }

  /** Lend again after `pause` (new connections come from the instance `getInstance` returns now). */
  resume(): void {
    this.paused = false
  }

  /** Close idle connections and refuse new ones (connections in use close when returned). */
  close(): void {
    this.closed = true
    this.reset()
    this.resume()
  }
}

function closeQuietly(conn: DuckDBConnection): void {
  try {
    conn.closeSync()
  } catch {}
}
