// Property-based fuzzing (issue 5, item 8) of POST /collect, POST /collect/batch and every GET endpoint
// under /api/v1 (found in the OpenAPI document, so new stats endpoints are fuzzed as they appear).
// Properties: never a 5xx; every answer is the envelope; a valid event is accepted and an invalid one
// refused, each for the right reason; and in the end every valid event is stored exactly once.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'

const DAY = 86_400_000
const SITE = 'site_f'
let h: TestApp
let keys: { public_key: string; secret_key: string }
let other: { public_key: string; secret_key: string }
/** event_id of every valid event sent: each must end up stored exactly once. */
const sentIds = new Set<string>()
let nextId = 0

beforeAll(async () => {
  // Rate limits off: thousands of requests from one key are the point here.
  h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '0' })
  keys = await h.site(SITE)
  other = await h.site('site_other')
})
afterAll(() => h.close())

// ---- arbitraries ---------------------------------------------------------------------------------

/** Printable text of at most `max` UTF-16 units (graphemes may take several). */
const text = (min: number, max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 40) }),
      fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }),
      fc.constantFrom(
        "' OR 1=1 --",
        '"; DROP TABLE events; --',
        '<script>x</script>',
        '%00',
        '../../etc/passwd',
      ),
    )
    .filter((s) => s.length >= min && s.length <= max)

const optionalText = (max: number) => fc.option(fc.oneof(text(0, max), fc.constant('')), { nil: undefined })

const propertyValue = fc.oneof(
  text(0, 512),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)

const validEvent = fc.record(
  {
    site_id: fc.constant(SITE),
    event_type: fc.oneof(fc.constantFrom('page_view', 'click', 'purchase'), text(1, 64)),
    timestamp: fc.integer({ min: T0 - 29 * DAY, max: T0 - 1 }),
    session_id: text(1, 128),
    user_id: fc.option(text(0, 128), { nil: undefined }),
    url: fc.option(
      fc.oneof(
        fc.constant(''),
        text(0, 200).map((p) => `/${p}`),
        text(0, 200).map((p) => `https://example.com/${p}`),
      ),
      { nil: undefined },
    ),
    referrer: optionalText(2048),
    device_type: fc.option(fc.oneof(fc.constantFrom('desktop', 'mobile', 'tablet'), text(0, 32)), {
      nil: undefined,
    }),
    country: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z]{2}$/), fc.constant(null)), { nil: undefined }),
    properties: fc.option(
      fc.dictionary(
        text(1, 64).filter((k) => k !== '__proto__'),
        propertyValue,
        { maxKeys: 32 },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['site_id', 'event_type', 'timestamp', 'session_id'] },
)
type Event = Record<string, unknown>

const LONE_SURROGATE = '\ud83d'
const textField = fc.constantFrom(
  'event_type',
  'session_id',
  'user_id',
  'url',
  'referrer',
  'device_type',
  'site_id',
)

/** Ways to break a valid event; each result must be refused. */
const mutation: fc.Arbitrary<(e: Event) => Event> = fc.oneof(
  fc.constantFrom('site_id', 'event_type', 'timestamp', 'session_id').map((f) => (e: Event) => {
    const { [f]: _, ...rest } = e
    return rest
  }),
  fc
    .tuple(
      fc.constantFrom('event_type', 'session_id', 'timestamp', 'user_id', 'properties', 'country'),
      fc.constantFrom<unknown>(true, [], { nested: { deeper: 1 } }, 1.5, 'text'),
    )
    // A string is a valid value for the text fields; every other pair is a wrong type.
    .filter(([f, v]) => !(typeof v === 'string' && ['event_type', 'session_id', 'user_id'].includes(f)))
    .map(([f, v]) => (e: Event) => ({ ...e, [f]: f === 'timestamp' && v === 1.5 ? T0 - 0.5 : v })),
  fc
    .oneof(
      fc.constant(T0 - 31 * DAY),
      fc.constant(T0 + 6 * 60_000),
      fc.integer({ min: 1, max: 99_999_999_999 }),
      fc.integer({ min: -1e15, max: 0 }),
      fc.constant(T0 + 0.25),
      fc.constant(Number.MAX_SAFE_INTEGER),
    )
    .map((ts) => (e: Event) => ({ ...e, timestamp: ts })),
  fc.constantFrom('siteId', 'extra', '__proto__', 'constructor').map((f) => (e: Event) => {
    const copy = { ...e }
    Object.defineProperty(copy, f, { value: 1, enumerable: true, configurable: true, writable: true })
    return copy
  }),
  fc.tuple(textField, fc.constantFrom('\u0000', LONE_SURROGATE)).map(([f, bad]) => (e: Event) => ({
    ...e,
    [f]: `${f === 'url' ? '/' : 'x'}${bad}y`,
  })),
  fc
    .tuple(
      fc.constantFrom(
        ['event_type', 65],
        ['session_id', 129],
        ['url', 2049],
        ['device_type', 33],
      ) as fc.Arbitrary<[string, number]>,
    )
    .map(([[f, n]]) => (e: Event) => ({ ...e, [f]: `/${'a'.repeat(n)}` })),
  fc.constant((e: Event) => ({ ...e, url: 'javascript:alert(1)' })),
  fc.constant((e: Event) => ({ ...e, country: 'USA' })),
  fc.constant((e: Event) => ({ ...e, properties: JSON.parse('{"__proto__":"x"}') })),
  fc.constant((e: Event) => ({ ...e, properties: { deep: { a: 1 } } })),
  fc.constant((e: Event) => ({ ...e, properties: { long: 'v'.repeat(513) } })),
  fc.constant((e: Event) => ({ ...e, properties: { ['k'.repeat(65)]: 1 } })),
  fc.constant((e: Event) => ({
    ...e,
    properties: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i])),
  })),
)

