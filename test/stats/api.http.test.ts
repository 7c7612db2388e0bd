// The analytics API as a client meets it: who may read, rate limits, read-your-writes on every
// endpoint, 422 for every unknown name (listing the allowed ones), and hostile strings that get a 4xx
// or an honest empty answer while the data stays intact.
import { afterEach, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let h: TestApp
let keys: { public_key: string; secret_key: string }
beforeEach(async () => {
  h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '1000' })
  keys = await h.site('site_abc123')
})
afterEach(() => h.close())

const FUNNEL = { site_id: 'site_abc123', steps: [{ event_type: 'page_view' }, { event_type: 'click' }] }

/** One call of every endpoint, for site `site`. */
const ENDPOINTS: [string, string, (site: string) => string | undefined, ((site: string) => unknown)?][] = [
  ['stats', 'GET', (s) => `/api/v1/stats?site_id=${s}&metric=event_count`],
  ['stats multi', 'GET', (s) => `/api/v1/stats?site_id=${s}&metrics=event_count,visitors`],
  ['timeseries', 'GET', (s) => `/api/v1/stats/timeseries?site_id=${s}&period=24h`],
  ['breakdown', 'GET', (s) => `/api/v1/stats/breakdown?site_id=${s}&dimension=url`],
  ['realtime', 'GET', (s) => `/api/v1/stats/realtime?site_id=${s}`],
  ['funnels', 'POST', () => '/api/v1/funnels', (s) => ({ ...FUNNEL, site_id: s })],
  ['retention', 'GET', (s) => `/api/v1/retention?site_id=${s}&period=7d`],
  ['events', 'GET', (s) => `/api/v1/events?site_id=${s}`],
  ['export', 'GET', (s) => `/api/v1/export?site_id=${s}&format=csv`],
]

const call = (i: number, key?: string, site = 'site_abc123') => {
  const [, method, path, body] = ENDPOINTS[i]
  return h.request(method, path(site)!, { key, body: body?.(site) })
}

describe('every analytics endpoint', () => {
  test('needs the site secret key or the admin token: 401 without or with a wrong key, 403 for a public or another site’s key, 404 for an unknown site', async () => {
    const other = await h.site('other_site')
    for (const [i, [name]] of ENDPOINTS.entries()) {
      const statuses = [
        (await call(i)).status,
        (await call(i, 'sk_wrong')).status,
        (await call(i, keys.public_key)).status,
        (await call(i, other.secret_key)).status,
        (await call(i, keys.secret_key)).status,
        (await call(i, ADMIN_TOKEN)).status,
        (await call(i, ADMIN_TOKEN, 'no_such_site')).status,
      ]
      expect({ name, statuses }).toEqual({ name, statuses: [401, 401, 403, 403, 200, 200, 404] })
    }
  })

  test('is rate limited per key like /api/v1/stats, with Retry-After', async () => {
    const limited = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '2' })
    try {
      const k = await limited.site('site_abc123')
      for (const [, method, path, body] of ENDPOINTS.slice(1)) {
        // Each endpoint on a fresh minute: two calls pass, the third is refused.
        limited.clock.advance(60_000)
        const go = () =>
          limited.request(method, path('site_abc123')!, { key: k.secret_key, body: body?.('site_abc123') })
        expect([(await go()).status, (await go()).status]).toEqual([200, 200])
        const refused = await go()
        expect(refused.status).toBe(429)
        expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(await refused.json()).toEqual({ success: false, error: 'Rate limit exceeded', status: 429 })
      }
    } finally {
      await limited.close()
    }
  })

  test('counts an event acknowledged just before (read-your-writes, no wait for a flush)', async () => {
    const sent = await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 60_000, url: '/pricing', session_id: 'fresh' }),
    })
    expect(sent.status).toBe(200)
    expect(h.deps.buffer.depth).toBe(1)
    const get = async (path: string) => (await h.json('GET', path, { key: keys.secret_key })).body.data
    expect((await get('/api/v1/stats?site_id=site_abc123&metrics=page_views')).metrics).toEqual({
      page_views: 1,
    })
    const ts = await get('/api/v1/stats/timeseries?site_id=site_abc123&period=1h')
    expect(ts.points.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(1)
    await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 30_000, url: '/a' }),
    })
    expect((await get('/api/v1/stats/breakdown?site_id=site_abc123&dimension=url')).rows).toEqual([
      { key: '/a', value: 1 },
      { key: '/pricing', value: 1 },
    ])
    await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 20_000, event_type: 'click', session_id: 'fresh' }),
    })
    expect((await get('/api/v1/stats/realtime?site_id=site_abc123')).events).toBe(3)
    const funnel = await h.json('POST', '/api/v1/funnels', {
      key: keys.secret_key,
      body: {
        site_id: 'site_abc123',
        period: '1h',
        steps: [{ event_type: 'page_view', url: '/pricing' }, { event_type: 'click' }],
      },
    })
    expect(funnel.body.data.steps.map((s: { sessions: number }) => s.sessions)).toEqual([1, 1])
    await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 10_000, session_id: 'newcomer' }),
    })
    expect((await get('/api/v1/retention?site_id=site_abc123&period=today')).cohorts).toEqual([
      { cohort: '2026-11-20T00:00:00Z', visitors: 3, counts: [3], rates: [100] },
    ])
    await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 5_000, session_id: 'last' }),
    })
    expect((await get('/api/v1/events?site_id=site_abc123&limit=1')).events[0].session_id).toBe('last')
    await h.json('POST', '/collect', {
      key: keys.public_key,
      body: event('site_abc123', { timestamp: T0 - 1_000, session_id: 'very-last' }),
    })
    const csv = await (
      await h.request('GET', '/api/v1/export?site_id=site_abc123&format=csv', { key: keys.secret_key })
    ).text()
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 6)
  })
})

