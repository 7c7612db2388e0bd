// Saved segments: a segment's filters (equalities and conditions) give a read exactly what the same
// filters as parameters give, for the summary, breakdown and export; private segments stay with the key
// that saved them; bad filters are refused when saving, with the read's own 422.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let sk: string
let other: string
const MIN = 60_000

beforeAll(async () => {
  h = await createTestApp()
  sk = (await h.site('site_seg')).secret_key
  other = (
    await h.json('POST', '/api/v1/sites/site_seg/keys', { key: ADMIN_TOKEN, body: { kind: 'secret' } })
  ).body.data.key
  const rows = [
    ['/blog/a', 'https://google.com/', 'DE'],
    ['/blog/b', '', 'AT'],
    ['/blog/a', 'https://news.ycombinator.com/', 'US'],
    ['/pricing', 'https://google.com/', 'DE'],
    ['/blog/c', 'https://google.com/', 'AT'],
  ]
  const events = rows.map(([url, referrer, country], i) =>
    event('site_seg', { url, referrer, country, session_id: `s${i}`, timestamp: T0 - (i + 1) * MIN }),
  )
  expect((await h.json('POST', '/collect/batch', { key: sk, body: { events } })).status).toBe(200)
  await h.deps.buffer.flush()
})
afterAll(() => h.close())

const conditions = [
  ['starts_with', 'url', ['/blog/']],
  ['is_not', 'referrer_domain', ['']],
]

async function get(path: string, params: Record<string, string>, key = sk) {
  return h.json('GET', `${path}?${new URLSearchParams({ site_id: 'site_seg', period: '1h', ...params })}`, {
    key,
  })
}

test('a shared segment reads as its filters do, for every key of the site', async () => {
  const made = await h.json('POST', '/api/v1/sites/site_seg/segments', {
    key: sk,
    body: { name: 'Blog, not direct, DACH', filters: { country: 'de' }, conditions, visibility: 'shared' },
  })
  expect(made.status).toBe(201)
  const id = made.body.data.segment_id
  const direct = await get('/api/v1/stats', {
    metric: 'event_count',
    country: 'de',
    conditions: JSON.stringify(conditions),
  })
  expect(direct.body.data.value).toBe(1)
  for (const key of [sk, other, ADMIN_TOKEN]) {
    const viaSegment = await get('/api/v1/stats', { metric: 'event_count', segment: id }, key)
    expect(viaSegment.body.data).toEqual(direct.body.data)
  }
  const bd = await get('/api/v1/stats/breakdown', { dimension: 'url', segment: id })
  expect(bd.body.data.rows).toEqual([{ key: '/blog/a', value: 1 }])
  const exported = await h.request('GET', `/api/v1/export?site_id=site_seg&format=ndjson&segment=${id}`, {
    key: other,
  })
  expect((await exported.text()).trim().split('\n')).toHaveLength(1)
  const list = await h.json('GET', '/api/v1/sites/site_seg/segments', { key: other })
  expect(list.body.data.map((s: { name: string }) => s.name)).toEqual(['Blog, not direct, DACH'])
})

test('a private segment is seen, used and deleted by its own key only (and the admin)', async () => {
  const made = await h.json('POST', '/api/v1/sites/site_seg/segments', {
    key: sk,
    body: { name: 'Mine', conditions: [['is', 'country', ['AT']]] },
  })
  const id = made.body.data.segment_id
  expect(made.body.data.visibility).toBe('private')
  expect((await get('/api/v1/stats', { segment: id })).body.data.value).toBe(2)
  const hidden = await get('/api/v1/stats', { segment: id }, other)
  expect([hidden.status, hidden.body.success, hidden.body.status]).toEqual([404, false, 404])
  expect((await h.json('GET', '/api/v1/sites/site_seg/segments', { key: other })).body.data).toHaveLength(1)
  expect((await h.json('DELETE', `/api/v1/sites/site_seg/segments/${id}`, { key: other })).status).toBe(404)
  expect((await h.json('DELETE', `/api/v1/sites/site_seg/segments/${id}`, { key: sk })).status).toBe(200)
  expect((await get('/api/v1/stats', { segment: id })).status).toBe(404)
})

test('bad filters are refused when saving, and an unknown segment is a 404', async () => {
  const bad = [
    { name: 'x', conditions: [['matches', 'url', ['(?=a)']]] },
    { name: 'x', filters: { nope: 'a' } },
    { name: 'x', filters: { country: 'DEU' } },
    { name: '', filters: {} },
  ]
  for (const body of bad) {
    const res = await h.json('POST', '/api/v1/sites/site_seg/segments', { key: sk, body })
    expect([res.status, res.body.success, res.body.status]).toEqual([422, false, 422])
  }
  expect((await get('/api/v1/stats', { segment: 'seg_none' })).status).toBe(404)
})