const invalidEvent = fc.tuple(validEvent, mutation).map(([e, m]) => m(e))

/** A valid event tagged with a fresh event_id, remembered as sent. */
function tag(e: Event): Event {
  const id = `fz_${nextId++}`
  return { ...e, event_id: id }
}

// ---- checks --------------------------------------------------------------------------------------

async function call(req: Request): Promise<{ status: number; body: any }> {
  const res = await h.app.handle(req)
  const raw = await res.text()
  expect(res.status).toBeLessThan(500)
  // A successful export answers its file (NDJSON, CSV, Parquet); everything else is the JSON envelope.
  if (res.status === 200 && !(res.headers.get('content-type') ?? '').includes('application/json'))
    return { status: res.status, body: raw }
  const body = JSON.parse(raw)
  if (res.status < 400) {
    expect(body.success).toBe(true)
    expect(body).toHaveProperty('data')
  } else {
    expect(body.success).toBe(false)
    expect(typeof body.error).toBe('string')
    expect(body.status).toBe(res.status)
  }
  return { status: res.status, body }
}

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    body: body as BodyInit,
    headers: { authorization: `Bearer ${keys.secret_key}`, 'content-type': 'application/json', ...headers },
  })

// ---- properties ----------------------------------------------------------------------------------

describe('fuzz', () => {
  test('POST /collect: every valid event is accepted (as JSON, text/plain or gzip)', async () => {
    await fc.assert(
      fc.asyncProperty(validEvent, fc.constantFrom('json', 'text', 'gzip'), async (e, how) => {
        const tagged = tag(e)
        const json = JSON.stringify(tagged)
        const req =
          how === 'gzip'
            ? post('/collect', gzipSync(json), { 'content-encoding': 'gzip' })
            : post('/collect', json, how === 'text' ? { 'content-type': 'text/plain;charset=UTF-8' } : {})
        const res = await call(req)
        expect(res.status).toBe(200)
        expect(res.body.data.accepted).toBe(1)
        sentIds.add(tagged.event_id as string)
      }),
      { numRuns: 1500 },
    )
  })

  test('POST /collect: every broken event is a 422 naming a field, and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(invalidEvent, async (e) => {
        const res = await call(post('/collect', JSON.stringify(e)))
        expect(res.status).toBe(422)
        expect(res.body.details?.[0]?.path).toMatch(/^\$/)
      }),
      { numRuns: 1500 },
    )
  })

  test('POST /collect/batch: valid events stored, invalid ones listed by index, each exactly', async () => {
    const item = fc.oneof(
      validEvent.map((e) => ({ ok: true, e })),
      invalidEvent.map((e) => ({ ok: false, e })),
      fc
        .oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer()))
        .map((e) => ({ ok: false, e })),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 40 }), async (items) => {
        const events = items.map((i) => (i.ok ? tag(i.e as Event) : i.e))
        const res = await call(post('/collect/batch', JSON.stringify({ events })))
        expect(res.status).toBe(200)
        const bad = items.flatMap((i, n) => (i.ok ? [] : [n]))
        expect(res.body.data.rejected.map((r: { index: number }) => r.index)).toEqual(bad)
        expect(res.body.data.accepted).toBe(items.length - bad.length)
        for (const [n, i] of items.entries()) if (i.ok) sentIds.add((events[n] as Event).event_id as string)
      }),
      { numRuns: 400 },
    )
  })

  test('a retried batch (same event_ids) is acknowledged again but not stored twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validEvent, { minLength: 1, maxLength: 10 }), async (list) => {
        const events = list.map(tag)
        const body = JSON.stringify({ events })
        for (let attempt = 0; attempt < 2; attempt++) {
          const res = await call(post('/collect/batch', body))
          expect(res.body.data).toEqual({ accepted: events.length, rejected: [] })
        }
        for (const e of events) sentIds.add(e.event_id as string)
      }),
      { numRuns: 100 },
    )
  })

  test('arbitrary bodies, content types, encodings and keys: always the envelope, never a 5xx, nothing stored', async () => {
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify({ events: v })),
      fc.jsonValue().map((v) => JSON.stringify({ events: [v, v] })),
      invalidEvent.map((e) => JSON.stringify({ events: [e] }).replace(/}$/, ',"events":[]}')),
    )
    const headers = fc.record({
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'application/xml',
        '',
        'application/json; charset=latin1',
      ),
      'content-encoding': fc.constantFrom('identity', 'gzip', 'br', ''),
      authorization: fc.oneof(
        fc.constantFrom(
          `Bearer ${keys.public_key}`,
          `Bearer ${other.secret_key}`,
          `Bearer ${ADMIN_TOKEN}`,
          'Bearer',
          '',
        ),
        fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
      ),
      origin: fc.constantFrom('', 'https://evil.example', 'null'),
    })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/collect', '/collect/batch'), body, headers, async (path, b, hs) => {
        const clean = Object.fromEntries(Object.entries(hs).filter(([, v]) => v !== ''))
        const res = await call(post(path, b, clean))
        // No valid event is generated here: a batch of only invalid items is a 200 that stores nothing.
        if (res.status < 400) expect(res.body.data).toMatchObject({ accepted: 0 })
      }),
      { numRuns: 1500 },
    )
  })

  test('every GET endpoint under /api/v1: arbitrary and hostile query parameters never give a 5xx', async () => {
    const doc = (await h.json('GET', '/openapi/json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: any }[] }>>
    }
    const endpoints = Object.entries(doc.paths)
      // The backup download takes no parameters and answers a database file (test/admin/backup.db.test.ts).
      .filter(([path, ops]) => path.startsWith('/api/v1/') && !path.includes('{') && ops.get)
      .filter(([path]) => path !== '/api/v1/admin/backup')
      // The event stream never ends, so it cannot be read to the end here (test/devtools/stream.http.test.ts;
      // the injection catalogue covers its parameters).
      .filter(([path]) => path !== '/api/v1/events/stream')
      .map(([path, ops]) => ({ path, params: (ops.get.parameters ?? []).filter((p) => p.in === 'query') }))
    expect(endpoints.map((e) => e.path)).toContain('/api/v1/stats')
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(
        "' OR 1=1 --",
        '1; DROP TABLE events',
        '-1',
        '0',
        '1e309',
        '99999999999999999999',
        '-99999999999999',
        'NaN',
        '',
        '__proto__',
        'a'.repeat(5000),
        '2026-02-30',
        '9999-12-31T23:59:59Z',
        'Europe/Nowhere',
      ),
      fc.integer().map(String),
    )
    const query = (params: { name: string; schema?: any }[]) =>
      fc.tuple(
        fc.tuple(
          ...params.map((p) =>
            fc.option(
              fc.oneof(
                hostile,
                fc.constantFrom(...(p.name === 'site_id' ? [SITE, 'site_other'] : ['x'])),
                ...(p.schema?.enum ? [fc.constantFrom(...(p.schema.enum as string[]))] : []),
                ...(p.schema?.examples
                  ? [fc.constantFrom(...(p.schema.examples as unknown[]).map(String))]
                  : []),
              ),
              { nil: undefined },
            ),
          ),
        ),
        fc.dictionary(
          fc.constantFrom('__proto__', 'constructor[prototype][x]', 'extra', 'site_id[]', 'limit'),
          hostile,
          {
            maxKeys: 2,
          },
        ),
      )
    for (const { path, params } of endpoints) {
      await fc.assert(
        fc.asyncProperty(
          query(params),
          fc.constantFrom(keys.secret_key, ADMIN_TOKEN, keys.public_key, other.secret_key),
          async ([values, extra], key) => {
            const q = new URLSearchParams()
            params.forEach((p, i) => {
              if (values[i] !== undefined) q.append(p.name, values[i] as string)
            })
            for (const [name, v] of Object.entries(extra)) q.append(name, v)
            await call(
              new Request(`http://localhost${path}?${q}`, { headers: { authorization: `Bearer ${key}` } }),
            )
          },
        ),
        { numRuns: Math.max(200, Math.floor(1500 / endpoints.length)) },
      )
    }
  })

  test('in the end, every valid event is stored exactly once and the stats API counts them all', async () => {
    await h.deps.buffer.flush()
    const rows = await queryRows<{ event_id: string; n: number }>(
      h.deps.db.reader,
      'SELECT event_id, count(*) AS n FROM events WHERE site_id = $1 GROUP BY event_id',
      [SITE],
    )
    expect(rows.filter((r) => r.n !== 1)).toEqual([])
    expect(new Set(rows.map((r) => r.event_id))).toEqual(sentIds)
    expect(sentIds.size).toBeGreaterThan(1000)
    const stats = await h.json('GET', `/api/v1/stats?site_id=${SITE}&metric=event_count&period=30d`, {
      key: keys.secret_key,
    })
    expect(stats.body.data.value).toBe(sentIds.size)
    const health = await h.json('GET', '/health')
    expect(health.body.status).toBe('ok')
  })
})
