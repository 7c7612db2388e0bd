// Numbered SQL migrations (db/migrations/NNN_name.sql, embedded by migrations/index.ts), applied once
// each, in order.
import type { DuckDBConnection } from '@duckdb/node-api'
import { MIGRATIONS, type Migration } from './migrations'

/** The database was written by a newer release (a migration this release does not know is applied). */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database was written by a newer PULSE release (schema version ${found}; this release knows up to ${known}). It was not changed: run the newer release, or restore a backup made by this one.`,
    )
  }
}

/** Apply every migration not yet recorded in `schema_migrations`; returns the versions applied. */
export async function migrate(
  conn: DuckDBConnection,
  migrations: Migration[] = MIGRATIONS,
): Promise<number[]> {
  await conn.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)',
  )
  const done = new Set(
    (await conn.runAndReadAll('SELECT version FROM schema_migrations'))
      .getRowObjectsJS()
      .map((r) => Number(r.version)),
  )
  const latest = Math.max(0, ...migrations.map((m) => Number(m.name.slice(0, 3))))
  const newest = Math.max(0, ...done)
  // Never touch a database a newer release has migrated: its schema may mean things this code cannot know.
  if (newest > latest) throw new SchemaTooNewError(newest, latest)
  const bad = migrations.find((m) => !/^\d{3}_[a-z0-9_]+\.sql$/.test(m.name))
  if (bad) throw new Error(`Migration name ${bad.name} is not NNN_name.sql`)
  const sorted = [...migrations].sort((a, b) => a.name.localeCompare(b.name))
  const versions = sorted.map((m) => Number(m.name.slice(0, 3)))
  const dup = versions.find((v, i) => versions.indexOf(v) !== i)
  if (dup !== undefined) throw new Error(`Two migrations share the number ${String(dup).padStart(3, '0')}`)
  const applied: number[] = []
  for (const { name, sql } of sorted) {
    const version = Number(name.slice(0, 3))
    if (done.has(version)) continue
    await conn.run('BEGIN TRANSACTION')
    try {
      await conn.run(sql)
      await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, name])
      await conn.run('COMMIT')
    } catch (err) {
      await conn.run('ROLLBACK')
      throw new Error(`Migration ${name} failed: ${(err as Error).message}`)
    }
    applied.push(version)
  }
  return applied
}
