// Retention: a site's `retention_days` is enforced by the daily prune through the events' delete path.
// The pruned site must answer every stat exactly as a database that never held the expired events (the
// reference app, seeded with the kept events only), its raw events must be exactly the kept ones, and
// another site must not change at all. The zone (Asia/Kolkata, UTC+05:30) puts the cut at a half hour,
// so the hour it falls in is rebuilt in session_hours; one session straddles the cut.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { csvRows } from '../../src/events/csv'
import { toRow } from '../../src/ingest/validate'
import { retentionCut } from '../../src/privacy/retention'
import type { Services } from '../../src/services'
import { METRIC_NAMES } from '../../src/stats/registry'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

const TZ = 'Asia/Kolkata'
const DAY = 86_400_000
const MIN = 60_000
// T0 is 2026-11-20 17:30 in Kolkata: keeping 3 days keeps Nov 17, 18, 19 and today (Nov 20), local.
const CUT = Date.UTC(2026, 10, 16, 18, 30)

/** Events of `site` over the 8 local days before T0, with a session across the cut. */
function seed(site: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (let d = 0; d < 8; d++)
    for (let s = 0; s < 4; s++) {
      const start = T0 - (d + 1) * DAY + s * 97 * MIN
      const common = {
        session_id: `${site}-${d}-${s}`,
        country: ['DE', 'IN', 'US'][s % 3],
        device_type: s % 2 ? 'mobile' : 'desktop',
      }
      out.push(event(site, { ...common, timestamp: start, url: `https://example.com/p${s}` }))
      if (s !== 1)
        out.push(event(site, { ...common, timestamp: start + 4 * MIN, url: 'https://example.com/' }))
      if (s === 2) out.push(event(site, { ...common, timestamp: start + 9 * MIN, event_type: 'signup' }))
    }
  const across = { session_id: `${site}-across`, country: 'FR' }
  for (const at of [CUT - 20 * MIN, CUT - 5 * MIN, CUT + 5 * MIN, CUT + 40 * MIN])
    out.push(event(site, { ...across, timestamp: at, url: `https://example.com/a${at % 7}` }))
  return out
}

async function store(t: TestApp, rows: Record<string, unknown>[], upTo: number) {
  const csv = csvRows(
    rows.map((r) => toRow(r as never, T0)),
    T0,
  )
  await t.deps.events.store.append({ chunks: [new TextEncoder().encode(csv)], rows: rows.length }, { upTo })
}

const admin = { key: ADMIN_TOKEN }
let pruned: TestApp
let reference: TestApp

/** Everything the stats API says of `site` over the seeded range, in the site's zone and in UTC. */
async function answers(t: TestApp, site: string) {
  const out: Record<string, unknown> = {}
  const range = `period=custom&from=${T0 - 10 * DAY}&to=${T0 + 60 * MIN}`
  const paths = [
    `/api/v1/stats?site_id=${site}&${range}&metrics=${METRIC_NAMES.join(',')}`,
    `/api/v1/stats/timeseries?site_id=${site}&${range}&metric=visitors&interval=day`,
    `/api/v1/stats/timeseries?site_id=${site}&${range}&metric=page_views&interval=hour&timezone=UTC`,
    ...['url', 'country', 'device_type', 'event_type'].flatMap((d) =>
      ['visitors', 'page_views', 'bounce_rate'].map(
        (m) => `/api/v1/stats/breakdown?site_id=${site}&${range}&dimension=${d}&metric=${m}`,
      ),
    ),
    `/api/v1/events?site_id=${site}&limit=1000`,
  ]
  for (const p of paths) {
    const r = await t.json('GET', p, admin)
    expect([p, r.status, r.body.error]).toEqual([p, 200, undefined])
    out[p] = r.body.data
  }
  return out
}

