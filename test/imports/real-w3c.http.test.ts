// A second real public access log, in the W3C extended format (IIS), through the real app: imported,
// then the same requests sent live by a server forwarding each visitor's `ip` and `user_agent`; both must
// give the same page views, visitors, bots and dimensions. GoAccess (Debian `goaccess`), run on the lines
// PULSE kept as page views, must agree on page views, visitors per day and top pages (paths, as PULSE's
// `path` dimension: the query string cut). The log: test/fixtures/import/real/README.md.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { eventTypeOf } from '../../src/imports/sources/access-log'
import { createW3cParser } from '../../src/imports/sources/w3c-log'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const LOG = await Bun.file(join(import.meta.dir, '../fixtures/import/real/iis_w3c.log')).bytes()
const LINES = new TextDecoder().decode(LOG).split('\n')
const PERIOD = 'period=custom&from=2015-01-13&to=2015-01-14&timezone=UTC'
const DIMENSIONS = [
  'url',
  'path',
  'browser',
  'os',
  'device_type',
  'country',
  'source',
  'channel',
  'event_type',
]

let h: TestApp
let live: { secret_key: string }
let imported: { secret_key: string }
let result: Record<string, any>

beforeAll(async () => {
  h = await createTestApp({ PULSE_MAX_EVENT_AGE_DAYS: '36500' })
  imported = await h.site('imported')
  live = await h.site('live')
  const res = await importBytes(h, 'source=w3c&site_id=imported', LOG)
  expect(res.status).toBe(200)
  result = res.body.data
  // The same requests, live: the events a server would send, forwarding its visitor's address and UA.
  const parse = createW3cParser()
  const events: Record<string, unknown>[] = []
  let offset = 0
  for (const text of LINES) {
    const r = parse(text)
    const at = offset
    offset += Buffer.byteLength(text) + 1
    if (text === '' || 'directive' in r || 'invalid' in r) continue
    const kind = eventTypeOf(r)
    if ('ignore' in kind) continue
    events.push({
      site_id: 'live',
      event_type: kind.type,
      timestamp: r.ts,
      session_id: Bun.hash(`${r.ip}|${r.userAgent}|${Math.floor(r.ts / 86_400_000)}`).toString(36),
      url: r.uri,
      referrer: r.referrer,
      event_id: `live-${at}`,
      ip: r.ip,
      user_agent: r.userAgent,
    })
  }
  const sent = await h.json('POST', '/collect/batch', { key: live.secret_key, body: { events } })
  expect(sent.status).toBe(200)
  await h.deps.buffer.flush()
})
afterAll(() => h.close())

