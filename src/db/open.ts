// Open and close the embedded DuckDB database: one instance, one writer connection, one reader connection.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { Mutex } from './mutex'

/** The open database: `writer` is the only connection that writes events; `reader` answers queries. */
export interface Database {
  instance: DuckDBInstance
  writer: DuckDBConnection
  reader: DuckDBConnection
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
  return {
    instance,
    writer,
    reader,
    path,
    writeLock: new Mutex(),
    close() {
      if (closed) return
      closed = true
      reader.closeSync()
      writer.closeSync()
      instance.closeSync()
    },
  }
}
