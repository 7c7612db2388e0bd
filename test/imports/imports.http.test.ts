// The importers through the admin API on a real in-memory database: each fixture's counts, a second run
// that stores nothing, a dry run that stores nothing, and deleting one import by its id.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const FIXTURES = join(import.meta.dir, '../fixtures/import')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

const CASES = [
  { source: 'umami', file: 'umami-website_event.csv', imported: 9, skipped: 1, invalid: 1, ignored: 0 },
  { source: 'ga4', file: 'ga4-events.ndjson', imported: 7, skipped: 0, invalid: 1, ignored: 0 },
  { source: 'combined', file: 'nginx-access.log', imported: 7, skipped: 0, invalid: 1, ignored: 3 },
  { source: 'caddy', file: 'caddy-access.log', imported: 4, skipped: 0, invalid: 0, ignored: 1 },
] as const

let h: TestApp
beforeEach(async () => {
  h = await createTestApp()
  await h.site('imported')
})
afterEach(() => h.close())

async function importFile(source: string, file: string, extra = '') {
  const res = await h.json(
    'POST',
    `/api/v1/admin/imports?source=${source}&site_id=imported&file_name=${file}${extra}`,
    {
      key: ADMIN_TOKEN,
      body: fixture(file),
      headers: { 'content-type': 'text/plain' },
    },
  )
  expect(res.status).toBe(200)
  return res.body.data
}

const countEvents = async () =>
  (await queryRows<{ n: number }>(h.deps.db.reader, 'SELECT count(*) AS n FROM events'))[0].n