/** POST `bytes` as they are (not as JSON text) to the import route. */
async function importBytes(app: TestApp, query: string, bytes: Uint8Array) {
  const res = await app.app.handle(
    new Request(`http://localhost/api/v1/admin/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  )
  return { status: res.status, body: (await res.json()) as { data: any; error?: string } }
}

const get = async (path: string, key: string) => {
  const res = await h.json('GET', path, { key })
  expect(res.status).toBe(200)
  return res.body.data
}

describe('a real IIS log (W3C extended format, January 2015)', () => {
  test('every request line is accounted for, by reason; directives are not lines to count', () => {
    const requests = LINES.filter((l) => l !== '' && !l.startsWith('#')).length
    expect(requests).toBe(210)
    expect(result.imported + result.ignored + result.invalid + result.skipped).toBe(requests)
    expect(result.reasons).toEqual({
      bot: 3,
      download: 0,
      static: 0,
      redirect: 0,
      client_error: 202,
      server_error: 0,
      method: 0,
      too_old: 0,
      excluded: 0,
      other: 0,
      invalid: 0,
    })
    expect(result.imported).toBe(8)
    expect(result.issues).toEqual([])
  })

  test('import and live agree: page views, visitors, bots', async () => {
    for (const include of ['', '&include_bots=true']) {
      const q = (site: string, key: string) =>
        get(`/api/v1/stats?site_id=${site}&metrics=page_views,visitors,event_count&${PERIOD}${include}`, key)
      const [a, b] = [await q('imported', imported.secret_key), await q('live', live.secret_key)]
      expect(a.metrics).toEqual(b.metrics)
    }
  })

  for (const dimension of [...DIMENSIONS, 'bot_reason'])
    test(`import and live agree: breakdown by ${dimension}`, async () => {
      const q = (site: string, key: string) =>
        get(
          `/api/v1/stats/breakdown?site_id=${site}&dimension=${dimension}&metric=visitors&limit=1000&${PERIOD}${dimension === 'bot_reason' ? '&include_bots=true' : ''}`,
          key,
        )
      const [a, b] = [await q('imported', imported.secret_key), await q('live', live.secret_key)]
      expect(a.rows.length).toBeGreaterThan(0)
      expect(a.rows).toEqual(b.rows)
    })

  test('the User-Agent is read with its + as spaces: browsers and bots are named', async () => {
    const browsers = await get(
      `/api/v1/stats/breakdown?site_id=imported&dimension=browser&metric=visitors&${PERIOD}`,
      imported.secret_key,
    )
    expect(browsers.rows.map((r: { key: string }) => r.key)).toContain('Chrome')
    const bots = await get(
      `/api/v1/stats/breakdown?site_id=imported&dimension=bot_reason&metric=page_views&include_bots=true&${PERIOD}`,
      imported.secret_key,
    )
    expect(bots.rows.filter((r: { key: string | null }) => r.key !== null).length).toBeGreaterThan(0)
  })
})

/** GoAccess's JSON report of `lines` (this log's W3C fields, the query column skipped; no configuration file). */
function goaccess(lines: string[]): Record<string, any> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-goaccess-'))
  try {
    writeFileSync(join(dir, 'kept.log'), `${lines.join('\n')}\n`)
    const run = Bun.spawnSync([
      'goaccess',
      join(dir, 'kept.log'),
      '--log-format=%d %t %^ %m %U %^ %^ %^ %h %u %R %s %^ %^ %b %^ %L',
      '--date-format=%Y-%m-%d',
      '--time-format=%H:%M:%S',
      '--no-global-config',
      '-o',
      join(dir, 'report.json'),
    ])
    if (run.exitCode !== 0) throw new Error(`goaccess failed: ${run.stderr.toString()}`)
    return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('against GoAccess, on the lines PULSE kept as page views', () => {
  let report: Record<string, any>
  beforeAll(async () => {
    // The event id ends in the line's byte offset: the stored page views name their lines.
    const byOffset = new Map<number, string>()
    let offset = 0
    for (const text of LINES) {
      byOffset.set(offset, text)
      offset += Buffer.byteLength(text) + 1
    }
    const rows = await queryRows<{ event_id: string }>(
      h.deps.db.reader,
      "SELECT event_id FROM events WHERE site_id = 'imported' AND event_type = 'page_view' AND bot_reason IS NULL",
    )
    const kept = rows.map((r) => byOffset.get(Number.parseInt(r.event_id.split(':')[2], 36)) as string)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.every((k) => k !== undefined)).toBe(true)
    report = goaccess(kept)
  })

  test('page views, visitors per day', async () => {
    const pulse = await get(
      `/api/v1/stats?site_id=imported&metrics=page_views,visitors&event_type=page_view&${PERIOD}`,
      imported.secret_key,
    )
    expect(report.general.total_requests).toBe(pulse.metrics.page_views)
    const days = await get(
      `/api/v1/stats/timeseries?site_id=imported&metric=visitors&interval=day&event_type=page_view&${PERIOD}`,
      imported.secret_key,
    )
    const ours = Object.fromEntries(
      days.points
        .filter((p: { value: number }) => p.value > 0)
        .map((p: { time: string; value: number }) => [p.time.slice(0, 10).replaceAll('-', ''), p.value]),
    )
    const theirs = Object.fromEntries(report.visitors.data.map((d: any) => [d.data, d.visitors.count]))
    expect(ours).toEqual(theirs)
  })

  test('top pages by path', async () => {
    const top = await get(
      `/api/v1/stats/breakdown?site_id=imported&dimension=path&metric=page_views&limit=20&${PERIOD}`,
      imported.secret_key,
    )
    const hits = new Map<string, number>()
    for (const panel of ['requests', 'static_requests'])
      for (const d of report[panel].data) hits.set(d.data, (hits.get(d.data) ?? 0) + d.hits.count)
    expect(top.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual(
      [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    )
  })
})
