// A real public access log (test/fixtures/import/real/README.md) through the real app: imported, then
// the same requests sent live by a server forwarding each visitor's `ip` and `user_agent`; both must
// give the same page views, visitors, bots and dimensions. Then GoAccess (Debian `goaccess`), run on
// the lines PULSE kept, must agree on page views, visitors per day and top pages.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { eventTypeOf, type LogRequest, parseCombined } from '../../src/imports/sources/access-log'
import { defaultGeoDbPath } from '../../src/ingest/enrich/geo'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const LOG = Bun.gunzipSync(
  await Bun.file(join(import.meta.dir, '../fixtures/import/real/apache_logs.gz')).bytes(),
)
const LINES = new TextDecoder().decode(LOG).split('\n')
/** The log's own host: its pages link each other with absolute URLs on it. */
const HOST = 'semicomplete.com'
const PERIOD = 'period=custom&from=2015-05-16&to=2015-05-21&timezone=UTC'
const DIMENSIONS = ['url', 'browser', 'os', 'device_type', 'country', 'source', 'channel', 'event_type']

let h: TestApp
let live: { secret_key: string }
let imported: { secret_key: string }
let result: Record<string, any>

beforeAll(async () => {
  // History: the log is from 2015, so live events may be that old here.
  h = await createTestApp({ PULSE_MAX_EVENT_AGE_DAYS: '36500' })
  imported = await h.site('imported')
  live = await h.site('live', [HOST])
  const res = await importBytes(h, `source=combined&site_id=imported&host=${HOST}`, LOG)
  expect(res.status).toBe(200)
  result = res.body.data
  // The same requests, live: the events a server would send, forwarding its visitor's address and UA.
  const events: Record<string, unknown>[] = []
  let offset = 0
  for (const text of LINES) {
    const r = parseCombined(text)
    const at = offset
    offset += Buffer.byteLength(text) + 1
    if (text === '' || 'invalid' in r) continue
    const kind = eventTypeOf(r)
    if ('ignore' in kind) continue
    events.push({
      site_id: 'live',
      event_type: kind.type,
      timestamp: r.ts,
      // A server's own session: one per visitor and day, as a log import makes them.
      session_id: Bun.hash(`${r.ip}|${r.userAgent}|${Math.floor(r.ts / 86_400_000)}`).toString(36),
      url: r.uri,
      referrer: r.referrer,
      event_id: `live-${at}`,
      ip: r.ip,
      user_agent: r.userAgent,
    })
  }
  for (let i = 0; i < events.length; i += 1000) {
    const sent = await h.json('POST', '/collect/batch', {
      key: live.secret_key,
      body: { events: events.slice(i, i + 1000) },
    })
    expect(sent.status).toBe(200)
  }
  await h.deps.buffer.flush()
}, 60_000)
afterAll(() => h.close())

