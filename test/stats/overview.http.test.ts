// GET /api/v1/overview: every figure equals what the per-site API answers (visitors and page views from
// /api/v1/stats, each sparkline point from /api/v1/stats/timeseries), with bots, partial hours at the edges
// and a half-hour zone; each caller sees exactly the sites it may read.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createApp } from '../../src/app'
import { csvRows } from '../../src/events/csv'
import type { EventRow } from '../../src/events/fields'
import { toRow } from '../../src/ingest/validate'
import { type AccountsFixture, accountsFixture } from '../accounts/fixture'
import { event, T0 } from '../helpers/app'

const HOUR = 3_600_000
let f: AccountsFixture

beforeAll(async () => {
  f = await accountsFixture()
  await f.h.site('site_c')
  const rows: EventRow[] = []
  for (const [n, site] of ['site_a', 'site_b', 'site_c'].entries())
    for (let i = 0; i < 40 + n * 7; i++) {
      const row = toRow(
        event(site, {
          session_id: `${site}-${i % (9 + n)}`,
          timestamp: Math.round(T0 - 1000 - i * 4.3 * HOUR - n * 611_000),
          url: `https://example.com/${i % 3}`,
          event_type: i % 4 === 3 ? 'signup' : 'page_view',
        }) as never,
        T0,
      )
      // Some bots: left out of every figure.
      if (i % 11 === 5) row.botReason = 'ua'
      rows.push(row)
    }
  const csv = csvRows(rows, T0)
  await f.h.deps.events.store.append(
    { chunks: [new TextEncoder().encode(csv)], rows: rows.length },
    { upTo: 1 },
  )
})
afterAll(() => f?.close())

const get = async (path: string, creds: Record<string, string>) => {
  const r = await f.h.json('GET', path, { headers: creds })
  return { status: r.status, data: r.body.data, body: r.body }
}

describe('GET /api/v1/overview', () => {
  for (const [period, tz] of [
    ['24h', 'UTC'],
    ['7d', 'Asia/Kolkata'],
    ['30d', 'America/New_York'],
  ])
    test(`${period} in ${tz}: each site's figures equal the per-site API's`, async () => {
      const admin = f.creds['admin-token']
      const o = await get(`/api/v1/overview?period=${period}&timezone=${tz}`, admin)
      expect(o.status).toBe(200)
      expect(o.data.sites.map((s: { site_id: string }) => s.site_id)).toEqual(['site_a', 'site_b', 'site_c'])
      for (const s of o.data.sites) {
        const q = `site_id=${s.site_id}&period=${period}&timezone=${tz}`
        const sum = await get(`/api/v1/stats?${q}&metrics=visitors,page_views`, admin)
        expect([s.site_id, s.visitors, s.page_views]).toEqual([
          s.site_id,
          sum.data.metrics.visitors,
          sum.data.metrics.page_views,
        ])
        const ts = await get(
          `/api/v1/stats/timeseries?${q}&metric=visitors&interval=${o.data.interval}`,
          admin,
        )
        expect(o.data.buckets).toEqual(ts.data.points.map((p: { time: string }) => p.time))
        expect(s.sparkline).toEqual(ts.data.points.map((p: { value: number }) => p.value))
      }
      expect(o.data.sites.some((s: { visitors: number }) => s.visitors > 0)).toBe(true)
    })

  test('the events path (fragment reads off, as on ClickHouse) gives the same answer', async () => {
    const events = createApp({ ...f.h.deps, readOptions: { fragments: false } })
    for (const period of ['24h', '7d', '30d']) {
      const path = `/api/v1/overview?period=${period}&timezone=America/New_York`
      const headers = f.creds['admin-token']
      const viaEvents = await (
        await events.handle(new Request(`http://localhost${path}`, { headers }))
      ).json()
      expect(viaEvents).toEqual((await f.h.json('GET', path, { headers })).body)
    }
  })

  test('each caller sees the sites it may read; site keys and restricted credentials are refused', async () => {
    const ids = async (who: string) =>
      (await get('/api/v1/overview?period=7d', f.creds[who])).data?.sites.map(
        (s: { site_id: string }) => s.site_id,
      )
    expect(await ids('session owner')).toEqual(['site_a', 'site_b', 'site_c'])
    expect(await ids('session viewer')).toEqual(['site_a'])
    expect(await ids('session viewer (other site)')).toEqual(['site_b'])
    expect(await ids('api-token viewer')).toEqual(['site_a'])
    for (const who of ['secret-key', 'read-key', 'share-link'])
      expect((await get('/api/v1/overview', f.creds[who])).status).toBe(403)
    expect((await get('/api/v1/overview', f.creds.none)).status).toBe(401)
    const all = await get('/api/v1/overview?period=all', f.creds['admin-token'])
    expect([all.status, all.body.error]).toEqual([422, expect.stringContaining('period=all')])
  })
})
