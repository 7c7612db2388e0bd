// The differential test of issue 20: the same seeded events, sent through the HTTP API to a DuckDB PULSE
// and to a ClickHouse PULSE (chDB in process), give identical answers for every read and every dimension:
// summary with comparison, timeseries per interval and zone, breakdown per dimension and metric, funnels,
// retention, realtime, web vitals, raw events (their cursors differ by engine, the events may not) and exports (NDJSON
// and CSV byte for byte; Parquet is DuckDB's only and answers 503 naming that on ClickHouse).
// By default it asks a fixed sample that still names every period, filter set, metric, interval, zone and
// dimension at least once (about 45 requests per engine, the CI lane's size); PULSE_TEST_CH_FULL=1 asks
// every combination (about 600 requests, ~2.5 min on two shared cores).
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { readerExportRows } from '../../src/stats/export/rows'
import { DIMENSION_FIELDS, INTERVAL_NAMES, METRIC_NAMES } from '../../src/stats/registry'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { generateEvents, SITES } from '../stats/fixtures/generate'
import { announceLane, CHDB, clickhouseEnv } from './lane'

setDefaultTimeout(300_000)
announceLane()

/** Every combination, or the fixed sample (the default). */
const FULL = process.env.PULSE_TEST_CH_FULL === '1'

/**
 * The combinations of `lists` to ask: all of them (FULL), else the diagonal — the i-th combination takes
 * the i-th value of each list, wrapping — long enough that every value of every list appears once.
 */
function combinations<T extends unknown[]>(...lists: { [K in keyof T]: readonly T[K][] }): T[] {
  if (FULL)
    return lists.reduce<unknown[][]>((acc, l) => acc.flatMap((c) => l.map((v) => [...c, v])), [[]]) as T[]
  const n = Math.max(...lists.map((l) => l.length))
  return Array.from({ length: n }, (_, i) => lists.map((l) => l[i % l.length]) as T)
}

const GOALS = [
  { name: 'Signup', kind: 'event', event_type: 'signup' },
  { name: 'Pricing', kind: 'page', page_path: '/pricing*' },
  { name: 'Pro plan', kind: 'event', event_type: 'page_view', property_key: 'plan', property_value: 'pro' },
]

interface Side {
  h: TestApp
  keys: Record<string, string>
}

/** An app on `env` with the sites, goals and seeded events, all sent through the API. */
async function load(env: Record<string, string>): Promise<Side> {
  const h = await createTestApp({ PULSE_MAX_EVENT_AGE_DAYS: '200', PULSE_RATE_LIMIT_PER_MINUTE: '0', ...env })
  const keys: Record<string, string> = {}
  for (const site of SITES) {
    keys[site] = (await h.site(site)).secret_key
    for (const g of GOALS) {
      const res = await h.json('POST', `/api/v1/sites/${site}/goals`, { key: ADMIN_TOKEN, body: g })
      expect(res.status).toBe(201)
    }
  }
  const events = generateEvents(11)
  for (const site of SITES) {
    const mine = events.filter((e) => e.site_id === site)
    for (let i = 0; i < mine.length; i += 500) {
      const res = await h.json('POST', '/collect/batch', {
        key: keys[site],
        body: { events: mine.slice(i, i + 500) },
      })
      expect(res.status).toBe(200)
    }
  }
  // Web vitals (the extras bundle's events): every metric, some values missing or not numbers, a bot.
  for (const site of SITES) {
    const vitals = Array.from({ length: 40 }, (_, i) => ({
      site_id: site,
      event_type: 'web_vitals',
      timestamp: T0 - 3_600_000 - i * 60_000,
      session_id: `${site}-v${i % 9}`,
      url: `https://example.com/${['', 'pricing', 'docs/a'][i % 3]}`,
      device_type: ['desktop', 'mobile'][i % 2],
      country: ['DE', 'US', 'FR'][i % 3],
      properties: {
        lcp: 400 + ((i * 379) % 6000),
        cls: ((i * 7) % 40) / 100,
        ...(i % 4 ? { inp: 50 + ((i * 53) % 700) } : {}),
        ...(i % 5 ? { fcp: 300 + i * 90, ttfb: i % 7 === 0 ? 'n/a' : 100 + i * 40 } : {}),
      },
      ...(i === 39 ? { bot_reason: 'ua' } : {}),
    }))
    const res = await h.json('POST', '/collect/batch', { key: keys[site], body: { events: vitals } })
    expect(res.status).toBe(200)
  }
  await h.deps.buffer.flush()
  return { h, keys }
}

