// POST /collect and /collect/batch through app.handle, against a real in-memory DuckDB.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { queryRows } from '../../src/db/rows'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }

beforeEach(async () => {
  h = await createTestApp()
  keys = await h.site('site_abc123')
})
afterEach(() => h.close())

async function storedEvents() {
  await h.deps.buffer.flush()
  return queryRows<Record<string, unknown>>(h.deps.db.reader, 'SELECT * FROM events ORDER BY ts, event_type')
}

describe('POST /collect', () => {
  test('stores the seed curl event and answers {accepted:1}', async () => {
    const res = await h.json('POST', '/collect', { key: keys.secret_key, body: event('site_abc123') })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true, data: { accepted: 1 } })
    const [row] = await storedEvents()
    expect(row).toMatchObject({
      site_id: 'site_abc123',
      event_type: 'page_view',
      ts: T0 - 1000,
      session_id: 'session_123',
      url: 'https://example.com',
      device_type: 'desktop',
      user_id: null,
    })
  })

  test('stores every field of the full seed event, properties as JSON', async () => {
    const full = event('site_abc123', {
      user_id: 'user_123',
      url: 'https://example.com/products',
      referrer: 'https://google.com',
      country: 'US',
      properties: { plan: 'premium', amount: 49.9 },
    })
    expect((await h.json('POST', '/collect', { key: keys.public_key, body: full })).status).toBe(200)
    const [row] = await storedEvents()
    expect(row).toMatchObject({ user_id: 'user_123', referrer: 'https://google.com', country: 'US' })
    expect(JSON.parse(row.properties as string)).toEqual({ plan: 'premium', amount: 49.9 })
  })

  test('401 without a key and with an unknown key, in the error envelope', async () => {
    const none = await h.json('POST', '/collect', { body: event('site_abc123') })
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ success: false, error: expect.any(String), status: 401 })
    const wrong = await h.json('POST', '/collect', { key: 'sk_wrong', body: event('site_abc123') })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toBe('Invalid API key')
    expect(await storedEvents()).toHaveLength(0)
  })

  test("403 for another site's key", async () => {
    const other = await h.site('other_site')
    const res = await h.json('POST', '/collect', { key: other.public_key, body: event('site_abc123') })
    expect(res.status).toBe(403)
    expect(res.body.success).toBe(false)
  })

  test('422 names the bad fields with JSON paths; nothing stored', async () => {
    const res = await h.json('POST', '/collect', {
      key: keys.secret_key,
      body: { ...event('site_abc123'), siteId: 'x', timestamp: 1703001234 },
    })
    expect(res.status).toBe(422)
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain('$.siteId')
    expect(res.body.error).toContain('siteId')
    expect(await storedEvents()).toHaveLength(0)
  })

  test('400 for unparseable JSON, 415 for a non-JSON content type, 413 for a body over the limit', async () => {
    expect((await h.json('POST', '/collect', { key: keys.secret_key, body: '{"site_id":' })).status).toBe(400)
    const xml = await h.json('POST', '/collect', {
      key: keys.secret_key,
      body: '<event/>',
      headers: { 'content-type': 'application/xml' },
    })
    expect(xml.status).toBe(415)
    const big = await h.json('POST', '/collect', {
      key: keys.secret_key,
      body: JSON.stringify({ ...event('site_abc123'), url: `/${'a'.repeat(2_000_000)}` }),
    })
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({ success: false, status: 413 })
  })

  test('accepts JSON sent as text/plain with a public key in the query (no CORS preflight)', async () => {
    const res = await h.json('POST', `/collect?api_key=${keys.public_key}`, {
      body: JSON.stringify(event('site_abc123')),
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://example.com' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://example.com')
  })

  test('a secret key in the query string is refused', async () => {
    const res = await h.json('POST', `/collect?api_key=${keys.secret_key}`, { body: event('site_abc123') })
    expect(res.status).toBe(403)
  })

  test('answers a CORS preflight for ingest', async () => {
    const res = await h.request('OPTIONS', '/collect', {
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization')
  })
})

describe('POST /collect/batch', () => {
  test('stores the valid events and lists the rejected ones by index', async () => {
    const events = [
      event('site_abc123'),
      event('site_abc123', { event_type: 'click', timestamp: 'yesterday' }),
      event('site_abc123', { event_type: 'form_submit' }),
    ]
    const res = await h.json('POST', '/collect/batch', { key: keys.secret_key, body: { events } })
    expect(res.status).toBe(200)
    expect(res.body.data.accepted).toBe(2)
    expect(res.body.data.rejected).toHaveLength(1)
    expect(res.body.data.rejected[0]).toMatchObject({
      index: 1,
      error: expect.stringContaining('$.events[1].timestamp'),
    })
    expect((await storedEvents()).map((e) => e.event_type)).toEqual(['form_submit', 'page_view'])
  })

  test('rejects an empty batch, a batch over the limit and unknown top-level fields', async () => {
    expect(
      (await h.json('POST', '/collect/batch', { key: keys.secret_key, body: { events: [] } })).status,
    ).toBe(422)
    const many = Array.from({ length: 1001 }, () => event('site_abc123'))
    expect(
      (await h.json('POST', '/collect/batch', { key: keys.secret_key, body: { events: many } })).status,
    ).toBe(413)
    const typo = await h.json('POST', '/collect/batch', {
      key: keys.secret_key,
      body: { event: [event('site_abc123')] },
    })
    expect(typo.status).toBe(422)
    expect(typo.body.error).toContain('event')
  })

  test("a batch with another site's event is refused whole", async () => {
    await h.site('other_site')
    const res = await h.json('POST', '/collect/batch', {
      key: keys.secret_key,
      body: { events: [event('site_abc123'), event('other_site')] },
    })
    expect(res.status).toBe(403)
    expect(await storedEvents()).toHaveLength(0)
  })
})

describe('limits', () => {
  test('429 with the seed body and Retry-After once the per-key rate is used up', async () => {
    await h.close()
    h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '2' })
    keys = await h.site('site_abc123')
    for (let i = 0; i < 2; i++)
      expect(
        (await h.json('POST', '/collect', { key: keys.secret_key, body: event('site_abc123') })).status,
      ).toBe(200)
    const res = await h.json('POST', '/collect', { key: keys.secret_key, body: event('site_abc123') })
    expect(res.status).toBe(429)
    expect(res.body).toEqual({ success: false, error: 'Rate limit exceeded', status: 429 })
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    h.clock.advance(60_000)
    expect(
      (await h.json('POST', '/collect', { key: keys.secret_key, body: event('site_abc123') })).status,
    ).toBe(200)
  })

  test('503 with Retry-After when the buffer is full; accepted events are kept', async () => {
    await h.close()
    h = await createTestApp({ PULSE_FLUSH_MAX_ROWS: '1000', PULSE_MAX_BUFFER_ROWS: '1000' })
    keys = await h.site('site_abc123')
    const events = Array.from({ length: 1000 }, (_, i) => event('site_abc123', { session_id: `s${i}` }))
    // The size-triggered flush is awaited before the next request so the buffer can be filled deterministically.
    const first = await h.json('POST', '/collect/batch', {
      key: keys.secret_key,
      body: { events: events.slice(0, 999) },
    })
    expect(first.status).toBe(200)
    const full = await h.json('POST', '/collect/batch', {
      key: keys.secret_key,
      body: { events: events.slice(0, 2) },
    })
    expect(full.status).toBe(503)
    expect(full.headers.get('retry-after')).toBe('1')
    expect(await storedEvents()).toHaveLength(999)
  })
})
