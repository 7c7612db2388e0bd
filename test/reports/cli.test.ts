// `pulse reports`, `pulse alerts` and `pulse webhooks` from a checkout, against a running server (found
// through its data directory): a webhook, an alert rule made, changed, test-sent and deleted, a digest
// made, changed and test-sent, and the deliveries log showing both test sends; then, with the server
// stopped, one command through the database opened in process (the same API, no server).
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-reports-cli-'))
const dataDir = join(root, 'data')
const ADMIN = 'reports-cli-admin-token-0123456789'
let server: RunningServer
let digestId = ''
beforeAll(async () => {
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN })
})
afterAll(async () => {
  await server?.stop()
  rmSync(root, { recursive: true, force: true })
})

function pulse(args: string[]) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args, '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn', PULSE_ADMIN_TOKEN: ADMIN },
  })
  const out = r.stdout.toString()
  if (r.exitCode !== 0) throw new Error(`pulse ${args.join(' ')}: ${r.exitCode} ${out}${r.stderr}`)
  return JSON.parse(out)
}

test('webhooks, alerts and reports: create, update, test, list, delete', () => {
  pulse(['sites', 'create', 'shop'])
  const hook = pulse(['webhooks', 'create', 'shop', '--url', 'http://127.0.0.1:9/hook', '--format', 'slack'])
  expect(hook.secret).toMatch(/^whsec_/)
  const rule = pulse([
    'alerts',
    'create',
    'shop',
    '--kind',
    'spike',
    '--threshold',
    '50',
    '--webhook',
    hook.webhook_id,
  ])
  expect(rule).toMatchObject({
    kind: 'spike',
    threshold: 50,
    webhook_id: hook.webhook_id,
    window_minutes: 60,
  })
  const changed = pulse([
    'alerts',
    'update',
    'shop',
    rule.rule_id,
    '--threshold',
    '20',
    '--quiet-minutes',
    '15',
  ])
  expect(changed).toMatchObject({ threshold: 20, quiet_minutes: 15 })
  expect(pulse(['alerts', 'test', 'shop', rule.rule_id]).delivery_id).toMatch(/^dl_/)
  const digest = pulse(['reports', 'create', 'shop', '--email', 'ana@example.com', '--frequency', 'weekly'])
  digestId = digest.digest_id
  const moved = pulse([
    'reports',
    'update',
    'shop',
    digest.digest_id,
    '--hour',
    '7',
    '--timezone',
    'Europe/Berlin',
  ])
  expect(moved).toMatchObject({ hour: 7, timezone: 'Europe/Berlin', frequency: 'weekly' })
  expect(pulse(['reports', 'test', 'shop', digest.digest_id]).delivery_id).toMatch(/^dl_/)
  const log = pulse(['reports', 'deliveries', 'shop'])
  expect(log.map((d: any) => [d.source, d.channel, d.status]).sort()).toEqual([
    ['test', 'email', 'pending'],
    ['test', 'webhook', 'pending'],
  ])
  expect(pulse(['alerts', 'delete', 'shop', rule.rule_id]).deleted).toBe(true)
  expect(pulse(['alerts', 'list', 'shop'])).toEqual([])
})

test('without a server: a test send through the database opened in process', async () => {
  await server.stop()
  expect(pulse(['reports', 'test', 'shop', digestId]).delivery_id).toMatch(/^dl_/)
}, 30_000)