let duck: Side
let ch: Side

beforeAll(async () => {
  if (!CHDB) return
  duck = await load({})
  ch = await load(clickhouseEnv())
})
afterAll(async () => {
  await duck?.h.close()
  await ch?.h.close()
})

/** The same request to both; returns both bodies (status included). */
async function both(method: string, path: string, site: string, body?: unknown) {
  const a = await duck.h.json(method, path, { key: duck.keys[site], body })
  const b = await ch.h.json(method, path, { key: ch.keys[site], body })
  return { duck: { status: a.status, body: a.body }, ch: { status: b.status, body: b.body } }
}

const qs = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()

/** Compares many requests and fails with the first differences. */
function differences() {
  const list: { what: string; duck: unknown; ch: unknown }[] = []
  let compared = 0
  return {
    async get(
      site: string,
      path: string,
      params: Record<string, string | number>,
      strip?: (b: any) => unknown,
    ) {
      const r = await both('GET', `${path}?${qs({ site_id: site, ...params })}`, site)
      compared++
      const d = strip ? strip(r.duck.body) : r.duck.body
      const c = strip ? strip(r.ch.body) : r.ch.body
      if (r.duck.status !== 200)
        list.push({ what: `${path} ${qs(params)}: DuckDB answered`, duck: r.duck, ch: null })
      else if (!Bun.deepEquals(d, c, true)) list.push({ what: `${path} ${qs(params)}`, duck: d, ch: c })
    },
    async post(site: string, path: string, body: unknown) {
      const r = await both('POST', path, site, body)
      compared++
      if (r.duck.status !== 200) list.push({ what: `${path}: DuckDB answered`, duck: r.duck, ch: null })
      else if (!Bun.deepEquals(r.duck, r.ch, true))
        list.push({ what: `${path} ${JSON.stringify(body)}`, duck: r.duck, ch: r.ch })
    },
    done() {
      expect(list.slice(0, 3)).toEqual([])
      expect(compared).toBeGreaterThan(0)
    },
  }
}

const FILTER_SETS: Record<string, string>[] = [
  {},
  { device_type: 'mobile' },
  { url: '/pricing' },
  { 'property.plan': 'pro' },
  { goal: 'Signup' },
  { entry_page: '/' },
]

