// Plausible's POST /api/event and /js/script*.js through app.handle, on a real in-memory DuckDB: long and
// short keys, text/plain, X-Forwarded-For, revenue, 202 answers, unknown domains refused and counted.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { extensionsOf } from '../../src/compat/plausible'
import { mapPlausible } from '../../src/compat/plausible/map'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
let h: TestApp

beforeEach(async () => {
  h = await createTestApp()
  await h.site('site_p', ['example.com'])
})
afterEach(() => h.close())

const post = (body: unknown, headers: Record<string, string> = {}) =>
  h.request('POST', '/api/event', {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain', 'user-agent': UA, ...headers },
  })

async function stored() {
  await h.deps.buffer.flush()
  return queryRows<Record<string, any>>(
    h.deps.db.reader,
    'SELECT site_id, event_type, url, referrer, properties, session_id, visitor_id, browser FROM events ORDER BY received_at, event_type',
  )
}

describe('POST /api/event', () => {
  test('a page view with long keys answers 202 ok and is stored as page_view', async () => {
    const res = await post({
      name: 'pageview',
      url: 'https://example.com/pricing',
      domain: 'example.com',
      referrer: 'https://news.ycombinator.com/',
    })
    expect(res.status).toBe(202)
    expect(await res.text()).toBe('ok')
    const [row] = await stored()
    expect(row).toMatchObject({
      site_id: 'site_p',
      event_type: 'page_view',
      url: 'https://example.com/pricing',
      referrer: 'https://news.ycombinator.com/',
      browser: 'Chrome',
    })
    expect(row.session_id).toStartWith('s_')
  })

  test('short keys, props and revenue (as the script sends them)', async () => {
    const res = await post({
      n: 'Purchase',
      u: 'https://www.example.com/checkout',
      d: 'example.com',
      r: null,
      p: { plan: 'pro', seats: 3 },
      $: { amount: '29.99', currency: 'eur' },
      v: 36,
    })
    expect(res.status).toBe(202)
    const [row] = await stored()
    expect(row.event_type).toBe('Purchase')
    expect(JSON.parse(row.properties)).toEqual({ plan: 'pro', seats: 3, revenue: 29.99, currency: 'EUR' })
  })

  test('one visitor keeps one session; X-Forwarded-For names the visitor', async () => {
    await post(
      { n: 'pageview', u: 'https://example.com/', d: 'example.com' },
      { 'x-forwarded-for': '203.0.113.7' },
    )
    await post(
      { n: 'pageview', u: 'https://example.com/a', d: 'example.com' },
      { 'x-forwarded-for': '203.0.113.7' },
    )
    await post(
      { n: 'pageview', u: 'https://example.com/', d: 'example.com' },
      { 'x-forwarded-for': '198.51.100.2' },
    )
    const rows = await stored()
    expect(rows[0].session_id).toBe(rows[1].session_id)
    expect(rows[2].session_id).not.toBe(rows[0].session_id)
    expect(rows[2].visitor_id).not.toBe(rows[0].visitor_id)
  })

  test('an unknown domain is refused with 404 and counted', async () => {
    const res = await h.json('POST', '/api/event', {
      body: { n: 'pageview', u: 'https://other.org/', d: 'other.org' },
    })
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ success: false, status: 404 })
    expect(res.body.error).toContain('other.org')
    const health = await h.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(health.body.details.enrichment.dropped['compat:unknown_domain']).toBe(1)
    expect(await stored()).toHaveLength(0)
  })

  test('bad payloads: 400 with the envelope; wrong content type 415', async () => {
    const missing = await h.json('POST', '/api/event', { body: { n: 'pageview', d: 'example.com' } })
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ success: false, status: 400, details: [{ path: '$.url' }] })
    const notJson = await h.json('POST', '/api/event', {
      body: '{nope',
      headers: { 'content-type': 'text/plain' },
    })
    expect(notJson.status).toBe(400)
    const wrongType = await h.json('POST', '/api/event', {
      body: 'x',
      headers: { 'content-type': 'application/xml' },
    })
    expect(wrongType.status).toBe(415)
    const badRevenue = await h.json('POST', '/api/event', {
      body: { n: 'x', u: 'https://example.com/', d: 'example.com', $: { amount: 'lots', currency: 'EUR' } },
    })
    expect(badRevenue.status).toBe(400)
    const badName = await h.json('POST', '/api/event', {
      body: { n: 'x'.repeat(65), u: 'https://example.com/', d: 'example.com' },
    })
    expect(badName.status).toBe(400)
    expect(badName.body.details[0].path).toBe('$.event_type')
  })

  test('a browser gets CORS headers, also on errors', async () => {
    const res = await post(
      { n: 'pageview', u: 'https://example.com/', d: 'example.com' },
      { origin: 'https://example.com' },
    )
    expect(res.headers.get('access-control-allow-origin')).toBe('https://example.com')
    const bad = await post({ n: 'pageview', u: 'https://x.org/', d: 'x.org' }, { origin: 'https://x.org' })
    expect(bad.status).toBe(404)
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://x.org')
  })
})

describe('mapPlausible', () => {
  test('several domains record to each site; props given as JSON text', () => {
    const events = mapPlausible({ n: 'Signup', u: '/x', d: 'a.com,b.com', m: '{"plan":"pro"}' }, ['s1', 's2'])
    expect(events.map((e) => e.site_id)).toEqual(['s1', 's2'])
    expect(events[0].properties).toEqual({ plan: 'pro' })
  })
})

describe('/js/script*.js', () => {
  test('file-name variants select extensions; others are 404', async () => {
    expect(extensionsOf('script.js')).toEqual([])
    expect(extensionsOf('script.outbound-links.file-downloads.js')).toEqual([
      'file-downloads',
      'outbound-links',
    ])
    expect(extensionsOf('script.nope.js')).toBeUndefined()
    const res = await h.request('GET', '/js/script.hash.local.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('javascript')
    const js = await res.text()
    expect(js).toContain('PLAUSIBLE_EXTENSIONS=["hash","local"]')
    expect((await h.request('GET', '/js/evil.js')).status).toBe(404)
  })
})
