// The SDK's PulseClient against the real app (in-process: its fetch is `app.handle`, on a real
// in-memory DuckDB): camelCase → snake_case, batching in a linger window, acknowledgement per event,
// per-event rejections, 4xx never retried, 503 Retry-After honoured, bounded queue, flush and shutdown.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { queryRows } from '../../src/db/rows'
import { PulseClient, type PulseClientOptions, PulseError, type RetryInfo } from '../../src/sdk/src/index'
import { createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }
let requests: { method: string; path: string; events: number }[]
let retries: RetryInfo[]

beforeEach(async () => {
  h = await createTestApp({ PULSE_MAX_BUFFER_ROWS: '50', PULSE_FLUSH_MAX_ROWS: '50' })
  // The SDK stamps events with the real time; the server's clock runs a minute ahead of it, so that
  // events sent during the test are in the past for "now" (rolling stats periods end at now).
  h.clock.set(Date.now() + 60_000)
  keys = await h.site('site_abc123')
  requests = []
  retries = []
})
afterEach(() => h.close())

/** A client whose requests go to the app in-process (and are counted). */
function client(opts: Partial<PulseClientOptions> = {}) {
  return new PulseClient({
    siteId: 'site_abc123',
    apiKey: keys.secret_key,
    endpoint: 'http://localhost/',
    retryBaseMs: 5,
    onRetry: (info) => retries.push(info),
    fetch: async (url, init) => {
      const body = typeof init.body === 'string' ? init.body : ''
      const events = body.startsWith('{"events"') ? JSON.parse(body).events.length : 0
      requests.push({ method: init.method ?? 'GET', path: new URL(url).pathname, events })
      return h.app.handle(new Request(url, init))
    },
    ...opts,
  })
}

async function storedEvents() {
  await h.deps.buffer.flush()
  return queryRows<Record<string, any>>(
    h.deps.db.reader,
    'SELECT event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id FROM events ORDER BY ts, event_type',
  )
}