describe.skipIf(!CHDB)('DuckDB and ClickHouse give identical answers', () => {
  test('summary: every metric with comparison, every period and filter set', async () => {
    const d = differences()
    const periods = ['24h', '7d', '30d', '90d', 'month']
    for (const [i, [period, f]] of combinations<[string, Record<string, string>]>(
      periods,
      FILTER_SETS,
    ).entries())
      await d.get(SITES[i % SITES.length], '/api/v1/stats', {
        period,
        metrics: METRIC_NAMES.join(','),
        compare: 'previous_period',
        ...f,
      })
    d.done()
  })

  test('timeseries: every metric, interval and zone', async () => {
    const d = differences()
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata']
    for (const [i, [metric, interval, timezone]] of combinations<[string, string, string]>(
      METRIC_NAMES,
      INTERVAL_NAMES,
      zones,
    ).entries()) {
      const period = interval === 'minute' ? '24h' : interval === 'hour' ? '7d' : '90d'
      await d.get(SITES[i % SITES.length], '/api/v1/stats/timeseries', { metric, interval, period, timezone })
    }
    d.done()
  })

  test('breakdown: every dimension by every metric, with and without a filter', async () => {
    const d = differences()
    const dimensions = [...DIMENSION_FIELDS, 'property:plan']
    const filters: Record<string, string>[] = [{}, { device_type: 'desktop' }]
    for (const [i, [dimension, metric, f]] of combinations<[string, string, Record<string, string>]>(
      dimensions,
      METRIC_NAMES,
      filters,
    ).entries())
      await d.get(SITES[i % SITES.length], '/api/v1/stats/breakdown', {
        dimension,
        metric,
        period: '90d',
        limit: 1000,
        ...f,
      })
    d.done()
  })

  test('funnels, retention, realtime and raw events', async () => {
    const d = differences()
    for (const site of SITES) {
      await d.post(site, '/api/v1/funnels', {
        site_id: site,
        period: '90d',
        steps: [
          { event_type: 'page_view', url: '/' },
          { event_type: 'page_view', url: '/pricing' },
          { event_type: 'signup' },
        ],
      })
      for (const interval of ['day', 'week'])
        await d.get(site, '/api/v1/retention', { interval, period: '90d', timezone: 'America/New_York' })
      await d.get(site, '/api/v1/stats/realtime', {})
      // Cursors are engine row ids: compare the events of the first pages.
      await d.get(site, '/api/v1/events', { period: '90d', limit: 200 }, (b) => b.data?.events)
      await d.get(
        site,
        '/api/v1/events',
        { period: '7d', limit: 50, device_type: 'mobile' },
        (b) => b.data?.events,
      )
    }
    d.done()
  })

  test('exports: NDJSON and CSV byte for byte, Parquet row for row with one schema, with and without a filter', async () => {
    const text = async (side: Side, site: string, q: string) => {
      const res = await side.h.request('GET', `/api/v1/export?site_id=${site}&${q}`, { key: side.keys[site] })
      return { status: res.status, body: await res.text() }
    }
    let lines = 0
    for (const site of SITES)
      for (const q of ['format=ndjson', 'format=csv', 'format=csv&period=30d&device_type=mobile']) {
        const a = await text(duck, site, q)
        const b = await text(ch, site, q)
        expect(a.status).toBe(200)
        expect({ q, ...b }).toEqual({ q, ...a })
        lines += a.body.split('\n').length
      }
    expect(lines).toBeGreaterThan(1000)
    // Parquet: ClickHouse's rows go through DuckDB's writer with DuckDB's types, so the two files hold
    // the same schema and the same rows in the same order.
    const parquet = async (side: Side, q: string) => {
      const res = await side.h.request('GET', `/api/v1/export?site_id=${SITES[0]}&format=parquet&${q}`, {
        key: side.keys[SITES[0]],
      })
      expect(res.status).toBe(200)
      const file = join(tmpdir(), `pulse-diff-${crypto.randomUUID()}.parquet`)
      await Bun.write(file, await res.arrayBuffer())
      const db = await DuckDBInstance.create(':memory:')
      const conn = await db.connect()
      try {
        const schema = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRows()
        const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowsJS()
        return { schema, rows }
      } finally {
        conn.closeSync()
        db.closeSync()
        rmSync(file, { force: true })
      }
    }
    for (const q of ['period=7d', 'period=30d&device_type=mobile']) {
      const a = await parquet(duck, q)
      expect(a.rows.length).toBeGreaterThan(0)
      expect(await parquet(ch, q)).toEqual(a)
    }
  })

  test('exports in small pages (windows and cursors) give the rows of one large page, in order', async () => {
    const store = ch.h.deps.events.store
    const sel = { siteId: SITES[1], range: { from: 0, to: ch.h.clock() + 1 }, filters: [] }
    const all = async (pageRows: number) => {
      const lease = await (store.holdReader as NonNullable<typeof store.holdReader>)('test')
      try {
        const out: unknown[][] = []
        for await (const page of readerExportRows(lease.reader, sel, { dialect: lease.dialect, pageRows }))
          out.push(...page)
        return out
      } finally {
        lease.release()
      }
    }
    const big = await all(1_000_000)
    expect(big.length).toBeGreaterThan(300)
    expect(await all(7)).toEqual(big)
  })

  test('web vitals: overall and by page, device type and country', async () => {
    const d = differences()
    for (const site of SITES)
      for (const by of ['none', 'page', 'device_type', 'country'])
        await d.get(site, '/api/v1/stats/web-vitals', { period: '7d', by })
    d.done()
  })
})
