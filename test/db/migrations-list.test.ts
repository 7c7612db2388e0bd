// The embedded migration list (what the binary runs) names exactly the .sql files in the directory.
import { expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../../src/db/migrations'

const DIR = join(import.meta.dir, '../../src/db/migrations')

test('every migration file is embedded, with its own text', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
  expect(MIGRATIONS.map((m) => m.name)).toEqual(files)
  for (const m of MIGRATIONS) expect(m.sql).toBe(readFileSync(join(DIR, m.name), 'utf8'))
})