describe('names come from the registry', () => {
  const bad = async (path: string, contains: string[]) => {
    const res = await h.json('GET', path, { key: keys.secret_key })
    expect({ path, status: res.status }).toEqual({ path, status: 422 })
    expect(res.body).toMatchObject({ success: false, status: 422 })
    for (const c of contains) expect(res.body.error).toContain(c)
    return res.body
  }

  test('unknown metric, period, interval, dimension, format, compare or parameter is a 422 listing the allowed values', async () => {
    const s = '/api/v1/stats?site_id=site_abc123'
    await bad(`${s}&metric=sessions`, ['metric', 'event_count', 'bounce_rate', 'views_per_session'])
    await bad(`${s}&metrics=visitors,bogus`, ['bogus', 'avg_session_duration'])
    await bad(`${s}&metrics=visitors,,page_views`, ['comma-separated'])
    await bad(`${s}&period=forever`, ['1h', 'today', 'month', 'custom'])
    await bad(`${s}&compare=last_year`, ['previous_period'])
    await bad(`${s}&metric=visitors&metrics=visitors`, ['either metric or metrics'])
    const unknown = await bad(`${s}&browsr=chrome`, [
      'browser',
      'event_type',
      'referrer_domain',
      'property.<key>',
    ])
    expect(unknown.details).toEqual([{ path: '$.browsr', message: 'is not a parameter of this endpoint' }])
    await bad('/api/v1/stats/timeseries?site_id=site_abc123&interval=fortnight', ['minute', 'week', 'month'])
    await bad('/api/v1/stats/breakdown?site_id=site_abc123&dimension=browsr', [
      'url',
      'referrer_domain',
      'property:<key>',
    ])
    await bad('/api/v1/stats/breakdown?site_id=site_abc123', ['dimension'])
    await bad('/api/v1/retention?site_id=site_abc123&interval=month', ['day', 'week'])
    await bad('/api/v1/export?site_id=site_abc123&format=xlsx', ['ndjson', 'csv', 'parquet'])
    await bad('/api/v1/events?site_id=site_abc123&format=csv', ['format'])
  })

  test('names are schema enums, yet every refusal is the registry’s message, never a TypeBox one', async () => {
    // Next to another schema error (no site_id), the bad metric is still described by the registry.
    const both = await h.json('GET', '/api/v1/stats?metric=nope', { key: keys.secret_key })
    expect(both.status).toBe(422)
    expect(both.body.details).toContainEqual({
      path: '$.metric',
      message: expect.stringContaining('must be one of event_count, page_views'),
    })
    expect(JSON.stringify(both.body)).not.toMatch(/UnionEnum|Expected union|match pattern/)
    const s = '/api/v1/stats?site_id=site_abc123'
    await bad(`${s}&period=`, ['Unknown period', '24h'])
    await bad(`${s}&metrics=visitors,bogus&compare=previous_period`, ['Unknown metrics "bogus"'])
    await bad('/api/v1/stats/breakdown?site_id=site_abc123&dimension=property:a%27', ['Invalid property key'])
    await bad('/api/v1/retention?site_id=site_abc123&interval=hour', ['Unknown interval "hour"', 'day, week'])
    const funnel = await h.json('POST', '/api/v1/funnels', {
      key: keys.secret_key,
      body: { ...FUNNEL, period: 'forever' },
    })
    expect(funnel.body.error).toStartWith('Unknown period "forever": allowed are 1h, 24h')
    // Spaces around the commas of metrics= are still fine.
    const many = await h.json('GET', `${s}&metrics=visitors,%20page_views`, { key: keys.secret_key })
    expect(Object.keys(many.body.data.metrics)).toEqual(['visitors', 'page_views'])
  })

  test('periods: custom needs from < to; from/to need custom; dates and zones must be real', async () => {
    const s = '/api/v1/stats?site_id=site_abc123'
    await bad(`${s}&period=custom&from=2026-11-01`, ['from and to'])
    await bad(`${s}&from=2026-11-05&to=2026-11-01`, ['before'])
    await bad(`${s}&period=7d&from=2026-11-01&to=2026-11-02`, ['period=custom'])
    await bad(`${s}&from=2026-02-30&to=2026-03-02`, ['real date'])
    await bad(`${s}&from=yesterday&to=today`, ['from'])
    await bad(`${s}&period=today&timezone=Mars/Olympus_Mons`, ['timezone'])
    await bad(`${s}&period=today&timezone=${encodeURIComponent("UTC'; DROP TABLE events; --")}`, ['timezone'])
    const ok = await h.json('GET', `${s}&from=1795132800000&to=2026-11-20T12:00:00%2B01:00`, {
      key: keys.secret_key,
    })
    expect(ok.status).toBe(200)
    expect(ok.body.data).toEqual({ metric: 'event_count', value: 0, period: 'custom' })
    await bad('/api/v1/stats/timeseries?site_id=site_abc123&period=90d&interval=minute', [
      'Too many minute buckets',
    ])
  })

  test('limits, offsets and cursors are checked', async () => {
    await bad('/api/v1/stats/breakdown?site_id=site_abc123&dimension=url&limit=1001', [])
    await bad('/api/v1/stats/breakdown?site_id=site_abc123&dimension=url&limit=0', [])
    await bad('/api/v1/stats/breakdown?site_id=site_abc123&dimension=url&offset=-1', [])
    await bad('/api/v1/events?site_id=site_abc123&limit=1001', [])
    await bad('/api/v1/events?site_id=site_abc123&cursor=bm90LWEtY3Vyc29y', ['cursor'])
    const post = (body: unknown) => h.json('POST', '/api/v1/funnels', { key: keys.secret_key, body })
    expect((await post({ site_id: 'site_abc123', steps: [{ event_type: 'page_view' }] })).status).toBe(422)
    const eleven = Array.from({ length: 11 }, () => ({ event_type: 'page_view' }))
    expect((await post({ site_id: 'site_abc123', steps: eleven })).status).toBe(422)
    expect((await post({ ...FUNNEL, filters: { browsr: 'x' } })).body.error).toContain('property.<key>')
    expect((await post({ ...FUNNEL, colour: 'red' })).status).toBe(422)
    expect(
      (
        await post({
          ...FUNNEL,
          steps: [{ event_type: 'page_view', url: 'javascript:alert(1)' }, { event_type: 'x' }],
        })
      ).status,
    ).toBe(422)
  })
})

