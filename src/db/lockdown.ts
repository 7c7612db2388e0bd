// Defence in depth for the DuckDB instance: once migrations have run, no SQL on any connection may
// read or write files, attach databases or load extensions, and no SQL can undo that — so even a query
// built from user input through a missed allow-list cannot reach the file system. The one exception is
// the database's load directory (`db.loadDir`), where the writer puts the CSV files DuckDB bulk-loads.
import type { DuckDBConnection } from '@duckdb/node-api'
import type { Database } from './open'

/** Options of `lockDownExternalAccess`. */
export interface LockDownOptions {
  /**
   * Directories that stay readable and writable (e.g. a private scratch directory for Parquet export).
   * Anything inside them is reachable by every query, so never list the data directory itself.
   */
  allowedDirectories?: string[]
}

/** A SQL string literal (the values are paths from configuration, never user input). */
function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

/**
 * Leave `opts.allowedDirectories` and the database's load directory open (`withLoadDir`, added here),
 * disable file access on the whole instance (`enable_external_access = false`), then lock the
 * configuration (`lock_configuration = true`) so no later `SET` or `RESET` can re-enable it. The
 * database's own file, its WAL and DuckDB's spill directory (set when the instance is created,
 * `createInstance` in open.ts; test/db/spill.db.test.ts) keep working; `read_csv`, `COPY … TO/FROM`
 * a file, `ATTACH` of a file, `INSTALL`/`LOAD` and every other `SET` fail with an error. Irreversible
 * for the life of the instance: call it once, after migrations and after any start-up step that needs files.
 */
export async function lockDownExternalAccess(db: Database, opts: LockDownOptions = {}): Promise<void> {
  await db.writeLock.run(() => applyLockDown(db.writer, withLoadDir(db, opts)))
}

/** `opts` with the database's load directory added to the allowed directories. */
export function withLoadDir(db: Database, opts: LockDownOptions = {}): LockDownOptions {
  return { ...opts, allowedDirectories: [...(opts.allowedDirectories ?? []), db.loadDir] }
}

/** The lockdown statements on `conn` (instance-wide), without taking the write lock. */
export async function applyLockDown(conn: DuckDBConnection, opts: LockDownOptions = {}): Promise<void> {
  const dirs = (opts.allowedDirectories ?? []).map((d) => (d.endsWith('/') ? d : `${d}/`))
  if (dirs.length > 0) await conn.run(`SET allowed_directories = [${dirs.map(literal).join(', ')}]`)
  await conn.run('SET enable_external_access = false')
  await conn.run('SET lock_configuration = true')
}
