// A Plausible CSV export (test/fixtures/import/plausible: ten tables made by make_export.py from random
// sessions, exactly as Plausible's exporter aggregates them, zipped) imported with the CLI's reader into
// the real app, then read through the stats API. expected.json holds the figures computed from the
// sessions themselves: each day's visitors, sessions, page views, bounce rate and visit duration (in
// Europe/Berlin, across its change to summer time), sessions per source, country, device, browser, OS,
// entry page and campaign, page views per URL and events per custom name must all equal them.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AdminOps } from '../../src/cli/admin-ops'
import { importPlausibleExport } from '../../src/cli/plausible-export'
import type { ImportResult } from '../../src/imports/model'
import { readZip } from '../../src/imports/zip'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const DIR = join(import.meta.dir, '../fixtures/import/plausible')
const ZIP = join(DIR, 'export.zip')
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'))
const TZ = 'Europe/Berlin'
const RANGE = `period=custom&from=2024-03-30&to=2024-04-02&timezone=${TZ}`

let h: TestApp
let ops: AdminOps
let first: ImportResult
const parts: number[] = []

beforeAll(async () => {
  h = await createTestApp()
  await h.site('shop', ['shop.example.com'])
  ops = {
    via: 'database',
    request: (method, path, body, headers) => {
      if (path.startsWith('/api/v1/admin/imports?')) parts.push(1)
      return h.app.handle(
        new Request(`http://localhost${path}`, {
          method,
          body,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
        }),
      )
    },
  } as AdminOps
  // Parts of about one day each: every part must carry all of its days' tables.
  first = await importPlausibleExport(ops, ZIP, { siteId: 'shop', timezone: TZ, partBytes: 70_000 })
})
afterAll(() => h.close())

async function breakdown(dimension: string, metric: string): Promise<Record<string, number>> {
  const r = await h.json(
    'GET',
    `/api/v1/stats/breakdown?site_id=shop&${RANGE}&dimension=${dimension}&metric=${metric}&limit=100`,
    { key: ADMIN_TOKEN },
  )
  expect(r.status).toBe(200)
  return Object.fromEntries(
    (r.body.data.rows as { key: string | null; value: number }[]).map((row) => [
      row.key ?? '(none)',
      row.value,
    ]),
  )
}

describe('Plausible export import', () => {
  test('every table is read, nothing is invalid, and the parts were whole days', () => {
    const pageViews = Object.values(expected.page_views_by_url as Record<string, number>).reduce(
      (a, b) => a + b,
    )
    const custom = Object.values(expected.events_by_type as Record<string, number>).reduce((a, b) => a + b)
    expect(first).toMatchObject({ imported: pageViews + custom, skipped: 0, invalid: 0, ignored: 0 })
    expect(first.issues).toEqual([])
    expect(parts.length).toBeGreaterThan(1)
    expect(readZip(readFileSync(ZIP)).map((e) => e.name).length).toBe(10)
  })

  for (const metric of ['visitors', 'unique_sessions', 'page_views', 'bounce_rate', 'avg_session_duration'])
    test(`${metric} of each day in ${TZ} equals the sessions'`, async () => {
      const r = await h.json(
        'GET',
        `/api/v1/stats/timeseries?site_id=shop&${RANGE}&interval=day&metric=${metric}`,
        { key: ADMIN_TOKEN },
      )
      expect(r.status).toBe(200)
      const got = Object.fromEntries(
        (r.body.data.points as { time: string; value: number }[]).map((p) => [p.time.slice(0, 10), p.value]),
      )
      const want = Object.fromEntries(
        Object.entries(expected.days as Record<string, Record<string, number>>).map(([d, v]) => [
          d,
          v[metric],
        ]),
      )
      expect(got).toEqual(want)
    })

  for (const dimension of ['source', 'country', 'device_type', 'browser', 'os', 'entry_page', 'utm_campaign'])
    test(`sessions by ${dimension} equal the sessions'`, async () => {
      expect(await breakdown(dimension, 'unique_sessions')).toEqual(expected.sessions_by[dimension])
    })

  test("page views by URL and events by custom name equal the sessions'", async () => {
    expect(await breakdown('url', 'page_views')).toEqual(expected.page_views_by_url)
    const events = await breakdown('event_type', 'event_count')
    delete events.page_view
    expect(events).toEqual(expected.events_by_type)
  })

  test('importing the export again stores nothing twice', async () => {
    const again = await importPlausibleExport(ops, ZIP, {
      siteId: 'shop',
      timezone: TZ,
      partBytes: 1_000_000,
    })
    expect(again).toMatchObject({ imported: 0, skipped: first.imported, invalid: 0 })
  })

  test('a bad row is reported with its file and line; the rest of the day is kept or left out whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-plausible-'))
    writeFileSync(
      join(dir, 'imported_visitors_20240101_20240102.csv'),
      '"date","visitors","pageviews","bounces","visits","visit_duration"\n"2024-01-01",2,3,1,2,60\n"2024-13-01",1,1,1,1,0\n',
    )
    writeFileSync(
      join(dir, 'imported_pages_20240101_20240102.csv'),
      '"date","hostname","page","visits","visitors","pageviews"\n"2024-01-01","shop.example.com","/",2,2,3\n"2024-01-02","shop.example.com","/x",1,1,1\n',
    )
    await h.site('bad')
    const r = await importPlausibleExport(ops, dir, { siteId: 'bad', partBytes: 1_000_000 })
    expect(r.imported).toBe(3)
    expect(r.invalid).toBe(2)
    expect(r.issues).toEqual([
      { line: 3, message: 'imported_visitors_20240101_20240102.csv: date is not a day: 2024-13-01' },
      {
        line: 3,
        message:
          'imported_pages_20240101_20240102.csv: no visitors row for 2024-01-02: its other rows are left out',
      },
    ])
  })

  test('a file that is no table of an export is refused by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-plausible-'))
    writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n')
    await expect(importPlausibleExport(ops, dir, { siteId: 'bad', partBytes: 1_000_000 })).rejects.toThrow(
      'other.csv: not a table of a Plausible export',
    )
  })
})
