// GET /metrics parsed by a real Prometheus text-format parser: the admin token sees every site and the
// server's figures, a secret key only its site, a public key nothing; values equal the stats API's.
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
