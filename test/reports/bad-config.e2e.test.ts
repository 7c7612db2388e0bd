// Bad delivery configuration never stops the server, in a real server process: a webhook answering 500
// is reported (deliveries log, /health) and left pending for its retry, while an SMTP server that
// accepts the connection and then says nothing holds a delivery pass; meanwhile events are ingested and
// stats read at normal speed, and /health stays `ok` (a mail problem must not take the server out of a
// load balancer). The retries themselves are checked with the test clock in *.http.test.ts.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { startReceiver, views } from './helpers'

const ADMIN = 'bad-config-admin-token-0123456789'
const dir = mkdtempSync(join(tmpdir(), 'pulse-bad-config-'))
const failing = startReceiver(() => 500)
const sockets: Socket[] = []
let silent: Server
let server: RunningServer

beforeAll(async () => {
  // Accepts SMTP connections and never greets: the mailer waits for its timeout.
  silent = createServer((s) => sockets.push(s))
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  server = await startServer({
    PULSE_DATA_DIR: join(dir, 'data'),
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_REPORTS_TICK_MS: '200',
    PULSE_SMTP_HOST: '127.0.0.1',
    PULSE_SMTP_PORT: String((silent.address() as { port: number }).port),
    PULSE_SMTP_SECURITY: 'none',
    PULSE_SMTP_FROM: 'PULSE <pulse@example.com>',
  })
})
afterAll(async () => {
  // The silent server hangs up first, so the mail attempt ends and the server stops without waiting.
  for (const s of sockets) s.destroy()
  await server?.stop()
  silent?.close()
  failing.close()
  rmSync(dir, { recursive: true, force: true })
})

const api = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
  const res = await fetch(server.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${init.key ?? ADMIN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

test('a webhook answering 500 and a silent SMTP server: reported, retried, and ingest and reads go on', async () => {
  const site = (await api('/api/v1/sites', { body: { site_id: 'shop' } })).body.data
  const hook = (await api('/api/v1/sites/shop/webhooks', { body: { url: failing.url } })).body.data
  expect((await api(`/api/v1/sites/shop/webhooks/${hook.webhook_id}/test`, { method: 'POST' })).status).toBe(
    202,
  )
  const digest = (
    await api('/api/v1/sites/shop/digests', { body: { email: 'a@example.com', frequency: 'daily' } })
  ).body.data
  expect((await api(`/api/v1/sites/shop/digests/${digest.digest_id}/send`, { method: 'POST' })).status).toBe(
    202,
  )
  // The webhook's first attempt fails and is recorded; then the mail's attempt hangs on the silent server.
  const deadline = Date.now() + 15_000
  while (failing.calls.length === 0 || sockets.length === 0) {
    if (Date.now() > deadline) throw new Error('the deliveries were not attempted')
    await Bun.sleep(50)
  }
  const log = (await api('/api/v1/sites/shop/deliveries')).body.data
  const webhookRow = log.find((d: any) => d.channel === 'webhook')
  expect(webhookRow).toMatchObject({ status: 'pending', attempts: 1 })
  expect(webhookRow.last_error).toBe(`webhook ${hook.webhook_id} answered HTTP 500`)
  const health = await api('/health')
  expect(health.status).toBe(200)
  expect(health.body.status).toBe('ok')
  // While the mail hangs, ingest and reads answer at once.
  const now = Date.now()
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now()
    const sent = await api('/collect/batch', {
      key: site.secret_key,
      body: { events: views('shop', 5, now, undefined, `b${i}`) },
    })
    const read = await api('/api/v1/stats?site_id=shop&period=24h&metric=page_views')
    expect([sent.status, read.status]).toEqual([200, 200])
    expect(performance.now() - t0).toBeLessThan(2000)
  }
  expect((await api('/api/v1/stats?site_id=shop&period=24h&metric=page_views')).body.data.value).toBe(50)
  // The mail is still in its attempt: the server neither gave up on it nor stopped for it.
  expect(sockets.length).toBeGreaterThanOrEqual(1)
}, 40_000)
