// GET /api/v1/events, GET /api/v1/export and GET /api/v1/stats/realtime against the oracle: every
// event exactly once in the documented order, through every page size, format and filter.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { DuckDBInstance } from '@duckdb/node-api'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { FILTERS, filtersFor, mismatches } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { passes, type Row } from './oracle/oracle'
import { periodRange } from './oracle/time'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

/** A stored row as the API returns it. */
function apiEvent(r: Row) {
  return {
    site_id: r.site_id,
    event_type: r.event_type,
    timestamp: r.ts,
    session_id: r.session_id,
    user_id: r.user_id,
    url: r.url,
    referrer: r.referrer,
    device_type: r.device_type,
    country: r.country,
    properties: r.properties,
    event_id: r.event_id,
    received_at: T0,
    browser: null,
    browser_version: null,
    os: null,
    os_version: null,
    bot_reason: null,
    region: null,
    city: null,
    visitor_id: null,
    source: r.source,
    utm_source: null,
    utm_medium: null,
    utm_campaign: null,
    utm_term: null,
    utm_content: null,
    channel: r.channel,
  }
}

const newestFirst = (a: Row, b: Row) => b.ts - a.ts || b.idx - a.idx
const oldestFirst = (a: Row, b: Row) => a.ts - b.ts || a.idx - b.idx

async function allPages(params: Record<string, string | number>) {
  const out = []
  let cursor: string | null = null
  let pages = 0
  do {
    const data = await d.get('/api/v1/events', { ...params, ...(cursor ? { cursor } : {}) })
    out.push(...data.events)
    cursor = data.next_cursor
    pages++
  } while (cursor)
  return { events: out, pages }
}

describe('GET /api/v1/events matches the oracle', () => {
  test('without a period: every event of the site, newest first (ties in storage order), in any page size', async () => {
    for (const [site, limit] of [
      ['alpha', 1000],
      ['beta', 97],
    ] as const) {
      const expected = d.rows
        .filter((r) => r.site_id === site)
        .sort(newestFirst)
        .map(apiEvent)
      const got = await allPages({ site_id: site, limit })
      expect(got.events).toEqual(expected)
      expect(got.pages).toBe(Math.ceil(expected.length / limit))
    }
  })

  test('one event per page walks through equal timestamps without skipping or repeating', async () => {
    const r = periodRange('24h', T0, 'UTC')
    const expected = d.rows
      .filter((x) => x.site_id === 'gamma' && x.ts >= r.from && x.ts < r.to)
      .sort(newestFirst)
      .map(apiEvent)
    const ties = expected.filter((e, i) => i > 0 && e.timestamp === expected[i - 1].timestamp)
    expect(ties.length).toBeGreaterThan(0)
    const got = await allPages({ site_id: 'gamma', period: '24h', limit: 1 })
    expect(got.events).toEqual(expected)
  })

  test('periods and filters select the events', async () => {
    const m = mismatches()
    for (const [j, f] of FILTERS.entries()) {
      const site = SITES[j % SITES.length]
      const filters = filtersFor(site, f)
      const r = periodRange('7d', T0, 'UTC')
      const expected = d.rows
        .filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters))
        .sort(newestFirst)
        .map(apiEvent)
      const got = await allPages({ site_id: site, period: '7d', limit: 50, ...Object.fromEntries(filters) })
      m.check(JSON.stringify(filters), got.events, expected)
    }
    m.done(FILTERS.length)
  })
})

