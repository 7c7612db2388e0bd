// `pulse annotate` from a checkout: with the server stopped (the CLI opens the database; the only site is
// the default), then against the running server over HTTP with the site's secret key (`--url`, `--key`),
// as a CI deploy step would; the annotations come back from the API.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-cli-annotate-'))
const dataDir = join(root, 'data')
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

function pulse(args: string[], env: Record<string, string> = {}) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn', ...env },
  })
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }
}

test('offline, then through a running server with the site key', async () => {
  const site = JSON.parse(pulse(['sites', 'create', 'shop', '--json']).out)
  const first = pulse(['annotate', 'v2.3', 'released', '--at', '2026-11-20T09:30:00Z', '--json'])
  expect(first.code).toBe(0)
  expect(JSON.parse(first.out)).toMatchObject({
    site_id: 'shop',
    text: 'v2.3 released',
    at: '2026-11-20T09:30:00.000Z',
    created_by: 'admin',
  })
  expect(pulse(['annotate']).code).toBe(2)
  expect(pulse(['annotate', 'x', '--at', 'soon']).code).toBe(2)
  expect(pulse(['annotate', 'x', '--site', 'nosuch']).code).toBe(4)

  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: '' })
  const remote = pulse(
    ['annotate', 'v2.4 released', '--site', 'shop', '--url', server.url, '--at', '1795000000000'],
    {
      PULSE_KEY: site.secret_key,
    },
  )
  expect(remote.code).toBe(0)
  expect(remote.out).toContain('annotated shop at 2026-11-18T')
  expect(pulse(['annotate', 'x', '--site', 'shop', '--url', server.url, '--key', site.public_key]).code).toBe(
    3,
  )
  const list = await fetch(`${server.url}/api/v1/sites/shop/annotations`, {
    headers: { authorization: `Bearer ${site.secret_key}` },
  }).then((r) => r.json())
  expect(list.data.map((a: { text: string }) => a.text)).toEqual(['v2.4 released', 'v2.3 released'])
  expect(await server.stop('SIGTERM')).toBe(0)
  server = undefined
})
