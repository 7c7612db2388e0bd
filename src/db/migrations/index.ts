// The migrations, in order, embedded as text: the compiled binary carries them, with no directory to
// read at run time. A new migration is a new NNN_name.sql file plus one line here (a test checks that
// this list and the directory agree), or, for work SQL cannot do alone, an NNN_name.ts module exporting
// a `CodeMigration`.
import type { DuckDBConnection } from '@duckdb/node-api'
import m001 from './001_init.sql' with { type: 'text' }
import m002 from './002_wal_state.sql' with { type: 'text' }
import m003 from './003_event_key.sql' with { type: 'text' }
import m004 from './004_import_id.sql' with { type: 'text' }
import m005 from './005_enrichment.sql' with { type: 'text' }
import m006 from './006_visitor_salts.sql' with { type: 'text' }
import m007 from './007_goals.sql' with { type: 'text' }
import m008 from './008_session_hours.sql' with { type: 'text' }
import m009 from './009_event_keys.sql' with { type: 'text' }
import m010 from './010_reports.sql' with { type: 'text' }
import { m011 } from './011_xxhash_keys'
import m012 from './012_hours_gap.sql' with { type: 'text' }
import m013 from './013_site_settings.sql' with { type: 'text' }
import m014 from './014_accounts.sql' with { type: 'text' }
import m015 from './015_daily_use.sql' with { type: 'text' }
import m016 from './016_site_zone.sql' with { type: 'text' }

/** One SQL migration: its file name (`NNN_name.sql`) and SQL, run in one transaction. */
export interface SqlMigration {
  name: string
  sql: string
}

/** Where a code migration starts, and how it records each step (inside the step's own transaction). */
export interface MigrationSteps {
  /** The first step not done yet (0 on a first run). */
  from: number
  /** Record `step` done (the next to run is `step`); `fields` go to the progress report. */
  done(step: number, fields?: Record<string, unknown>): Promise<void>
}

/** A migration in code (`NNN_name.ts`): `steps` steps, each committed with its record; resumable. */
export interface CodeMigration {
  name: string
  steps: number
  run(conn: DuckDBConnection, steps: MigrationSteps): Promise<void>
}

/** One migration. */
export type Migration = SqlMigration | CodeMigration

/** Every migration, oldest first. */
export const MIGRATIONS: Migration[] = [
  { name: '001_init.sql', sql: m001 },
  { name: '002_wal_state.sql', sql: m002 },
  { name: '003_event_key.sql', sql: m003 },
  { name: '004_import_id.sql', sql: m004 },
  { name: '005_enrichment.sql', sql: m005 },
  { name: '006_visitor_salts.sql', sql: m006 },
  { name: '007_goals.sql', sql: m007 },
  { name: '008_session_hours.sql', sql: m008 },
  { name: '009_event_keys.sql', sql: m009 },
  { name: '010_reports.sql', sql: m010 },
  m011,
  { name: '012_hours_gap.sql', sql: m012 },
  { name: '013_site_settings.sql', sql: m013 },
  { name: '014_accounts.sql', sql: m014 },
  { name: '015_daily_use.sql', sql: m015 },
  { name: '016_site_zone.sql', sql: m016 },
]