/** The session_hours rows of `site`, merged per key (fragments may be split differently). */
async function fragments(t: TestApp, site: string) {
  const r = await t.deps.db.reader.runAndReadAll(
    'SELECT hour, session_key, visitor_key, country, device_type, sum(events)::INTEGER, sum(page_views)::INTEGER, min(first_ts), max(last_ts) FROM session_hours WHERE site_id = $1 GROUP BY ALL ORDER BY ALL',
    [site],
  )
  return JSON.stringify(r.getRows(), (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
}

beforeAll(async () => {
  ;[pruned, reference] = await Promise.all([createTestApp(), createTestApp()])
  for (const t of [pruned, reference]) {
    for (const id of ['ret', 'keep']) await t.site(id)
    const r = await t.json('PATCH', '/api/v1/sites/ret', {
      ...admin,
      body: { timezone: TZ, retention_days: 3 },
    })
    expect(r.status).toBe(200)
    expect(r.body.data).toMatchObject({ timezone: TZ, retention_days: 3 })
  }
  await store(pruned, [...seed('ret'), ...seed('keep')], 1)
  await store(reference, [...seed('ret').filter((e) => (e.timestamp as number) >= CUT), ...seed('keep')], 1)
})
afterAll(async () => {
  await Promise.all([pruned?.close(), reference?.close()])
})

describe('retention', () => {
  test('the cut is local midnight `retention_days` days before today, DST included', () => {
    expect(retentionCut(TZ, 3, T0)).toBe(CUT)
    expect(retentionCut('UTC', 1, T0)).toBe(Date.UTC(2026, 10, 19))
    // Berlin, 2026-03-30 10:00 local: 2 days back is Mar 28 00:00 CET (+01:00), before the switch to CEST.
    expect(retentionCut('Europe/Berlin', 2, Date.UTC(2026, 2, 30, 8))).toBe(Date.UTC(2026, 2, 27, 23))
  })

  test('the prune removes exactly the expired days from every stat and the raw events, and nothing else', async () => {
    const keepBefore = await answers(pruned, 'keep')
    const keepFragments = await fragments(pruned, 'keep')
    const expired = seed('ret').filter((e) => (e.timestamp as number) < CUT).length
    const results = await (pruned.deps as unknown as Services).retention.tick()
    expect(results).toEqual([{ siteId: 'ret', before: CUT, deleted: expired }])
    expect(await answers(pruned, 'ret')).toEqual(await answers(reference, 'ret'))
    expect(await fragments(pruned, 'ret')).toBe(await fragments(reference, 'ret'))
    expect(await answers(pruned, 'keep')).toEqual(keepBefore)
    expect(await fragments(pruned, 'keep')).toBe(keepFragments)
    // Once a local day: a second tick the same day deletes nothing; /health reports the prune.
    expect(await (pruned.deps as unknown as Services).retention.tick()).toEqual([])
    const h = await pruned.json('GET', '/health', admin)
    expect(h.body.details.retention).toEqual({
      sites: 1,
      last_prune_at: new Date(T0).toISOString(),
      last_pruned_events: expired,
      last_error: null,
    })
  })

  test('a read that names no zone is cut in the site zone; a bad zone is a 422 naming it', async () => {
    const r = await pruned.json('GET', '/api/v1/stats?site_id=ret&period=today&metrics=visitors', admin)
    expect(r.body.data.timezone).toBe(TZ)
    expect(r.body.data.from).toBe(new Date(Date.UTC(2026, 10, 19, 18, 30)).toISOString())
    const bad = await pruned.json('PATCH', '/api/v1/sites/ret', {
      ...admin,
      body: { timezone: 'Mars/Olympus' },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toContain('Mars/Olympus')
    const off = await pruned.json('PATCH', '/api/v1/sites/ret', { ...admin, body: { retention_days: null } })
    expect(off.body.data.retention_days).toBeNull()
    expect((await pruned.json('GET', '/api/v1/sites/ret', admin)).body.data).toMatchObject({
      timezone: TZ,
      retention_days: null,
    })
  })
})