/** POST `bytes` as they are (not as JSON text) to the import route. */
export async function importBytes(app: TestApp, query: string, bytes: Uint8Array) {
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

describe('a real Apache log (semicomplete.com, May 2015)', () => {
  test('every line is accounted for, by reason', () => {
    const r = result.reasons
    const lines = LINES.filter((l) => l !== '').length
    expect(result.imported + result.ignored + result.invalid + result.skipped).toBe(lines)
    expect(
      r.static + r.redirect + r.client_error + r.server_error + r.method + r.too_old + r.excluded + r.other,
    ).toBe(result.ignored)
    // Bots are stored (flagged), downloads become file_download events, the rest is counted by reason.
    expect(r).toEqual({
      bot: 2316,
      download: 66,
      static: 5703,
      redirect: 163,
      client_error: 206,
      server_error: 2,
      method: 48,
      too_old: 0,
      excluded: 0,
      other: 0,
      invalid: 1,
    })
    // One line of the published log is cut off inside its User-Agent.
    expect(result.invalid).toBe(1)
    expect(result.issues).toEqual([{ line: 8899, message: 'not a combined-format log line' }])
  })

  test('import and live agree: page views, visitors, bots', async () => {
    for (const include of ['', '&include_bots=true']) {
      const q = (site: string, key: string) =>
        get(`/api/v1/stats?site_id=${site}&metrics=page_views,visitors,event_count&${PERIOD}${include}`, key)
      const [a, b] = [await q('imported', imported.secret_key), await q('live', live.secret_key)]
      expect(a.metrics).toEqual(b.metrics)
    }
  })

  test('the site is never its own source: its host is internal navigation', async () => {
    for (const [site, key] of [
      ['imported', imported.secret_key],
      ['live', live.secret_key],
    ]) {
      const sources = await get(
        `/api/v1/stats/breakdown?site_id=${site}&dimension=source&metric=visitors&limit=1000&${PERIOD}`,
        key,
      )
      const keys = sources.rows.map((r: { key: string | null }) => r.key)
      expect(keys).not.toContain(HOST)
      expect(keys.slice(0, 2)).toEqual(['Google', null])
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
      expect(a.rows).toEqual(b.rows)
    })
})

/** GoAccess's JSON report of `lines` (COMBINED format, no configuration file). */
function goaccess(lines: string[]): Record<string, any> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-goaccess-'))
  try {
    writeFileSync(join(dir, 'kept.log'), `${lines.join('\n')}\n`)
    const run = Bun.spawnSync([
      'goaccess',
      join(dir, 'kept.log'),
      '--log-format=COMBINED',
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
  /** Each kept page view's line and stored country. */
  let kept: { line: string; country: string | null }[]
  beforeAll(async () => {
    // The event id ends in the line's byte offset: the stored page views name their lines.
    const byOffset = new Map<number, string>()
    let offset = 0
    for (const text of LINES) {
      byOffset.set(offset, text)
      offset += Buffer.byteLength(text) + 1
    }
    const rows = await queryRows<{ event_id: string; country: string | null }>(
      h.deps.db.reader,
      "SELECT event_id, country FROM events WHERE site_id = 'imported' AND event_type = 'page_view' AND bot_reason IS NULL",
    )
    kept = rows.map((r) => ({
      line: byOffset.get(Number.parseInt(r.event_id.split(':')[2], 36)) as string,
      country: r.country,
    }))
    expect(kept.every((k) => k.line !== undefined)).toBe(true)
    report = goaccess(kept.map((k) => k.line))
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

  test('top pages', async () => {
    const top = await get(
      `/api/v1/stats/breakdown?site_id=imported&dimension=url&metric=page_views&limit=20&${PERIOD}`,
      imported.secret_key,
    )
    const hits = new Map<string, number>()
    for (const panel of ['requests', 'static_requests'])
      for (const d of report[panel].data) hits.set(d.data, (hits.get(d.data) ?? 0) + d.hits.count)
    const theirs = [...hits].sort((a, b) => b[1] - a[1])
    // GoAccess shows paths percent-decoded.
    const decoded = (k: string) => {
      try {
        return decodeURIComponent(k)
      } catch {
        return k
      }
    }
    for (const row of top.rows)
      expect([row.key, hits.get(row.key) ?? hits.get(decoded(row.key))]).toEqual([row.key, row.value])
    expect(top.rows[0].value).toBe(theirs[0][1])
  })

  test('countries agree with libmaxminddb (Debian mmdblookup) on the same database file', () => {
    const file = defaultGeoDbPath() as string
    // A fixed sample of the visitors' addresses (one lookup process each keeps the sample small).
    const byIp = new Map<string, string | null>()
    for (const k of kept) byIp.set((parseCombined(k.line) as LogRequest).ip, k.country)
    const sample = [...byIp].filter((_, i) => i % 8 === 0)
    expect(sample.length).toBeGreaterThan(50)
    for (const [ip, country] of sample) {
      const run = Bun.spawnSync(['mmdblookup', '--file', file, '--ip', ip, 'country_code'])
      const theirs = /"([A-Z]{2})"/.exec(run.stdout.toString())?.[1] ?? null
      expect([ip, country]).toEqual([ip, theirs])
    }
  })

  test('browser and system families', async () => {
    const families = async (dimension: string) => {
      const res = await get(
        `/api/v1/stats/breakdown?site_id=imported&dimension=${dimension}&metric=visitors&limit=50&event_type=page_view&${PERIOD}`,
        imported.secret_key,
      )
      return new Map<string, number>(res.rows.map((r: { key: string; value: number }) => [r.key, r.value]))
    }
    const theirs = (panel: string) =>
      new Map<string, number>(report[panel].data.map((d: any) => [d.data, d.visitors.count]))
    const [browsers, systems] = [await families('browser'), await families('os')]
    const [gaBrowsers, gaSystems] = [theirs('browsers'), theirs('os')]
    // Distributions are Linux, Chromium and Iceweasel their families: no such names of their own.
    for (const name of ['Ubuntu', 'CentOS', 'GNU', 'Debian', 'Fedora']) expect(systems.has(name)).toBe(false)
    for (const name of ['Chromium', 'Iceweasel']) expect(browsers.has(name)).toBe(false)
    // The same families, the same visitors.
    expect(browsers.get('Firefox')).toBe(gaBrowsers.get('Firefox') as number)
    for (const [ours, name] of [
      ['Windows', 'Windows'],
      ['macOS', 'Macintosh'],
      ['iOS', 'iOS'],
      ['Android', 'Android'],
    ])
      expect([ours, systems.get(ours)]).toEqual([ours, gaSystems.get(name)])
    // Within three visitors: GoAccess files a few rarer browsers (Iron, Maxthon) under a big family.
    for (const [ours, name, panel, all] of [
      ['Chrome', 'Chrome', gaBrowsers, browsers],
      ['IE', 'MSIE', gaBrowsers, browsers],
      ['Opera', 'Opera', gaBrowsers, browsers],
      ['Linux', 'Linux', gaSystems, systems],
    ] as const)
      expect(Math.abs((all.get(ours) ?? 0) - (panel.get(name) ?? 0))).toBeLessThanOrEqual(3)
  })
})