describe('GET /api/v1/export matches the oracle', () => {
  /** RFC 4180 records of `text` (CRLF line ends, "" escapes a quote inside quotes). */
  const parseCsv = (text: string): string[][] => {
    const rows: string[][] = []
    let row: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (quoted && c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = !quoted
      else if (!quoted && c === ',') {
        row.push(field)
        field = ''
      } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
        row.push(field)
        rows.push(row)
        row = []
        field = ''
        i++
      } else field += c
    }
    return rows
  }
  const csvOf = (e: ReturnType<typeof apiEvent>) =>
    Object.values(e).map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)))

  for (const [site, period, filters] of [
    ['alpha', undefined, []],
    ['beta', '30d', [['device_type', 'mobile']]],
    ['gamma', '90d', [['property.plan', 'pro']]],
  ] as [string, string | undefined, [string, string][]][])
    test(`${site} ${period ?? 'all time'} ${JSON.stringify(filters)}: ndjson, csv and parquet hold every event oldest first`, async () => {
      const r = period ? periodRange(period, T0, 'UTC') : { from: 0, to: Number.MAX_SAFE_INTEGER }
      const expected = d.rows
        .filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters))
        .sort(oldestFirst)
        .map(apiEvent)
      expect(expected.length).toBeGreaterThan(10)
      const qs = new URLSearchParams({
        site_id: site,
        ...(period ? { period } : {}),
        ...Object.fromEntries(filters),
      })
      const get = (format: string) =>
        d.h.request('GET', `/api/v1/export?${qs}&format=${format}`, { key: d.keys[site] })

      const nd = await get('ndjson')
      expect(nd.headers.get('content-type')).toContain('application/x-ndjson')
      expect(nd.headers.get('content-disposition')).toBe(`attachment; filename="${site}-events.ndjson"`)
      const lines = (await nd.text()).split('\n')
      expect(lines.pop()).toBe('')
      expect(lines.map((l) => JSON.parse(l))).toEqual(expected)

      const csv = await get('csv')
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const [header, ...rows] = parseCsv(await csv.text())
      expect(header).toEqual(Object.keys(expected[0]))
      expect(rows).toEqual(expected.map(csvOf))

      const pq = await get('parquet')
      expect(pq.headers.get('content-type')).toBe('application/vnd.apache.parquet')
      const file = `${require('node:os').tmpdir()}/pulse-test-${crypto.randomUUID()}.parquet`
      await Bun.write(file, await pq.arrayBuffer())
      const db = await DuckDBInstance.create(':memory:')
      const conn = await db.connect()
      const got = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS()
      conn.closeSync()
      db.closeSync()
      require('node:fs').rmSync(file)
      expect(
        got.map((g) => ({
          ...g,
          timestamp: Number(g.timestamp),
          received_at: Number(g.received_at),
          properties: g.properties === null ? null : JSON.parse(String(g.properties)),
        })),
      ).toEqual(expected)
    })
})

describe('GET /api/v1/stats/realtime matches the oracle', () => {
  test('the last five minutes: visitors, sessions, events, page views and top pages', async () => {
    for (const site of SITES)
      for (const filters of [[], [['device_type', 'desktop']]] as [string, string][][]) {
        const rows = d.rows.filter(
          (x) => x.site_id === site && x.ts >= T0 - 300_000 && x.ts < T0 && passes(x, filters),
        )
        const views = rows.filter((x) => x.event_type === 'page_view' && x.url !== null)
        const byUrl = new Map<string, Set<string>>()
        for (const v of views)
          byUrl.set(v.url!, (byUrl.get(v.url!) ?? new Set()).add(v.user_id ?? v.session_id))
        const top = [...byUrl]
          .map(([url, s]) => ({ url, visitors: s.size }))
          .sort((a, b) => b.visitors - a.visitors || (a.url < b.url ? -1 : 1))
          .slice(0, 3)
        const data = await d.get('/api/v1/stats/realtime', {
          site_id: site,
          limit: 3,
          ...Object.fromEntries(filters),
        })
        expect(data).toEqual({
          from: new Date(T0 - 300_000).toISOString(),
          to: new Date(T0).toISOString(),
          visitors: new Set(rows.map((x) => x.user_id ?? x.session_id)).size,
          sessions: new Set(rows.map((x) => x.session_id)).size,
          events: rows.length,
          page_views: rows.filter((x) => x.event_type === 'page_view').length,
          top_pages: top,
        })
      }
    const any = d.rows.filter((x) => x.ts >= T0 - 300_000 && x.ts < T0)
    expect(any.length).toBeGreaterThan(0)
  })
})
