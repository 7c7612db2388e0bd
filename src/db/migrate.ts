// Numbered migrations (db/migrations/NNN_name.sql, embedded by migrations/index.ts, or NNN_name.ts for
// work SQL cannot do alone), applied once each, in order. A SQL migration is one transaction. A code
// migration runs in steps, each committing its own work together with its step number in
// `migration_progress`: a run cut short (crash, kill) resumes at the first step not done, and each step
// is reported to `onProgress`.
import type { DuckDBConnection } from '@duckdb/node-api'
import { type CodeMigration, MIGRATIONS, type Migration } from './migrations'

/** Options of `migrate`. */
export interface MigrateOptions {
  /** Progress of a long (code) migration: a message and its fields. */
  onProgress?: (msg: string, fields: Record<string, unknown>) => void
}

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
  opts: MigrateOptions = {},
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
  const bad = migrations.find((m) => !/^\d{3}_[a-z0-9_]+\.(sql|ts)$/.test(m.name))
  if (bad) throw new Error(`Migration name ${bad.name} is not NNN_name.sql or NNN_name.ts`)
  const sorted = [...migrations].sort((a, b) => a.name.localeCompare(b.name))
  const versions = sorted.map((m) => Number(m.name.slice(0, 3)))
  const dup = versions.find((v, i) => versions.indexOf(v) !== i)
  if (dup !== undefined) throw new Error(`Two migrations share the number ${String(dup).padStart(3, '0')}`)
  const applied: number[] = []
  for (const m of sorted) {
    const { name } = m
    const version = Number(name.slice(0, 3))
    if (done.has(version)) continue
    if ('run' in m) {
      await runCodeMigration(conn, m, version, opts)
      applied.push(version)
      continue
    }
    const sql = m.sql
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

/** Run a code migration's steps from the first one not done, then record it as applied. */
async function runCodeMigration(
  conn: DuckDBConnection,
  m: CodeMigration,
  version: number,
  opts: MigrateOptions,
): Promise<void> {
  await conn.run(
    'CREATE TABLE IF NOT EXISTS migration_progress (version INTEGER PRIMARY KEY, step INTEGER NOT NULL)',
  )
  const r = await conn.runAndReadAll('SELECT step FROM migration_progress WHERE version = $1', [version])
  const from = Number(r.getRows()[0]?.[0] ?? 0)
  const t0 = performance.now()
  const report = (msg: string, fields: Record<string, unknown>) =>
    opts.onProgress?.(msg, {
      migration: m.name,
      ...fields,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    })
  report(from > 0 ? 'migration resumed' : 'migration started', { step: from, steps: m.steps })
  try {
    await m.run(conn, {
      from,
      // Inside the step's transaction, so the step and its record commit together.
      done: async (step, fields = {}) => {
        await conn.run('INSERT OR REPLACE INTO migration_progress (version, step) VALUES ($1, $2)', [
          version,
          step,
        ])
        report('migration step done', { step, steps: m.steps, ...fields })
      },
    })
    await conn.run('BEGIN TRANSACTION')
    await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, m.name])
    await conn.run('DELETE FROM migration_progress WHERE version = $1', [version])
    await conn.run('COMMIT')
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined)
    throw new Error(`Migration ${m.name} failed (it resumes where it stopped): ${(err as Error).message}`)
  }
  report('migration done', {})
}
