// Umami's POST /api/send through app.handle: the website id → site by alias, page views and events,
// identify stores nothing, unknown ids refused and counted, bad payloads 400.
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { mapUmami, urlOf } from '../../src/compat/umami/map'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const WEBSITE = '4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b'
let h: TestApp

beforeEach(async () => {
  h = await createTestApp()
  await h.site('site_u')
  const res = await h.json('PATCH', '/api/v1/sites/site_u', {
    key: ADMIN_TOKEN,
    body: { aliases: [WEBSITE.toUpperCase()] },
  })
  expect(res.status).toBe(200)
  expect(res.body.data.aliases).toEqual([WEBSITE])
})
afterEach(() => h.close())

const send = (body: unknown) =>
  h.json('POST', '/api/send', {
    body,
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36' },
  })

test('page views and events land on the aliased site', async () => {
  const base = {
    website: WEBSITE,
    hostname: 'example.com',
    url: '/pricing',
    screen: '1920x1080',
    language: 'en-US',
  }
  expect((await send({ type: 'event', payload: base })).status).toBe(200)
  expect(
    (
      await send({
        type: 'event',
        payload: { ...base, name: 'Signup', data: { plan: 'pro', n: 2, deep: { a: 1 } } },
      })
    ).body,
  ).toEqual({})
  expect(
    (await send({ type: 'identify', payload: { website: WEBSITE, data: { role: 'admin' } } })).status,
  ).toBe(200)
  await h.deps.buffer.flush()
  const rows = await queryRows<Record<string, any>>(
    h.deps.db.reader,
    'SELECT event_type, url, properties, session_id FROM events ORDER BY event_type DESC',
  )
  expect(rows.map((r) => [r.event_type, r.url, JSON.parse(r.properties)])).toEqual([
    ['page_view', 'https://example.com/pricing', { screen: '1920x1080', language: 'en-US' }],
    ['Signup', 'https://example.com/pricing', { plan: 'pro', n: 2, deep: '{"a":1}' }],
  ])
  expect(rows[0].session_id).toBe(rows[1].session_id)
})

test('unknown website id: 404, counted; bad payload: 400; aliases are unique', async () => {
  const unknown = await send({ type: 'event', payload: { website: 'nope', url: '/' } })
  expect(unknown).toMatchObject({ status: 404, body: { success: false, status: 404 } })
  const health = await h.json('GET', '/health', { key: ADMIN_TOKEN })
  expect(health.body.details.enrichment.dropped['compat:unknown_website']).toBe(1)
  const bad = await send({ type: 'pageview', payload: { website: WEBSITE } })
  expect(bad).toMatchObject({ status: 400, body: { success: false, status: 400 } })
  await h.site('site_v')
  const taken = await h.json('PATCH', '/api/v1/sites/site_v', {
    key: ADMIN_TOKEN,
    body: { aliases: [WEBSITE] },
  })
  expect(taken.status).toBe(409)
})

test('urlOf and mapUmami', () => {
  expect(urlOf({ website: 'w', url: 'https://a.com/x' })).toBe('https://a.com/x')
  expect(urlOf({ website: 'w', url: '/x?y=1', hostname: 'a.com' })).toBe('https://a.com/x?y=1')
  expect(urlOf({ website: 'w', url: '/x' })).toBe('/x')
  expect(mapUmami({ website: 'w', name: 'Go', tag: 'b', id: 'u1' }, 's')).toMatchObject({
    event_type: 'Go',
    user_id: 'u1',
    properties: { tag: 'b' },
  })
})
