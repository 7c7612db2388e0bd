// The documented bounce rule and engaged duration on three small visits, through the real app: a one-page
// visit read for 5 minutes (its engagement sent on leaving) is not a bounce and lasts 300 s; the same visit
// without engagement capture is a bounce of 0 s; a visit hidden for an hour in between counts its visible
// time only. Engagement events are no page views; time on page and scroll depth are read per path.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { createTestApp, T0, type TestApp } from '../helpers/app'

const MIN = 60_000
let h: TestApp
let key: string

beforeAll(async () => {
  h = await createTestApp()
  key = (await h.site('eng')).secret_key
  const pv = (session: string, ts: number, url: string) => ({
    event_type: 'page_view',
    session_id: session,
    timestamp: ts,
    url,
  })
  const eng = (session: string, ts: number, url: string, time_ms: number, scroll: number) => ({
    event_type: 'engagement',
    session_id: session,
    timestamp: ts,
    url,
    properties: { time_ms, scroll },
  })
  const t = T0 - 3 * 60 * MIN
  const events = [
    // Read for 5 minutes, scrolled to 80%, then left.
    pv('read', t, '/article?ref=mail'),
    eng('read', t + 5 * MIN, '/article?ref=mail', 5 * MIN, 80),
    // Opened and closed without engagement capture (or an older tracker).
    pv('plain', t, '/article'),
    // Read 1 minute, hidden for an hour, read 2 more minutes: two engagement events, one page visit.
    pv('tab', t, '/article'),
    eng('tab', t + MIN, '/article', MIN, 30),
    eng('tab', t + 63 * MIN, '/article', 2 * MIN, 60),
  ].map((e) => ({ site_id: 'eng', ...e }))
  const res = await h.json('POST', '/collect/batch', { key, body: { events } })
  expect(res.body.data).toEqual({ accepted: events.length, rejected: [] })
  await h.deps.buffer.flush()
})
afterAll(() => h.close())

const stats = async (q: string) => {
  const res = await h.json('GET', `/api/v1/stats${q}&site_id=eng&period=24h`, { key })
  expect(res.status).toBe(200)
  return res.body.data
}

test('one-page visits: engaged duration, the bounce rule, page views', async () => {
  const all = await stats(
    '?metrics=page_views,bounce_rate,avg_session_duration,engaged_visit_duration,time_on_page,scroll_depth',
  )
  expect(all.metrics).toEqual({
    page_views: 3,
    // Only the visit without engagement is a bounce.
    bounce_rate: 33.33,
    // (300 + 0 + 3780) s / 3: the hidden hour counts here...
    avg_session_duration: 1360,
    // ...but not here: (300 + 0 + 180) s / 3.
    engaged_visit_duration: 160,
    // Page visits with engagement: 300 s and 180 s; deepest scroll 80% and 60%.
    time_on_page: 240,
    scroll_depth: 70,
  })
})

test('time on page and scroll depth per path (the query string cut)', async () => {
  const rows = async (metric: string) =>
    (await stats(`/breakdown?dimension=path&metric=${metric}`)).rows.map((r: any) => [r.key, r.value])
  expect(await rows('time_on_page')).toEqual([['/article', 240]])
  expect(await rows('scroll_depth')).toEqual([['/article', 70]])
  // By url the two URLs are apart.
  const byUrl = (await stats('/breakdown?dimension=url&metric=time_on_page')).rows
  expect(byUrl.map((r: any) => [r.key, r.value])).toEqual([
    ['/article?ref=mail', 300],
    ['/article', 180],
  ])
})
