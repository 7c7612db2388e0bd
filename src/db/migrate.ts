// Numbered SQL migrations from db/migrations/NNN_name.sql, applied once each, in order.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'

const MIGRATIONS_DIR = join(import.meta.dir, 'migrations')

/** Apply every migration not yet recorded in `schema_migrations`; returns the versions applied. */
export async function migrate(conn: DuckDBConnection, dir = MIGRATIONS_DIR): Promise<number[]> {
  await conn.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  )
  const done = new Set(
    (await conn.runAndReadAll('SELECT version FROM schema_migrations'))
      .getRowObjectsJS()
      .map((r) => Number(r.version)),
  )
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
  const versions = files.map((f) => Number(f.slice(0, 3)))
  const dup = versions.find((v, i) => versions.indexOf(v) !== i)
  if (dup !== undefined) throw new Error(`Two migrations share the number ${String(dup).padStart(3, '0')}`)
  const applied: number[] = []
  for (const file of files) {
    const version = Number(file.slice(0, 3))
    if (done.has(version)) continue
    const sql = readFileSync(join(dir, file), 'utf8')
    await conn.run('BEGIN TRANSACTION')
    try {
      await conn.run(sql)
      await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file])
      await conn.run('COMMIT')
    } catch (err) {
      await conn.run('ROLLBACK')
      throw new Error(`Migration ${file} failed: ${(err as Error).message}`)
    }
    applied.push(version)
  }
  return applied
}
