// The entry_page, exit_page and goal filters on every analytics endpoint, not only stats and
// breakdown: funnels, retention, realtime, raw events, export and comparisons narrow to the same
// sessions and events; a bad filter value is a 422 in the error envelope.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let key: string
const MIN = 60_000

beforeAll(async () => {
  h = await createTestApp()
  key = (await h.site('shop')).secret_key
  await h.json('POST', '/api/v1/sites/shop/goals', {
    key: ADMIN_TOKEN,
    body: { name: 'Signup', kind: 'event', event_type: 'signup' },
  })
  // Session a enters on /pricing and signs up; b enters on /blog and leaves on /pricing; c has no page view.
  const events = [
    event('shop', { session_id: 'a', url: '/pricing', timestamp: T0 - 3 * MIN }),
    event('shop', { session_id: 'a', event_type: 'signup', url: null, timestamp: T0 - 2 * MIN }),
    event('shop', { session_id: 'a', url: '/welcome', timestamp: T0 - 1 * MIN }),
    event('shop', { session_id: 'b', url: '/blog', timestamp: T0 - 3 * MIN }),
    event('shop', { session_id: 'b', url: '/pricing', timestamp: T0 - 2 * MIN }),
    event('shop', { session_id: 'c', event_type: 'click', url: null, timestamp: T0 - 2 * MIN }),
  ]
  const res = await h.json('POST', '/collect/batch', { key, body: { events } })
  expect(res.body.data.accepted).toBe(events.length)
})
afterAll(() => h.close())

async function get(path: string) {
  const res = await h.json('GET', path, { key })
  expect({ path, status: res.status }).toEqual({ path, status: 200 })
  return res.body.data
}

describe('session and goal filters on every endpoint', () => {
  test('raw events and export keep every event of the matching sessions', async () => {
    const sessions = async (q: string) =>
      (await get(`/api/v1/events?site_id=shop&${q}`)).events.map((e: { session_id: string }) => e.session_id)
    expect(await sessions('entry_page=/pricing')).toEqual(['a', 'a', 'a'])
    expect(await sessions('exit_page=/pricing')).toEqual(['b', 'b'])
    expect(await sessions('entry_page=')).toEqual(['c'])
    expect(await sessions('goal=Signup')).toEqual(['a'])
    const csv = await (
      await h.request('GET', '/api/v1/export?site_id=shop&format=csv&exit_page=/welcome', { key })
    ).text()
    expect(csv.trim().split('\n')).toHaveLength(4) // header + session a's three events
  })

  test('funnels, retention, realtime and comparisons take them too', async () => {
    const funnel = await h.json('POST', '/api/v1/funnels', {
      key,
      body: {
        site_id: 'shop',
        steps: [{ event_type: 'page_view' }, { event_type: 'signup' }],
        filters: { entry_page: '/pricing' },
      },
    })
    expect(funnel.status).toBe(200)
    expect(funnel.body.data.steps.map((s: { sessions: number }) => s.sessions)).toEqual([1, 1])
    const retention = await get('/api/v1/retention?site_id=shop&period=today&exit_page=/pricing')
    expect(retention.cohorts[0].visitors).toBe(1)
    const live = await get('/api/v1/stats/realtime?site_id=shop&goal=Signup')
    expect(live).toMatchObject({ visitors: 1, events: 1, page_views: 0 })
    const compared = await get(
      '/api/v1/stats?site_id=shop&metrics=conversions,conversion_rate,visitors&compare=previous_period',
    )
    expect(compared.metrics).toEqual({ conversions: 1, conversion_rate: 33.33, visitors: 3 })
    expect(compared.previous.metrics).toEqual({ conversions: 0, conversion_rate: 0, visitors: 0 })
  })

  test('values no event could hold are a 422 in the error envelope', async () => {
    for (const q of ['entry_page=pricing', `goal=${'x'.repeat(101)}`, 'exit_page=%00']) {
      const res = await h.json('GET', `/api/v1/stats?site_id=shop&${q}`, { key })
      expect({ q, status: res.status }).toEqual({ q, status: 422 })
      expect(res.body).toMatchObject({ success: false, status: 422, error: expect.any(String) })
    }
  })
})
