// Open and close the embedded DuckDB database: one instance, one writer connection, one reader connection
// (start-up and admin reads) and a pool of read connections for the analytics API.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { Mutex } from './mutex'
import { ReadPool } from './read-pool'

/**
 * The open database: `writer` is the only connection that writes events; `reader` answers start-up and
 * admin reads; `readPool` serves the analytics queries (call `readPool.reset()` after replacing `instance`).
 */
export interface Database {
  instance: DuckDBInstance
  writer: DuckDBConnection
  reader: DuckDBConnection
  readPool: ReadPool
  path: string
  /** Held by every write on `writer` so flushes and admin changes never interleave. */
  writeLock: Mutex
  close(): void
}

/** Open (creating if needed) the DuckDB file at `path`, or an in-memory database for ':memory:'. */
export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let instance: DuckDBInstance
  try {
    instance = await DuckDBInstance.create(path)
  } catch (err) {
    const msg = (err as Error).message
    if (/lock/i.test(msg))
      throw new Error(
        `The database ${path} is in use by another process (only one PULSE may use a data directory): ${msg}`,
      )
    throw err
  }
  const writer = await instance.connect()
  const reader = await instance.connect()
  let closed = false
  const db: Database = {
    instance,
    writer,
    reader,
    readPool: new ReadPool(() => db.instance),
    path,
    writeLock: new Mutex(),
    close() {
      if (closed) return
      closed = true
      db.readPool.close()
      reader.closeSync()
      writer.closeSync()
      db.instance.closeSync()
    },
  }
  return db
}
