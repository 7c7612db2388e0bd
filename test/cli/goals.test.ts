// `pulse goals` from a checkout: add, list, update and delete a site's goals with the server stopped
// (the CLI opens the database) and running (through its admin API); exit codes and --json output.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-cli-goals-'))
const dataDir = join(root, 'data')
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

/** Run the CLI on the test's data directory; returns exit code, stdout and stderr. */
function pulse(args: string[]) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn' },
  })
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }
}
const json = (args: string[]) => {
  const r = pulse([...args, '--json'])
  if (r.code !== 0) throw new Error(`pulse ${args.join(' ')} exited ${r.code}: ${r.err}`)
  return JSON.parse(r.out)
}

test('with the server stopped: add, list, update, delete; bad input and unknown names exit non-zero', () => {
  json(['sites', 'create', 'shop'])
  const signup = json(['goals', 'add', 'shop', 'Signup', '--event', 'signup'])
  expect(signup).toMatchObject({ name: 'Signup', kind: 'event', event_type: 'signup', site_id: 'shop' })
  const pro = json([
    'goals',
    'add',
    'shop',
    'Pro checkout',
    '--page',
    '/checkout/*',
    '--property',
    'plan=pro',
  ])
  expect(pro).toMatchObject({
    kind: 'page',
    page_path: '/checkout/*',
    property_key: 'plan',
    property_value: 'pro',
  })
  const text = pulse(['goals', 'list', 'shop'])
  expect(text.code).toBe(0)
  expect(text.out).toContain('page /checkout/* with plan=pro')
  expect(json(['goals', 'list', 'shop']).map((g: { name: string }) => g.name)).toEqual([
    'Signup',
    'Pro checkout',
  ])

  expect(pulse(['goals', 'add', 'shop', 'Signup', '--event', 'x']).code).toBe(5) // name taken
  const bad = pulse(['goals', 'add', 'shop', 'Bad', '--page', 'no-slash'])
  expect(bad.code).toBe(2)
  expect(bad.err).toContain('page_path')
  expect(pulse(['goals', 'add', 'shop', 'Both', '--page', '/a', '--event', 'b']).code).toBe(2)
  expect(pulse(['goals', 'add', 'shop', 'Neither']).code).toBe(2)
  expect(pulse(['goals', 'list', 'nosuch']).code).toBe(4)
  expect(pulse(['goals', 'frobnicate', 'shop']).code).toBe(2)

  const changed = json(['goals', 'update', 'shop', pro.goal_id, '--name', 'Checkout', '--property', ''])
  expect(changed).toMatchObject({ name: 'Checkout', page_path: '/checkout/*', property_key: null })
  expect(json(['goals', 'delete', 'shop', signup.goal_id])).toMatchObject({ deleted: true })
  expect(pulse(['goals', 'delete', 'shop', signup.goal_id]).code).toBe(4)
  expect(json(['goals', 'list', 'shop']).map((g: { name: string }) => g.name)).toEqual(['Checkout'])
})

test('with the server running: the same commands go through its admin API', async () => {
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: '' })
  const g = json(['goals', 'add', 'shop', 'Signup', '--event', 'signup'])
  expect(json(['goals', 'list', 'shop']).map((x: { name: string }) => x.name)).toEqual(['Checkout', 'Signup'])
  expect(pulse(['goals', 'add', 'shop', 'Signup', '--event', 'signup']).code).toBe(5)
  expect(json(['goals', 'update', 'shop', g.goal_id, '--page', '/welcome'])).toMatchObject({
    kind: 'page',
    page_path: '/welcome',
    event_type: null,
  })
  expect(json(['goals', 'delete', 'shop', g.goal_id])).toMatchObject({ deleted: true })
  expect(await server.stop('SIGTERM')).toBe(0)
  server = undefined
})
