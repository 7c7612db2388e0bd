// Upgrades: a data directory written by an earlier release (test/fixtures/upgrade, made at schema 003,
// before migration 004 existed) opens with this build, is migrated, and answers the same stats; a
// database migrated by a newer release is refused at start, by the CLI and by restore, and left as it was.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { inspectBackup, RestoreError } from '../../src/admin/restore'
import { createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { SchemaTooNewError } from '../../src/db/migrate'
import { MIGRATIONS } from '../../src/db/migrations'
import { queryRows } from '../../src/db/rows'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { UPGRADE_QUERIES, UPGRADE_T0 } from '../fixtures/upgrade/queries'

const FIXTURE = join(import.meta.dir, '../fixtures/upgrade')
const root = mkdtempSync(join(tmpdir(), 'pulse-upgrade-test-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const latest = Math.max(...MIGRATIONS.map((m) => Number(m.name.slice(0, 3))))

/** A fresh data directory holding the fixture's database. */
function fixtureDir(name: string): string {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'pulse.duckdb'), Bun.gunzipSync(readFileSync(join(FIXTURE, 'pulse.duckdb.gz'))))
  return dir
}

const open = (dir: string) =>
  createServices(
    loadConfig({
      PULSE_DATA_DIR: dir,
      PULSE_ADMIN_TOKEN: 'upgrade-token-0123456789',
      PULSE_LOG_LEVEL: 'silent',
    }),
    {
      clock: manualClock(UPGRADE_T0),
      logger: createLogger('silent'),
      autoFlush: false,
    },
  )

describe('upgrades', () => {
  test('an earlier release’s data directory is migrated and answers the same stats', async () => {
    const dir = fixtureDir('old')
    const { secret_key, expected } = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'))
    const deps = await open(dir)
    try {
      const versions = await queryRows<{ version: number }>(
        deps.db.reader,
        'SELECT version FROM schema_migrations ORDER BY 1',
      )
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => Number(m.name.slice(0, 3))))
      // The fixture predates migration 004: this build added the column and the table.
      expect(versions.length).toBeGreaterThanOrEqual(4)
      const [{ n }] = await queryRows<{ n: number }>(
        deps.db.reader,
        'SELECT count(*) AS n FROM events WHERE import_id IS NULL',
      )
      expect(n).toBe(60)
      const app = createApp(deps)
      for (const q of UPGRADE_QUERIES) {
        const res = await app.handle(
          new Request(`http://localhost${q}`, { headers: { authorization: `Bearer ${secret_key}` } }),
        )
        // Every value the earlier release answered is answered the same; fields added since (raw events
        // gain the enrichment columns, null for old rows) may come on top.
        expect({ q, body: await res.json() }).toMatchObject({ q, body: expected[q] })
      }
    } finally {
      await deps.close()
    }
    // And it opens again (migrations ran once).
    const again = await open(dir)
    await again.close()
  })

  test('a database from a newer release is refused with a clear message and left unchanged', async () => {
    const dir = fixtureDir('newer')
    const file = join(dir, 'pulse.duckdb')
    const instance = await DuckDBInstance.create(file)
    const conn = await instance.connect()
    await conn.run(`INSERT INTO schema_migrations (version, name) VALUES (${latest + 1}, 'future.sql')`)
    await conn.run('CHECKPOINT')
    conn.closeSync()
    instance.closeSync()
    const before = readFileSync(file)

    const err = await open(dir).then(
      () => undefined,
      (e: Error) => e,
    )
    expect(err).toBeInstanceOf(SchemaTooNewError)
    expect(err?.message).toContain(`schema version ${latest + 1}; this release knows up to ${latest}`)
    expect(readFileSync(file).equals(before)).toBe(true)

    // The server refuses at start (pulse serve → exit 1 with the message), and restore refuses the file.
    const r = Bun.spawnSync([process.execPath, 'src/cli.ts', 'serve', '--data-dir', dir, '--port', '0'], {
      cwd: join(import.meta.dir, '../..'),
      env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn' },
    })
    expect(r.exitCode).not.toBe(0)
    expect(r.stderr.toString()).toContain('written by a newer PULSE release')
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(await inspectBackup(file).catch((e) => e)).toBeInstanceOf(RestoreError)
  })
})
