// GET /api/v1/events/stream: acknowledged events arrive as SSE, filtered; slow readers are dropped; limits.
// On ClickHouse too: PULSE_TEST_ENGINE=clickhouse (the CI's ClickHouse lane) runs it there.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { EventHub } from '../../src/stream/hub'
import { laneEnv } from '../clickhouse/lane'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let a: TestApp
let keys: { secret_key: string; public_key: string }

beforeAll(async () => {
  a = await createTestApp(laneEnv())
  keys = await a.site('site_live')
  await a.site('site_else')
})
afterAll(() => a.close())

/** Read SSE frames from `res` until `n` frames of type `type` arrived (or the stream ended). */
async function frames(res: Response, n: number, type = 'event', timeoutMs = 2000) {
  const reader = res.body!.getReader()
  const dec = new TextDecoder()
  let buf = ''
  const out: { event: string; data: any }[] = []
  const deadline = Date.now() + timeoutMs
  // One read in flight at a time: a read that loses a race with the timer is kept, not dropped.
  let pending: ReturnType<typeof reader.read> | undefined
  while (out.filter((f) => f.event === type).length < n && Date.now() < deadline) {
    pending ??= reader.read()
    const r = await Promise.race([pending, Bun.sleep(50).then(() => undefined)])
    if (!r) continue
    pending = undefined
    if (r.done) break
    buf += dec.decode(r.value, { stream: true })
    for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
      const block = buf.slice(0, i)
      buf = buf.slice(i + 2)
      const ev = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (ev) out.push({ event: ev, data: data ? JSON.parse(data) : undefined })
    }
  }
  reader.cancel().catch(() => {})
  return out
}

test('acknowledged events of the site arrive as stored, with filters', async () => {
  const res = await a.request('GET', '/api/v1/events/stream?site_id=site_live&event_type=signup', {
    key: keys.secret_key,
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const got = frames(res, 2)
  await Bun.sleep(10)
  await a.json('POST', '/collect', {
    key: keys.public_key,
    body: event('site_live', { event_type: 'signup' }),
  })
  await a.json('POST', '/collect', {
    key: keys.public_key,
    body: event('site_live', { event_type: 'page_view' }),
  })
  await a.json('POST', '/collect?dry_run=true', {
    key: keys.public_key,
    body: event('site_live', { event_type: 'signup' }),
  })
  await a.json('POST', '/collect/batch', {
    key: keys.public_key,
    body: { events: [event('site_live', { event_type: 'signup', user_id: 'u2', properties: { a: 1 } })] },
  })
  const list = await got
  expect(list[0].event).toBe('ready')
  const evs = list.filter((f) => f.event === 'event').map((f) => f.data)
  expect(evs.length).toBe(2)
  expect(evs[0]).toMatchObject({ site_id: 'site_live', event_type: 'signup', received_at: a.clock() })
  expect(evs[1]).toMatchObject({ user_id: 'u2', properties: { a: 1 } })
  expect(a.deps.hub.size).toBe(0)
})

test('needs the secret key or the admin token of that site', async () => {
  expect(
    (await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: keys.public_key })).status,
  ).toBe(403)
  expect(
    (await a.request('GET', '/api/v1/events/stream?site_id=site_else', { key: keys.secret_key })).status,
  ).toBe(403)
  expect((await a.request('GET', '/api/v1/events/stream?site_id=site_live')).status).toBe(401)
  expect(
    (await a.request('GET', '/api/v1/events/stream?site_id=site_live&bogus=1', { key: keys.secret_key }))
      .status,
  ).toBe(422)
  const res = await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: ADMIN_TOKEN })
  expect(res.status).toBe(200)
  await res.body!.cancel()
  expect(a.deps.hub.size).toBe(0)
})

test('streams per key are limited', async () => {
  const open: Response[] = []
  for (let i = 0; i < 5; i++) {
    const r = await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: keys.secret_key })
    expect(r.status).toBe(200)
    open.push(r)
  }
  const sixth = await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: keys.secret_key })
  expect(sixth.status).toBe(429)
  for (const r of open) await r.body!.cancel()
  expect(a.deps.hub.size).toBe(0)
})

test('a slow reader is dropped and ingest never waits for it', async () => {
  const res = await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: keys.secret_key })
  const events = Array.from({ length: 300 }, (_, i) =>
    event('site_live', { event_type: 'bulk', user_id: `u${i}` }),
  )
  const r = await a.json('POST', '/collect/batch', { key: keys.public_key, body: { events } })
  expect(r.body.data.accepted).toBe(300)
  expect(a.deps.hub.size).toBe(0)
  const list = await frames(res, 1, 'dropped')
  expect(list.find((f) => f.event === 'dropped')?.data).toEqual({ reason: 'slow' })
})

test('hub: a subscriber that throws is dropped, others still get the event', () => {
  const hub = new EventHub({ maxPerKey: 2 })
  const got: unknown[] = []
  let dropped = 0
  const offA = hub.subscribe('k', {
    siteId: 's',
    filters: [],
    deliver: () => {
      throw new Error('x')
    },
    dropped: () => {
      dropped++
      offA()
    },
  })
  hub.subscribe('k', {
    siteId: 's',
    filters: [{ property: 'p', value: '1' }],
    deliver: (e) => got.push(e) > 0,
    dropped: () => {},
  })
  const row = {
    siteId: 's',
    eventType: 'e',
    ts: 1,
    sessionId: 'x',
    userId: null,
    url: null,
    referrer: null,
    deviceType: null,
    country: null,
    properties: '{"p":1}',
    eventId: null,
  }
  hub.publish([row as never, { ...row, properties: '{"p":2}' } as never], 5)
  expect(dropped).toBe(1)
  expect(got.length).toBe(1)
  expect(hub.size).toBe(1)
})

test('at shutdown every stream ends with a dropped event (reason shutdown)', async () => {
  const res = await a.request('GET', '/api/v1/events/stream?site_id=site_live', { key: keys.secret_key })
  a.deps.hub.closeAll()
  const list = await frames(res, 1, 'dropped')
  expect(list.find((f) => f.event === 'dropped')?.data).toEqual({ reason: 'shutdown' })
  expect(a.deps.hub.size).toBe(0)
})
