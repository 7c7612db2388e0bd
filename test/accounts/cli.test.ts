// `pulse users` and `pulse read-keys` from a checkout, with no server running (they open the database
// and go through the same admin API in process): the first owner with the password on stdin, an
// invitation link, and a read-only key made and revoked. (Each run opens the database: kept to a few.)
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-accounts-cli-'))
const dataDir = join(root, 'data')
afterAll(() => rmSync(root, { recursive: true, force: true }))

function pulse(args: string[], stdin?: string) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args, '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn' },
    stdin: stdin === undefined ? 'ignore' : Buffer.from(stdin),
  })
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }
}

test('users create --owner, users invite, read-keys create/list/revoke', () => {
  const site = pulse(['sites', 'create', 'shop'])
  expect(site.code).toBe(0)
  const owner = pulse(['users', 'create', 'owner@x.io', '--owner'], 'a long enough password\n')
  expect(owner.code).toBe(0)
  expect(JSON.parse(owner.out).email).toBe('owner@x.io')
  expect(owner.out).not.toContain('a long enough password')
  const invite = pulse(['users', 'invite', 'ana@x.io', '--site', 'shop', '--role', 'viewer'])
  expect(invite.code).toBe(0)
  expect(JSON.parse(invite.out).url).toMatch(/\/invite\/inv_/)
  const made = pulse([
    'read-keys',
    'create',
    'shop',
    '--name',
    'grafana',
    '--filter',
    'country=DE',
    '--min-visitors',
    '5',
  ])
  expect(made.code).toBe(0)
  const key = JSON.parse(made.out)
  expect(key.key).toMatch(/^rk_/)
  expect(key.locked_filters).toEqual({ country: 'DE' })
  expect(pulse(['read-keys', 'revoke', 'shop', key.key_id]).code).toBe(0)
  expect(JSON.parse(pulse(['read-keys', 'list', 'shop']).out)).toEqual([])
}, 60_000)
