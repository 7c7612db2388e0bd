// GET /api/v1/stats/web-vitals on a real in-memory DuckDB: p75 and the good / needs-improvement / poor
// split of each metric, overall and by page, device type and country; bots left out; bad `by` is a 422.
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let sk: string

beforeEach(async () => {
  h = await createTestApp()
  sk = (await h.site('site_v')).secret_key
  const lcps = [1000, 2000, 3000, 5000]
  const events = lcps.map((lcp, i) =>
    event('site_v', {
      event_type: 'web_vitals',
      session_id: `s${i}`,
      timestamp: T0 - 10_000 - i,
      url: i < 2 ? 'https://example.com/a' : 'https://example.com/b?x=1',
      device_type: i % 2 ? 'mobile' : 'desktop',
      country: 'DE',
      properties: { lcp, cls: i === 0 ? 0.3 : 0.01, ttfb: 100 },
    }),
  )
  events.push(
    event('site_v', {
      event_type: 'web_vitals',
      session_id: 'bot',
      properties: { lcp: 99999 },
      bot_reason: 'ua',
    }),
  )
  const res = await h.json('POST', '/collect/batch', { key: sk, body: { events } })
  expect(res.body.data.accepted).toBe(5)
  await h.deps.buffer.flush()
})
afterEach(() => h.close())

const get = (q: string) => h.json('GET', `/api/v1/stats/web-vitals?site_id=site_v${q}`, { key: sk })

test('p75 and the rating split, overall and by page', async () => {
  const all = await get('')
  expect(all.status).toBe(200)
  const lcp = all.body.data.rows.find((r: any) => r.metric === 'lcp')
  expect(lcp).toEqual({
    key: null,
    metric: 'lcp',
    samples: 4,
    p75: 3500,
    good: 2,
    needs_improvement: 1,
    poor: 1,
  })
  const cls = all.body.data.rows.find((r: any) => r.metric === 'cls')
  expect(cls).toMatchObject({ samples: 4, good: 3, needs_improvement: 0, poor: 1 })
  expect(all.body.data.rows.map((r: any) => r.metric).sort()).toEqual(['cls', 'lcp', 'ttfb'])
  const pages = await get('&by=page')
  const lcpByPage = pages.body.data.rows
    .filter((r: any) => r.metric === 'lcp')
    .map((r: any) => [r.key, r.samples, r.p75])
  expect(lcpByPage.sort()).toEqual([
    ['/a', 2, 1750],
    ['/b', 2, 4500],
  ])
  const devices = await get('&by=device_type')
  expect(
    devices.body.data.rows
      .filter((r: any) => r.metric === 'ttfb')
      .map((r: any) => r.key)
      .sort(),
  ).toEqual(['desktop', 'mobile'])
  const countries = await get('&by=country')
  expect(countries.body.data.rows.find((r: any) => r.metric === 'lcp').key).toBe('DE')
  expect((await get('&by=browser')).status).toBe(422)
})
