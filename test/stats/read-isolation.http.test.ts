// Read isolation through the real app on a real DuckDB: a query over its time limit is interrupted and
// answered 503 (and the server keeps serving); one key's heavy queries do not hold up another key's
// cheap one; a key over its concurrency limit is refused with the envelope and Retry-After.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { createTestApp, T0, type TestApp } from '../helpers/app'
import { generateIsolationEvents } from '../helpers/heavy-events'

setDefaultTimeout(120_000)

const HEAVY_EVENTS = 300_000
const ALL_METRICS =
  'event_count,page_views,unique_users,unique_sessions,visitors,bounce_rate,avg_session_duration,events_per_session,views_per_session'

/** A test app with a heavy site (300k events) and a light one (one event), and their secret keys. */
async function heavyApp(env: Record<string, string>) {
  const t = await createTestApp(env)
  const heavy = await t.site('site_heavy')
  const light = await t.site('site_light')
  await generateIsolationEvents(t.deps.db, { siteId: 'site_heavy', events: HEAVY_EVENTS, now: T0, days: 30 })
  await generateIsolationEvents(t.deps.db, { siteId: 'site_light', events: 10, now: T0, days: 1 })
  return { t, heavyKey: heavy.secret_key, lightKey: light.secret_key }
}

/** A worst-case funnel of ten steps over every event of the heavy site. */
function slowFunnel(t: TestApp, key: string) {
  const types = [
    'page_view',
    'click',
    'scroll',
    'page_view',
    'click',
    'signup',
    'page_view',
    'click',
    'purchase',
    'page_view',
  ]
  return t.json('POST', '/api/v1/funnels', {
    key,
    body: { site_id: 'site_heavy', period: '90d', steps: types.map((event_type) => ({ event_type })) },
  })
}

const allMetrics = (t: TestApp, key: string) =>
  t.json('GET', `/api/v1/stats?site_id=site_heavy&metrics=${ALL_METRICS}&from=0&to=${T0}`, { key })

/** Track whether a request has been answered, and with what status. */
function watch<T extends { status: number }>(p: Promise<T>) {
  const w = { status: 0, p }
  p.then((r) => {
    w.status = r.status
  })
  return w
}

describe('query time limit', () => {
  let app: Awaited<ReturnType<typeof heavyApp>>
  beforeAll(async () => {
    app = await heavyApp({ PULSE_QUERY_TIMEOUT_MS: '20' })
  })
  afterAll(() => app.t.close())

  test('a query over PULSE_QUERY_TIMEOUT_MS is interrupted and answered 503 in the envelope', async () => {
    const res = await allMetrics(app.t, app.heavyKey)
    expect(res.status).toBe(503)
    expect(res.body.success).toBe(false)
    expect(res.body.status).toBe(503)
    expect(res.body.error).toContain('PULSE_QUERY_TIMEOUT_MS (20 ms)')
    expect(res.headers.get('retry-after')).toBe('1')
  })

  test('the server keeps serving afterwards, on the same connections', async () => {
    for (let i = 0; i < 3; i++) expect((await allMetrics(app.t, app.heavyKey)).status).toBe(503)
    // The interrupted queries give their connections back (bounded wait): the light read then has the
    // same 20 ms as any other, not the tail of their interruption.
    for (let i = 0; i < 200 && app.t.deps.reads.active > 0; i++) await Bun.sleep(5)
    await Bun.sleep(50)
    const ok = await app.t.json('GET', '/api/v1/stats?site_id=site_light&metric=event_count&period=24h', {
      key: app.lightKey,
    })
    expect(ok.status).toBe(200)
    expect(ok.body.data.value).toBeGreaterThan(0)
    expect(app.t.deps.reads.active).toBe(0)
  })
})

describe('concurrency', () => {
  let app: Awaited<ReturnType<typeof heavyApp>>
  beforeAll(async () => {
    // One query per key at once (a second waits, a third is refused), three overall.
    app = await heavyApp({
      PULSE_READ_CONCURRENCY_PER_KEY: '1',
      PULSE_READ_QUEUE_PER_KEY: '1',
      PULSE_READ_CONCURRENCY: '3',
    })
  })
  afterAll(() => app.t.close())

  test("another key's cheap query is answered before any of one key's six worst-case queries", async () => {
    const slow = [0, 1, 2, 3, 4, 5].map(() => watch(slowFunnel(app.t, app.heavyKey)))
    const cheap = await app.t.json('GET', '/api/v1/stats?site_id=site_light&metric=event_count&period=24h', {
      key: app.lightKey,
    })
    expect(cheap.status).toBe(200)
    expect(cheap.body.data.value).toBe(10)
    // No slow query has been answered with a result yet (those over the key's limit may have got 429).
    expect(slow.filter((s) => s.status !== 0 && s.status !== 429)).toEqual([])
    // They finish correctly or are refused (one per key runs, one waits, the rest get 429).
    const answers = await Promise.all(slow.map((w) => w.p))
    for (const a of answers) expect([200, 429]).toContain(a.status)
    const done = answers.filter((a) => a.status === 200)
    expect(done.length).toBeGreaterThan(0)
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(4)
    for (const a of done) expect(a.body.data.steps[0].sessions).toBeGreaterThan(0)
  })

  test('a key over its concurrency limit is refused with 429, the envelope and Retry-After', async () => {
    const answers = await Promise.all([0, 1, 2].map(() => slowFunnel(app.t, app.heavyKey)))
    const refused = answers.filter((a) => a.status === 429)
    expect(refused.length).toBeGreaterThan(0)
    expect(answers.some((a) => a.status === 200)).toBe(true)
    for (const r of refused) {
      expect(r.body).toEqual({
        success: false,
        error: expect.stringContaining('PULSE_READ_CONCURRENCY_PER_KEY'),
        status: 429,
      })
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(app.t.deps.reads.active).toBe(0)
  })
})