describe('PulseClient (in-process app)', () => {
  test('the seed call resolves once acknowledged; every camelCase field lands in its snake_case column', async () => {
    const pulse = client()
    await pulse.trackEvent({
      eventType: 'page_view',
      sessionId: 'session_123',
      url: '/products',
      deviceType: 'desktop',
    })
    const ts = Date.now() - 1000
    const full = await pulse.trackEvent({
      eventType: 'purchase',
      sessionId: 'session_123',
      url: 'https://example.com/checkout',
      deviceType: 'mobile',
      userId: 'user_123',
      referrer: 'https://google.com',
      country: 'us',
      properties: { plan: 'premium', amount: 49.9, trial: false },
      timestamp: new Date(ts),
    })
    expect(full.eventId).toBeString()
    const rows = await storedEvents()
    expect(rows).toHaveLength(2)
    const purchase = rows.find((r) => r.event_type === 'purchase')!
    expect(purchase).toMatchObject({
      ts,
      session_id: 'session_123',
      user_id: 'user_123',
      url: 'https://example.com/checkout',
      referrer: 'https://google.com',
      device_type: 'mobile',
      country: 'US',
      event_id: full.eventId,
    })
    expect(JSON.parse(purchase.properties)).toEqual({ plan: 'premium', amount: 49.9, trial: false })
    const view = rows.find((r) => r.event_type === 'page_view')!
    expect(view).toMatchObject({ url: '/products', device_type: 'desktop', user_id: null, properties: null })
    expect(requests.every((r) => r.path === '/collect/batch')).toBe(true)
  })

  test('events tracked together share requests (linger window and batch size)', async () => {
    const pulse = client({ maxBatchSize: 10 })
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => pulse.trackEvent({ eventType: 'click', sessionId: `s${i}` })),
    )
    expect(new Set(results.map((r) => r.eventId)).size).toBe(25)
    expect(requests.map((r) => r.events)).toEqual([10, 10, 5])
    expect(await storedEvents()).toHaveLength(25)
  })

  test('one bad event in a batch rejects only its own promise, with the server error and field path', async () => {
    const pulse = client()
    const good = pulse.trackEvent({ eventType: 'click', sessionId: 's1' })
    const bad = pulse.trackEvent({
      eventType: 'click',
      sessionId: 's2',
      timestamp: Math.floor(Date.now() / 1000),
    })
    const alsoGood = pulse.trackEvent({ eventType: 'click', sessionId: 's3' })
    await expect(good).resolves.toBeDefined()
    await expect(alsoGood).resolves.toBeDefined()
    const err = await bad.catch((e) => e)
    expect(err).toBeInstanceOf(PulseError)
    expect(err).toMatchObject({ kind: 'rejected', status: 422 })
    expect(err.message).toContain('milliseconds')
    expect(err.details[0].path).toBe('$.events[1].timestamp')
    expect(requests).toHaveLength(1)
    expect(await storedEvents()).toHaveLength(2)
  })

  test('a 4xx (bad key, wrong site) rejects the batch at once and is never retried', async () => {
    const wrongKey = client({ apiKey: 'sk_not_a_real_key' })
    const err = await wrongKey.trackEvent({ eventType: 'click', sessionId: 's' }).catch((e) => e)
    expect(err).toMatchObject({ name: 'PulseError', kind: 'http', status: 401, message: 'Invalid API key' })
    const other = await h.site('other_site')
    const wrongSite = client({ apiKey: other.secret_key })
    const err2 = await wrongSite.trackEvent({ eventType: 'click', sessionId: 's' }).catch((e) => e)
    expect(err2).toMatchObject({ kind: 'http', status: 403 })
    expect(requests).toHaveLength(2)
    expect(retries).toEqual([])
  })

  test('503 "buffer full" is retried after its Retry-After, then acknowledged', async () => {
    const pulse = client({ maxBatchSize: 30 })
    // Fill the ingest buffer (50 rows, no automatic flush in tests) so the next batch gets a 503.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => pulse.trackEvent({ eventType: 'fill', sessionId: `f${i}` })),
    )
    const flushOnRetry = client({
      onRetry: (info) => {
        retries.push(info)
        void h.deps.buffer.flush()
      },
    })
    const pending = Array.from({ length: 20 }, (_, i) =>
      flushOnRetry.trackEvent({ eventType: 'late', sessionId: `l${i}` }),
    )
    await Promise.all(pending)
    expect(retries).toHaveLength(1)
    expect(retries[0].error).toMatchObject({ kind: 'http', status: 503, retryAfter: 1 })
    expect(retries[0].delayMs).toBe(1000)
    expect(await storedEvents()).toHaveLength(60)
  })

  test('network errors are retried with backoff, then reject with kind "network"', async () => {
    const down = new PulseClient({
      siteId: 'site_abc123',
      apiKey: keys.secret_key,
      endpoint: 'http://localhost',
      maxRetries: 3,
      retryBaseMs: 1,
      onRetry: (info) => retries.push(info),
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    const err = await down.trackEvent({ eventType: 'click', sessionId: 's' }).catch((e) => e)
    expect(err).toMatchObject({ kind: 'network', status: 0 })
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3])
  })

  test('the queue is bounded; flush() sends at once; shutdown() drains and then refuses', async () => {
    const pulse = client({ lingerMs: 60_000, maxQueueSize: 2 })
    const a = pulse.trackEvent({ eventType: 'a', sessionId: 's' })
    const b = pulse.trackEvent({ eventType: 'b', sessionId: 's' })
    const full = await pulse.trackEvent({ eventType: 'c', sessionId: 's' }).catch((e) => e)
    expect(full).toMatchObject({ kind: 'queue_full' })
    expect(pulse.pending).toBe(2)
    await pulse.flush()
    expect(pulse.pending).toBe(0)
    await Promise.all([a, b])
    const c = pulse.trackEvent({ eventType: 'c', sessionId: 's' })
    await pulse.shutdown()
    await expect(c).resolves.toBeDefined()
    const late = await pulse.trackEvent({ eventType: 'd', sessionId: 's' }).catch((e) => e)
    expect(late).toMatchObject({ kind: 'shutdown' })
    expect((await storedEvents()).map((r) => r.event_type).sort()).toEqual(['a', 'b', 'c'])
    expect(requests.map((r) => r.events)).toEqual([2, 1])
  })

  test('a fire-and-forget call that fails does not raise an unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    try {
      const pulse = client({ apiKey: 'sk_wrong' })
      pulse.trackEvent({ eventType: 'x', sessionId: 's' })
      await pulse.flush()
      await Bun.sleep(10)
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('getStats reads the seed metric with the secret key; a public key is refused with 403', async () => {
    const pulse = client()
    await pulse.trackEvent({ eventType: 'page_view', sessionId: 'session_123', url: '/products' })
    expect(await pulse.getStats({ metric: 'event_count' })).toEqual({
      metric: 'event_count',
      value: 1,
      period: '24h',
    })
    const pub = client({ apiKey: keys.public_key })
    const err = await pub.getStats().catch((e) => e)
    expect(err).toMatchObject({ kind: 'http', status: 403 })
  })

  test('read helpers return the data of every analytics endpoint, typed from the OpenAPI document', async () => {
    const pulse = client()
    const s = { sessionId: 'reader' }
    const t = Date.now() - 3000
    await Promise.all([
      pulse.trackEvent({ ...s, eventType: 'page_view', url: '/pricing', timestamp: t }),
      pulse.trackEvent({ ...s, eventType: 'page_view', url: '/checkout', timestamp: t + 1000 }),
      pulse.trackEvent({
        ...s,
        eventType: 'purchase',
        url: '/checkout',
        properties: { plan: 'pro' },
        timestamp: t + 2000,
      }),
    ])
    const many = await pulse.getStats({ metrics: 'event_count,page_views' })
    expect(many.metrics).toEqual({ event_count: 3, page_views: 2 })
    const series = await pulse.getTimeseries({ metric: 'event_count', period: '24h' })
    expect(series.points.reduce((sum, p) => sum + p.value, 0)).toBe(3)
    const pages = await pulse.getBreakdown({ dimension: 'url', metric: 'event_count' })
    expect(pages.rows).toEqual([
      { key: '/checkout', value: 2 },
      { key: '/pricing', value: 1 },
    ])
    const funnel = await pulse.getFunnel({
      steps: [{ event_type: 'page_view', url: '/pricing' }, { event_type: 'purchase' }],
    })
    expect(funnel.steps.map((step) => step.sessions)).toEqual([1, 1])
    const live = await pulse.getRealtime()
    expect(live.events).toBe(3)
    const retention = await pulse.getRetention({ period: '7d' })
    expect(retention.cohorts.length).toBeGreaterThan(0)
    const page = await pulse.getEvents({ limit: 2 })
    expect(page.events).toHaveLength(2)
    expect(page.next_cursor).toBeString()
    const all = []
    for await (const e of pulse.iterateEvents({ limit: 2 })) all.push(e)
    expect(all.map((e) => e.event_type).sort()).toEqual(['page_view', 'page_view', 'purchase'])
    expect(all.find((e) => e.event_type === 'purchase')?.properties).toEqual({ plan: 'pro' })
  })

  test('an event that cannot be serialised rejects its promise instead of throwing', async () => {
    const pulse = client()
    const notAnObject = await pulse.trackEvent(null as never).catch((e) => e)
    expect(notAnObject).toMatchObject({ kind: 'rejected', status: 422 })
    const bigint = await pulse
      .trackEvent({ eventType: 'x', sessionId: 's', properties: { n: 1n as never } })
      .catch((e) => e)
    expect(bigint).toMatchObject({ kind: 'rejected', status: 422 })
    expect(requests).toEqual([])
  })

  test('constructor refuses missing options', () => {
    expect(() => new PulseClient({ siteId: '', apiKey: 'k', endpoint: 'http://x' })).toThrow('siteId')
    expect(() => new PulseClient({ siteId: 's', apiKey: 'k' } as PulseClientOptions)).toThrow('endpoint')
  })
})
