// Read connections for queries: created lazily from the current DuckDB instance and reused, so one slow
// query does not hold up another. The instance is taken through a getter and `reset()` drops every
// connection, so after the database is reopened new connections come from the new instance.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'

/** A pool of read connections on one DuckDB instance (whichever `getInstance` returns now). */
export class ReadPool {
  private idle: { conn: DuckDBConnection; generation: number }[] = []
  private inUse = new Map<DuckDBConnection, number>()
  private generation = 0
  private closed = false

  constructor(private readonly getInstance: () => DuckDBInstance) {}

  /** Connections lent out now. */
  get busy(): number {
    return this.inUse.size
  }

  /** An idle connection, or a new one from the current instance. Give it back with `release`. */
  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('the read pool is closed')
    const generation = this.generation
    const reused = this.idle.pop()
    const conn = reused ? reused.conn : await this.getInstance().connect()
    this.inUse.set(conn, reused ? reused.generation : generation)
    return conn
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
  }

  /** Close every idle connection; connections in use are closed when returned. New ones come from `getInstance()`. */
  reset(): void {
    this.generation++
    for (const { conn } of this.idle.splice(0)) closeQuietly(conn)
  }

  /** Close idle connections and refuse new ones (connections in use close when returned). */
  close(): void {
    this.closed = true
    this.reset()
  }
}

function closeQuietly(conn: DuckDBConnection): void {
  try {
    conn.closeSync()
  } catch {}
}