describe('hostile strings', () => {
  const HOSTILE = [
    "' OR '1'='1",
    "x'); DROP TABLE events; --",
    '"; SELECT * FROM api_keys; --',
    '$1',
    '\\',
    '%00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '{{7*7}}',
  ]

  test('in names (metric, dimension, period, interval, timezone, property keys, parameters) get a 422', async () => {
    for (const x of HOSTILE) {
      const v = encodeURIComponent(x)
      const paths = [
        `/api/v1/stats?site_id=site_abc123&metric=${v}`,
        `/api/v1/stats?site_id=site_abc123&metrics=visitors,${v}`,
        `/api/v1/stats?site_id=site_abc123&period=${v}`,
        `/api/v1/stats?site_id=site_abc123&period=today&timezone=${v}`,
        `/api/v1/stats?site_id=site_abc123&property.${v}=1`,
        `/api/v1/stats?site_id=site_abc123&${v}=1`,
        `/api/v1/stats/timeseries?site_id=site_abc123&interval=${v}`,
        `/api/v1/stats/breakdown?site_id=site_abc123&dimension=${v}`,
        `/api/v1/stats/breakdown?site_id=site_abc123&dimension=property:${v}`,
        `/api/v1/export?site_id=site_abc123&format=${v}`,
      ]
      for (const p of paths) {
        const res = await h.json('GET', p, { key: keys.secret_key })
        expect({ p, status: res.status }).toEqual({ p, status: 422 })
      }
    }
  })

  test('in values are compared as text, never run: a 4xx when no event could hold them, else an honest 0; nothing is touched', async () => {
    await h.json('POST', '/collect/batch', {
      key: keys.secret_key,
      body: {
        events: [
          event('site_abc123'),
          event('site_abc123', {
            event_type: "'; DELETE FROM events; --",
            properties: { note: "'; DELETE FROM events; --" },
          }),
        ],
      },
    })
    for (const x of HOSTILE) {
      const v = encodeURIComponent(x)
      for (const field of [
        'event_type',
        'referrer',
        'device_type',
        'user_id',
        'referrer_domain',
        'property.plan',
      ]) {
        const res = await h.json('GET', `/api/v1/stats?site_id=site_abc123&period=24h&${field}=${v}`, {
          key: keys.secret_key,
        })
        expect({ field, x, status: res.status, value: res.body.data?.value }).toEqual({
          field,
          x,
          status: 200,
          value: 0,
        })
      }
      for (const field of ['url', 'country']) {
        const res = await h.json('GET', `/api/v1/stats?site_id=site_abc123&${field}=${v}`, {
          key: keys.secret_key,
        })
        expect({ field, x, status: res.status }).toEqual({ field, x, status: 422 })
      }
      const cursor = await h.json('GET', `/api/v1/events?site_id=site_abc123&cursor=${v}`, {
        key: keys.secret_key,
      })
      expect(cursor.status).toBe(422)
    }
    const nul = await h.json('GET', '/api/v1/stats?site_id=site_abc123&event_type=a%00b', {
      key: keys.secret_key,
    })
    expect(nul.status).toBe(422)
    const long = await h.json('GET', `/api/v1/stats?site_id=site_abc123&device_type=${'x'.repeat(33)}`, {
      key: keys.secret_key,
    })
    expect(long.status).toBe(422)
    // The stored hostile strings are plain values: they match exactly themselves.
    const q = (s: string) =>
      h.json('GET', `/api/v1/stats?site_id=site_abc123&metric=event_count&${s}`, { key: keys.secret_key })
    expect((await q(`event_type=${encodeURIComponent("'; DELETE FROM events; --")}`)).body.data.value).toBe(1)
    expect(
      (await q(`property.note=${encodeURIComponent("'; DELETE FROM events; --")}`)).body.data.value,
    ).toBe(1)
    expect((await q('')).body.data.value).toBe(2)
  })
})
