// Privacy and key storage on a real server process and its real data directory: an erasure survives
// `kill -9` and the write-ahead log replay that follows; no file PULSE writes holds a client IP address
// or an API key (only key hashes are stored).
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'e2e-privacy-admin-token-0123'
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-privacy-'))
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const env = {
  PULSE_DATA_DIR: dataDir,
  PULSE_ADMIN_TOKEN: ADMIN,
  PULSE_DURABILITY: 'fsync',
  // Nothing is flushed by the timer: what is not flushed by the erasure lives only in the log.
  PULSE_FLUSH_INTERVAL_MS: '3600000',
}

async function call(method: string, path: string, key: string, body?: unknown): Promise<any> {
  const res = await fetch(`${server?.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

function events(user: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    site_id: 'site_p',
    event_type: 'page_view',
    timestamp: Date.now(),
    session_id: `${user}-s${i}`,
    user_id: user,
    url: 'https://example.com/',
  }))
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

test('an erasure survives kill -9 and log replay; no IP address or key is ever written to disk', async () => {
  server = await startServer(env)
  const site = await call('POST', '/api/v1/sites', ADMIN, { site_id: 'site_p', domains: [] })
  expect(site.status).toBe(201)
  const { public_key: pub, secret_key: sec } = site.body.data

  expect((await call('POST', '/collect/batch', pub, { events: events('alice', 5) })).body.data.accepted).toBe(
    5,
  )
  const erased = await call('DELETE', '/api/v1/users/alice?site_id=site_p', sec)
  expect(erased.body).toEqual({ success: true, data: { deleted: 5 } })
  // Acknowledged after the erasure: only in the write-ahead log when the process dies.
  expect((await call('POST', '/collect/batch', pub, { events: events('bob', 3) })).body.data.accepted).toBe(3)
  await server.stop('SIGKILL')

  server = await startServer(env)
  expect((await call('DELETE', '/api/v1/users/alice?site_id=site_p', sec)).body.data.deleted).toBe(0)
  expect((await call('DELETE', '/api/v1/users/bob?site_id=site_p', sec)).body.data.deleted).toBe(3)
  expect((await call('POST', '/collect', pub, events('carol', 1)[0])).status).toBe(200)
  expect(await server.stop('SIGTERM')).toBe(0)

  const files = filesUnder(dataDir)
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const secret of ['127.0.0.1', pub, sec, ADMIN])
      expect({ file, found: bytes.includes(Buffer.from(secret)) }).toEqual({ file, found: false })
  }
}, 60_000)