describe('imports', () => {
  for (const c of CASES)
    test(`${c.source}: counts, a second run stores nothing, a dry run stores nothing`, async () => {
      const dry = await importFile(c.source, c.file, '&dry_run=true')
      expect(dry).toMatchObject({
        dry_run: true,
        imported: c.imported,
        skipped: c.skipped,
        invalid: c.invalid,
        ignored: c.ignored,
      })
      expect(await countEvents()).toBe(0)
      const first = await importFile(c.source, c.file)
      expect(first).toMatchObject({
        imported: c.imported,
        skipped: c.skipped,
        invalid: c.invalid,
        ignored: c.ignored,
      })
      expect(await countEvents()).toBe(c.imported)
      const again = await importFile(c.source, c.file)
      expect(again).toMatchObject({ imported: 0, skipped: c.imported + c.skipped, invalid: c.invalid })
      expect(await countEvents()).toBe(c.imported)
      const list = (await h.json('GET', '/api/v1/admin/imports', { key: ADMIN_TOKEN })).body.data
      expect(list).toHaveLength(2)
      expect(list.find((r: { import_id: string }) => r.import_id === first.import_id)).toMatchObject({
        source: c.source,
        site_id: 'imported',
        file_name: c.file,
        imported: c.imported,
        invalid: c.invalid,
      })
    })

  test('history older than PULSE_MAX_EVENT_AGE_DAYS is accepted; the mapping lands in the right fields', async () => {
    await importFile('umami', 'umami-website_event.csv')
    const [row] = await queryRows(
      h.deps.db.reader,
      "SELECT * FROM events WHERE event_id = 'umami:e0000000-0000-4000-8000-000000000002'",
    )
    expect(row).toMatchObject({
      site_id: 'imported',
      event_type: 'page_view',
      ts: Date.UTC(2024, 2, 1, 10, 1, 30),
      session_id: '9a000000-0000-4000-8000-000000000001',
      user_id: '5f0a0000-0000-4000-8000-000000000001',
      url: 'https://example.com/pricing?plan=pro',
      device_type: 'desktop',
      country: 'US',
    })
    expect(JSON.parse(row.properties as string)).toEqual({ title: 'Pricing, plans and "offers"' })
    const custom = await queryRows(
      h.deps.db.reader,
      "SELECT event_type FROM events WHERE event_type <> 'page_view'",
    )
    expect(custom).toEqual([{ event_type: 'signup' }])
  })

  test('GA4: µs timestamps, sessions per user, country names to codes', async () => {
    await importFile('ga4', 'ga4-events.ndjson')
    const rows = await queryRows<Record<string, unknown>>(
      h.deps.db.reader,
      'SELECT event_type, ts, session_id, user_id, url, referrer, device_type, country FROM events ORDER BY ts, event_type',
    )
    expect(rows[1]).toEqual({
      event_type: 'page_view',
      ts: 1712311200123,
      session_id: '1234567890.1712311200.1712311200',
      user_id: '1234567890.1712311200',
      url: 'https://example.com/',
      referrer: 'https://www.google.com/',
      device_type: 'desktop',
      country: 'US',
    })
    expect(rows.map((r) => r.country)).toEqual(['US', 'US', 'US', 'DE', 'DE', 'TR', null])
    expect(rows[2].user_id).toBe('customer-42')
  })

  test('access logs: page views only, IPs never stored, one visitor per IP, agent and day', async () => {
    const r = await importFile('combined', 'nginx-access.log')
    expect(r.reasons).toMatchObject({ bot: 1, static: 1, method: 1, client_error: 1, invalid: 1 })
    const bots = await queryRows(
      h.deps.db.reader,
      'SELECT url, bot_reason FROM events WHERE bot_reason IS NOT NULL',
    )
    expect(bots).toEqual([{ url: '/pricing', bot_reason: 'ua' }])
    const rows = await queryRows<Record<string, unknown>>(
      h.deps.db.reader,
      'SELECT url, referrer, device_type, session_id FROM events WHERE bot_reason IS NULL ORDER BY ts, rowid',
    )
    expect(rows.map((r) => r.url)).toEqual([
      '/',
      '/pricing?plan=pro',
      '/docs',
      '/docs',
      '/blog/hello',
      '/account',
    ])
    expect(rows.map((r) => r.device_type)).toEqual([
      'desktop',
      'desktop',
      'mobile',
      'mobile',
      'desktop',
      'mobile',
    ])
    expect(rows[0].session_id).toBe(rows[1].session_id)
    expect(rows[0].session_id).not.toBe(rows[2].session_id)
    const text = JSON.stringify(await queryRows(h.deps.db.reader, 'SELECT * FROM events'))
    expect(text).not.toContain('203.0.113.7')
  })

  test('deleting an import removes exactly its events', async () => {
    const umami = await importFile('umami', 'umami-website_event.csv')
    const caddy = await importFile('caddy', 'caddy-access.log')
    const del = await h.json('DELETE', `/api/v1/admin/imports/${umami.import_id}`, { key: ADMIN_TOKEN })
    expect(del.body.data).toEqual({ import_id: umami.import_id, deleted_events: 9 })
    const left = await queryRows<{ import_id: string; n: number }>(
      h.deps.db.reader,
      'SELECT import_id, count(*) AS n FROM events GROUP BY ALL',
    )
    expect(left).toEqual([{ import_id: caddy.import_id, n: 4 }])
    const list = (await h.json('GET', '/api/v1/admin/imports', { key: ADMIN_TOKEN })).body.data
    expect(list.map((r: { import_id: string }) => r.import_id)).toEqual([caddy.import_id])
    expect(
      (await h.json('DELETE', `/api/v1/admin/imports/${umami.import_id}`, { key: ADMIN_TOKEN })).status,
    ).toBe(404)
  })

  test('refusals: no admin token, unknown site, a source that needs a site', async () => {
    const body = fixture('caddy-access.log')
    expect(
      (await h.json('POST', '/api/v1/admin/imports?source=caddy&site_id=imported', { body })).status,
    ).toBe(401)
    const unknown = await h.json('POST', '/api/v1/admin/imports?source=caddy&site_id=nope', {
      key: ADMIN_TOKEN,
      body,
    })
    expect(unknown.status).toBe(422)
    const noSite = await h.json('POST', '/api/v1/admin/imports?source=caddy', { key: ADMIN_TOKEN, body })
    expect(noSite.status).toBe(422)
  })
})
