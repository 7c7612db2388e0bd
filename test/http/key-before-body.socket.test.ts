// Over a real socket to the real server: an ingest request with a wrong key, or over its rate limit, is
// answered while its body is still missing (Content-Length never reached), so a client that may not send
// cannot hold a body read open. In-process cases: test/ingest/key-before-body.http.test.ts.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { postHead, rawRequest } from '../security/raw-http'

const ADMIN = 'key-before-body-admin-token'
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-key-first-'))
let server: RunningServer
let port: number
let secret: string

beforeAll(async () => {
  server = await startServer({
    PULSE_DATA_DIR: dataDir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_RATE_LIMIT_PER_MINUTE: '1',
  })
  port = Number(new URL(server.url).port)
  const res = await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: 'site_k' }),
  })
  secret = ((await res.json()) as { data: { secret_key: string } }).data.secret_key
}, 30_000)

afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const body = () =>
  JSON.stringify({ site_id: 'site_k', event_type: 'page_view', timestamp: Date.now(), session_id: 's1' })

/** Headers promising 100 000 bytes, then the first 20 of them: the body never completes. */
const stalled = (path: string, key: string) =>
  rawRequest(port, postHead(path, { authorization: `Bearer ${key}`, 'content-length': 100_000 }), {
    pieces: [body().slice(0, 20)],
    waitMs: 3000,
  })

test('a wrong key with a body that never completes: 401 at once', async () => {
  for (const path of ['/collect', '/collect/batch']) {
    const started = performance.now()
    const res = await stalled(path, 'sk_not_a_real_key_000000000000')
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body)).toMatchObject({ success: false, status: 401 })
    expect(performance.now() - started).toBeLessThan(2500)
  }
})

test('over the rate limit with a body that never completes: 429 at once, with Retry-After', async () => {
  const b = body()
  const ok = await rawRequest(
    port,
    postHead('/collect', {
      authorization: `Bearer ${secret}`,
      'content-length': b.length,
      connection: 'close',
    }) + b,
  )
  expect(ok.status).toBe(200)
  const started = performance.now()
  const res = await stalled('/collect', secret)
  expect(res.status).toBe(429)
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
  expect(performance.now() - started).toBeLessThan(2500)
})
