// The `pulse` CLI from a checkout (`bun src/cli.ts`): help covers every environment variable; site,
// key, token and backup commands work with the server stopped (they open the database) and running
// (they use its admin API); exit codes and --json output are what a script can rely on.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENV_VARS } from '../../src/cli/help'
import { type RunningServer, startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-cli-'))
const dataDir = join(root, 'data')
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

/** Run the CLI; returns exit code, stdout and stderr. */
function pulse(args: string[], env: Record<string, string> = {}) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn', ...env },
  })
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }
}
const json = (args: string[]) => {
  const r = pulse([...args, '--json', '--data-dir', dataDir])
  if (r.code !== 0) throw new Error(`pulse ${args.join(' ')} exited ${r.code}: ${r.err}`)
  return JSON.parse(r.out)
}

test('help lists every command and every environment variable read in config.ts', () => {
  const r = pulse(['help'])
  expect(r.code).toBe(0)
  const source = readFileSync(join(ROOT, 'src/config.ts'), 'utf8')
  const read = new Set([...source.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]))
  expect(read.size).toBeGreaterThan(10)
  for (const name of read) expect(r.out).toContain(name)
  expect(ENV_VARS.map(([n]) => n).sort()).toEqual([...read].sort())
  for (const c of [
    'serve',
    'sites create',
    'keys revoke',
    'goals add',
    'token rotate',
    'backup FILE',
    'restore FILE',
    'check',
    'migrate clickhouse',
  ])
    expect(r.out).toContain(c)
})

describe('with the server stopped', () => {
  test('usage errors exit 2, a missing database 4', () => {
    expect(pulse(['frobnicate']).code).toBe(2)
    expect(pulse(['sites', 'list', '--bogus']).code).toBe(2)
    expect(pulse(['sites', 'list'], { PORT: 'abc', PULSE_DATA_DIR: dataDir }).code).toBe(2)
    const r = pulse(['sites', 'list', '--data-dir', dataDir])
    expect(r.code).toBe(4)
    expect(r.err).toContain('No database')
  })

  test('sites and keys: create, list, revoke, delete', () => {
    const site = json(['sites', 'create', 'shop', '--name', 'My shop', '--domain', 'shop.example'])
    expect(site).toMatchObject({ site_id: 'shop', name: 'My shop', domains: ['shop.example'] })
    expect(site.secret_key).toStartWith('sk_')
    expect(pulse(['sites', 'create', 'shop', '--data-dir', dataDir]).code).toBe(5)
    expect(json(['sites', 'list']).map((s: { site_id: string }) => s.site_id)).toEqual(['shop'])
    const key = json(['keys', 'create', 'shop', '--kind', 'public'])
    expect(key.key).toStartWith('pk_')
    expect(json(['keys', 'list', 'shop'])).toHaveLength(3)
    expect(json(['keys', 'revoke', 'shop', key.key_id])).toMatchObject({ revoked: true })
    expect(pulse(['keys', 'revoke', 'shop', key.key_id, '--data-dir', dataDir]).code).toBe(4)
    expect(pulse(['keys', 'list', 'nosuch', '--data-dir', dataDir]).code).toBe(4)
    json(['sites', 'create', 'gone'])
    expect(pulse(['sites', 'delete', 'gone', '--data-dir', dataDir]).code).toBe(2)
    expect(json(['sites', 'delete', 'gone', '--yes'])).toMatchObject({ deleted: true })
  })

  test('check passes on a valid data directory and fails on a taken port', async () => {
    const ok = json(['check', '--port', '0'])
    expect(ok.ok).toBe(true)
    expect(ok.checks.find((c: { check: string }) => c.check === 'database').detail).toContain('1 sites')
    const taken = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('') })
    const r = pulse(['check', '--host', '127.0.0.1', '--port', String(taken.port), '--data-dir', dataDir])
    taken.stop(true)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/FAIL\s+port/)
  })
})

describe('with the server running', () => {
  test('commands go through its admin API; token rotate, backup, and restore after it stops', async () => {
    server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: '' })
    const created = json(['sites', 'create', 'live'])
    expect(created.site_id).toBe('live')
    // The running server knows the new key at once.
    const stats = await fetch(`${server.url}/api/v1/stats?site_id=live&metric=event_count`, {
      headers: { authorization: `Bearer ${created.secret_key}` },
    })
    expect(stats.status).toBe(200)

    const old = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
    const { admin_token } = json(['token', 'rotate'])
    expect(admin_token).not.toBe(old)
    const withOld = await fetch(`${server.url}/api/v1/sites`, { headers: { authorization: `Bearer ${old}` } })
    expect(withOld.status).toBe(401)
    expect(json(['sites', 'list'])).toHaveLength(2)

    const file = join(root, 'backup.duckdb')
    expect(json(['backup', file])).toMatchObject({ file })
    expect(pulse(['backup', file, '--data-dir', dataDir]).code).toBe(5)
    const restoreDir = join(root, 'restored')
    expect(pulse(['restore', file, '--data-dir', dataDir]).code).toBe(5)
    expect(await server.stop('SIGTERM')).toBe(0)
    server = undefined

    expect(pulse(['restore', file, '--data-dir', restoreDir, '--json']).code).toBe(0)
    const r = pulse(['sites', 'list', '--json', '--data-dir', restoreDir])
    expect(JSON.parse(r.out).map((s: { site_id: string }) => s.site_id)).toEqual(['shop', 'live'])
  })
})
