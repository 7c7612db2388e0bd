// GET /metrics parsed by a real Prometheus text-format parser (`parse-prometheus-text-format`, Apache-2.0): the
// admin token sees every site and the server's figures, a secret key or a read-only key only its site (a
// read-only key's locked filter applies, its min_visitors leaves figures out), a public key or a
// session nothing; values equal the stats API's.
import { afterAll, beforeAll, expect, test } from 'bun:test'
// @ts-expect-error: the package ships no types
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { views } from './helpers'

let h: TestApp
let shop: { secret_key: string; public_key: string }

beforeAll(async () => {
  h = await createTestApp()
  shop = await h.site('shop')
  const blog = await h.site('blog')
  await h.json('POST', '/api/v1/sites/shop/goals', {
    key: ADMIN_TOKEN,
    body: { name: 'Signup', kind: 'event', event_type: 'signup' },
  })
  const events = [
    ...views('shop', 4, T0 - 1000),
    ...views('shop', 3, T0 - 3_600_000),
    { site_id: 'shop', event_type: 'signup', timestamp: T0 - 2000, session_id: `s-${T0 - 1000}-0` },
  ]
  await h.json('POST', '/collect/batch', { key: shop.secret_key, body: { events } })
  await h.json('POST', '/collect/batch', {
    key: blog.secret_key,
    body: { events: views('blog', 2, T0 - 1000) },
  })
})
afterAll(() => h.close())

type Family = { name: string; type: string; metrics: { value: string; labels?: Record<string, string> }[] }
const scrape = async (key: string) => {
  const res = await h.request('GET', '/metrics', { key })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/plain')
  return parsePrometheusTextFormat(await res.text()) as Family[]
}
const value = (fams: Family[], name: string, labels: Record<string, string>) =>
  Number(
    fams
      .find((f) => f.name === name)
      ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value,
  )

test('the admin token: every site, the server, values equal to the stats API', async () => {
  const fams = await scrape(ADMIN_TOKEN)
  const api = await h.json(
    'GET',
    `/api/v1/stats?site_id=shop&metrics=page_views,event_count&from=0&to=${T0 + 1}`,
    {
      key: ADMIN_TOKEN,
    },
  )
  expect(value(fams, 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(
    api.body.data.metrics.page_views,
  )
  expect(value(fams, 'pulse_site_events_total', { site_id: 'shop' })).toBe(api.body.data.metrics.event_count)
  expect(value(fams, 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(7)
  expect(value(fams, 'pulse_site_visitors_5m', { site_id: 'shop' })).toBe(4)
  expect(value(fams, 'pulse_site_visitors_5m', { site_id: 'blog' })).toBe(2)
  expect(value(fams, 'pulse_site_goal_conversions_24h', { site_id: 'shop', goal: 'Signup' })).toBe(1)
  expect(fams.find((f) => f.name === 'pulse_site_page_views_total')?.type).toBe('COUNTER')
  expect(value(fams, 'pulse_buffer_events', {})).toBe(0)
  expect(value(fams, 'pulse_buffer_fill_ratio', {})).toBe(0)
  // Ingest: 10 events accepted, none dropped yet; the log's size is a number (0 in memory).
  expect(value(fams, 'pulse_ingest_accepted_events_total', {})).toBe(10)
  expect(fams.find((f) => f.name === 'pulse_ingest_dropped_events_total')?.type).toBe('COUNTER')
  expect(value(fams, 'pulse_wal_bytes', {})).toBeGreaterThanOrEqual(0)
  expect(value(fams, 'pulse_flush_lag_seconds', {})).toBeGreaterThanOrEqual(0)
  expect(value(fams, 'pulse_duckdb_memory_bytes', {})).toBeGreaterThanOrEqual(0)
  expect(value(fams, 'pulse_process_resident_memory_bytes', {})).toBeGreaterThan(0)
})

test('a secret key sees its own site only; a public key or none is refused', async () => {
  const fams = await scrape(shop.secret_key)
  expect(value(fams, 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(7)
  expect(fams.find((f) => f.name === 'pulse_site_page_views_total')?.metrics).toHaveLength(1)
  expect(fams.some((f) => f.name === 'pulse_buffer_events')).toBe(false)
  expect((await h.request('GET', '/metrics', { key: shop.public_key })).status).toBe(403)
  expect((await h.request('GET', '/metrics')).status).toBe(401)
})

test('a read-only key: its site only, its locked filter applied, figures under min_visitors left out', async () => {
  const made = async (body: Record<string, unknown>) =>
    (await h.json('POST', '/api/v1/sites/shop/read-keys', { key: ADMIN_TOKEN, body })).body.data.key as string
  const plain = await scrape(await made({ name: 'grafana' }))
  expect(value(plain, 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(7)
  expect(plain.find((f) => f.name === 'pulse_site_page_views_total')?.metrics).toHaveLength(1)
  expect(plain.some((f) => f.name === 'pulse_buffer_events')).toBe(false)
  // Locked to another country: the same figures the API gives that key (none of the events is from FR).
  const fr = await made({ locked_filters: { country: 'FR' } })
  const api = await h.json('GET', `/api/v1/stats?site_id=shop&metrics=page_views&from=0&to=${T0 + 1}`, {
    key: fr,
  })
  expect(value(await scrape(fr), 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(
    api.body.data.metrics.page_views,
  )
  expect(api.body.data.metrics.page_views).toBe(0)
  // min_visitors 5: the 4 visitors of the last 5 minutes are too few to show; the totals are not.
  const k5 = await scrape(await made({ min_visitors: 5 }))
  expect(k5.find((f) => f.name === 'pulse_site_visitors_5m')?.metrics ?? []).toHaveLength(0)
  expect(value(k5, 'pulse_site_page_views_total', { site_id: 'shop' })).toBe(7)
})
