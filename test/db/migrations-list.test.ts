// The embedded migration list (what the binary runs) names exactly the migration files in the directory:
// the .sql files with their text, and the code migrations (NNN_name.ts).
import { expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../../src/db/migrations'

const DIR = join(import.meta.dir, '../../src/db/migrations')

test('every migration file is embedded, with its own text', () => {
  const files = readdirSync(DIR)
    .filter((f) => /^\d{3}_.*\.(sql|ts)$/.test(f))
    .sort()
  expect(MIGRATIONS.map((m) => m.name)).toEqual(files)
  for (const m of MIGRATIONS) if ('sql' in m) expect(m.sql).toBe(readFileSync(join(DIR, m.name), 'utf8'))
})
