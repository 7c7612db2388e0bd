// The derived `session_hours` table stays consistent with the events: written through the real ingest
// path (several flushes, sessions across batches and hours, retries with the same event_id, compaction),
// after GDPR erasure, import delete, site deletion, a crash with log replay, and when migration 008 builds
// it from events already stored. "Consistent" = merged per key, it equals the fragments of the events
// stored now; and every metric read through the fragments equals the same read on the events path.
import { afterEach, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { queryRows } from '../../src/db/rows'
import { FRAGMENT_FIELDS, fragmentsSql, HOUR_MS, rebuildSessionHours } from '../../src/events/session-hours'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'
import { METRIC_NAMES } from '../../src/stats/registry'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'

setDefaultTimeout(60_000)

const KEYS = `site_id, hour, session_key, visitor_key, user_key, ${FRAGMENT_FIELDS.join(', ')}`
const merged = (rel: string) =>
  `SELECT ${KEYS}, sum(events)::BIGINT AS e, sum(page_views)::BIGINT AS pv, min(first_ts) AS f, max(last_ts) AS l FROM ${rel} GROUP BY ALL`

type Db = TestApp['deps']['db']

/** Rows of session_hours (merged) missing from the events' fragments, and the other way round. */
async function inconsistencies(db: Db): Promise<{ extra: number; missing: number; rows: number }> {
  const derived = merged('session_hours')
  const truth = merged(`(${fragmentsSql('events', '', true)})`)
  const [r] = await queryRows<{ extra: number; missing: number; rows: number }>(
    db.reader,
    `SELECT (SELECT count(*) FROM (${derived} EXCEPT ALL ${truth})) AS extra, (SELECT count(*) FROM (${truth} EXCEPT ALL ${derived})) AS missing, (SELECT count(*) FROM session_hours) AS rows`,
  )
  return { extra: Number(r.extra), missing: Number(r.missing), rows: Number(r.rows) }
}

async function expectConsistent(db: Db) {
  const c = await inconsistencies(db)
  expect({ extra: c.extra, missing: c.missing }).toEqual({ extra: 0, missing: 0 })
  return c
}

/**
 * Every metric for `site` through the API, over `q`, on the fragments and on the events path (a second app
 * on the same services, with fragment reads switched off).
 */
async function bothPaths(h: TestApp, site: string, q: Record<string, string>) {
  const qs = new URLSearchParams({ site_id: site, metrics: METRIC_NAMES.join(','), ...q })
  const eventsApp = createApp({ ...h.deps, readOptions: { fragments: false } })
  const get = async (app: { handle(r: Request): Promise<Response> }) => {
    const req = new Request(`http://localhost/api/v1/stats?${qs}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    return ((await (await app.handle(req)).json()) as { data: any }).data
  }
  const fast = await get(h.app)
  return { fast, events: await get(eventsApp) }
}

/** Events of a few sessions over two hours, some with a user id; `n` per session. */
function sessions(site: string, prefix: string, opts: { users?: boolean; base?: number; n?: number } = {}) {
  const base = opts.base ?? T0 - 2 * HOUR_MS - 30 * 60_000
  const out: Record<string, unknown>[] = []
  for (let s = 0; s < 6; s++)
    for (let i = 0; i < (opts.n ?? 4); i++)
      out.push({
        site_id: site,
        event_type: i % 3 === 2 ? 'click' : 'page_view',
        timestamp: base + s * 7 * 60_000 + i * 11 * 60_000,
        session_id: `${prefix}${s}`,
        // Logged in from the second event on: erasing the user leaves the first event of the session.
        user_id: opts.users && s % 2 === 0 && i > 0 ? `user_${s % 4}` : undefined,
        url: `https://${site}.example/p${i}`,
        device_type: s % 2 ? 'mobile' : 'desktop',
        country: s % 3 ? 'DE' : 'US',
        event_id: `${prefix}${s}-${i}`,
      })
  return out
}

describe('session_hours stays consistent with the events', () => {
  let h: TestApp
  let key: string
  let keyB: string
  beforeEach(async () => {
    h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '0' })
    key = (await h.site('a')).secret_key
    keyB = (await h.site('b')).secret_key
  })
  afterEach(() => h.close())

  const post = async (events: Record<string, unknown>[], k = key) => {
    const res = await h.json('POST', '/collect/batch', { key: k, body: { events } })
    expect(res.status).toBe(200)
  }

  test('ingest in several flushes, sessions across batches and hours, retries stored once, compaction', async () => {
    const evs = sessions('a', 's', { users: true })
    for (let i = 0; i < evs.length; i += 5) {
      await post(evs.slice(i, i + 5))
      await h.deps.buffer.flush()
    }
    // A retry of already stored events (same event_id): acknowledged, stored once, counted once.
    await post(evs.slice(0, 10))
    await h.deps.buffer.flush()
    const before = await expectConsistent(h.deps.db)
    const { fast, events } = await bothPaths(h, 'a', { period: '24h' })
    expect(fast).toEqual(events)
    expect(fast.metrics.event_count).toBe(evs.length)
    // Two hours later a batch compacts the closed hours: fewer rows, same content.
    h.clock.advance(2 * HOUR_MS)
    await post([{ ...evs[0], event_id: 'late', timestamp: h.clock() - 1000 }])
    await h.deps.buffer.flush()
    const after = await expectConsistent(h.deps.db)
    expect(after.rows).toBeLessThan(before.rows + 1)
    const [c] = await queryRows<{ n: number }>(
      h.deps.db.reader,
      'SELECT count(*) AS n FROM session_hours WHERE NOT compacted',
    )
    expect(Number(c.n)).toBe(1)
    const again = await bothPaths(h, 'a', { period: '24h' })
    expect(again.fast).toEqual(again.events)
  })

  test('GDPR erasure rebuilds the sessions of the erased user', async () => {
    await post(sessions('a', 's', { users: true }))
    await h.deps.buffer.flush()
    const res = await h.json('DELETE', '/api/v1/users/user_0?site_id=a', { key: ADMIN_TOKEN })
    expect(res.status).toBe(200)
    expect(res.body.data.deleted).toBeGreaterThan(0)
    await expectConsistent(h.deps.db)
    const [n] = await queryRows<{ n: number }>(
      h.deps.db.reader,
      `SELECT count(*) AS n FROM session_hours WHERE user_key = md5_number_lower('user_0')`,
    )
    expect(Number(n.n)).toBe(0)
    const { fast, events } = await bothPaths(h, 'a', { period: '24h' })
    expect(fast).toEqual(events)
  })

  test('deleting an import rebuilds the sessions it touched; deleting a site drops its rows', async () => {
    const live = sessions('b', 'x')
    await post(live, keyB)
    await h.deps.buffer.flush()
    // The import shares session x0 with live events (its fragments must be rebuilt, not dropped).
    const imported = sessions('b', 'x', { base: T0 - 5 * HOUR_MS, n: 2 }).map((e) => ({
      ...e,
      event_id: `imp-${e.event_id}`,
    }))
    const body = imported.map((e) => JSON.stringify(e)).join('\n')
    const imp = await h.json('POST', '/api/v1/admin/imports?source=pulse&file_name=x.ndjson', {
      key: ADMIN_TOKEN,
      body,
      headers: { 'content-type': 'text/plain' },
    })
    expect(imp.status).toBe(200)
    expect(imp.body.data.imported).toBe(imported.length)
    await expectConsistent(h.deps.db)
    const del = await h.json('DELETE', `/api/v1/admin/imports/${imp.body.data.import_id}`, {
      key: ADMIN_TOKEN,
    })
    expect(del.status).toBe(200)
    await expectConsistent(h.deps.db)
    const { fast, events } = await bothPaths(h, 'b', { period: '24h' })
    expect(fast).toEqual(events)
    expect(fast.metrics.event_count).toBe(live.length)

    const gone = await h.json('DELETE', '/api/v1/sites/b', { key: ADMIN_TOKEN })
    expect(gone.status).toBe(200)
    await expectConsistent(h.deps.db)
    const [n] = await queryRows<{ n: number }>(
      h.deps.db.reader,
      "SELECT count(*) AS n FROM session_hours WHERE site_id = 'b'",
    )
    expect(Number(n.n)).toBe(0)
  })

  test('a rebuild from the events (migrations 008 and 010) builds the same table', async () => {
    await post(sessions('a', 's', { users: true }))
    await h.deps.buffer.flush()
    const built = await queryRows(h.deps.db.reader, `${merged('session_hours')} ORDER BY ALL`)
    await rebuildSessionHours(h.deps.db.writer)
    expect(await queryRows(h.deps.db.reader, `${merged('session_hours')} ORDER BY ALL`)).toEqual(built)
    await expectConsistent(h.deps.db)
  })
})

describe('session_hours after a crash and log replay', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-derived-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const boot = async () => {
    const deps = await createServices(
      loadConfig({ PULSE_DATA_DIR: dir, PULSE_ADMIN_TOKEN: ADMIN_TOKEN, PULSE_RATE_LIMIT_PER_MINUTE: '0' }),
      { clock: manualClock(T0), logger: createLogger('silent'), autoFlush: false },
    )
    return { deps, app: createApp(deps) }
  }

  test('acknowledged events replayed after a crash are in session_hours exactly once', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    const evs = sessions('a', 'r', { users: true })
    const post = (app: typeof s.app, events: unknown[]) =>
      app.handle(
        new Request('http://localhost/collect/batch', {
          method: 'POST',
          headers: { authorization: `Bearer ${secret_key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        }),
      )
    expect((await post(s.app, evs.slice(0, 12))).status).toBe(200)
    await s.deps.buffer.flush()
    expect((await post(s.app, evs.slice(12))).status).toBe(200)
    s.deps.db.close() // crash: the second batch is only in the log
    s = await boot()
    await s.deps.buffer.flush()
    s.deps.db.close() // crash again right after the replay
    s = await boot()
    await s.deps.buffer.flush()
    await expectConsistent(s.deps.db)
    const [r] = await queryRows<{ n: number }>(
      s.deps.db.reader,
      'SELECT sum(events)::BIGINT AS n FROM session_hours',
    )
    expect(Number(r.n)).toBe(evs.length)
    await s.deps.close()
  })

  /** Make every statement of `db`'s writer matching `re` fail (`times` times; forever by default). */
  const failOn = (db: Db, re: RegExp, times = Number.POSITIVE_INFINITY) => {
    const w = db.writer
    const run = w.run.bind(w)
    let left = times
    w.run = ((sql: string, ...rest: unknown[]) =>
      re.test(sql) && left-- > 0
        ? Promise.reject(new Error('injected failure'))
        : (run as (...a: unknown[]) => ReturnType<typeof run>)(sql, ...rest)) as typeof w.run
  }

  const count = async (db: Db, sql: string) =>
    Number((await queryRows<{ n: number }>(db.reader, `SELECT (${sql})::BIGINT AS n`))[0].n)

  test('a crash between the events commit and the session_hours catch-up is repaired exactly at start', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    const evs = sessions('a', 'g', { users: true })
    const post = (app: typeof s.app, events: unknown[]) =>
      app.handle(
        new Request('http://localhost/collect/batch', {
          method: 'POST',
          headers: { authorization: `Bearer ${secret_key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        }),
      )
    expect((await post(s.app, evs.slice(0, 12))).status).toBe(200)
    await s.deps.buffer.flush()
    expect((await post(s.app, evs.slice(12))).status).toBe(200)
    // Every catch-up fails from here on, then the process dies: the gap is left on disk.
    failOn(s.deps.db, /INSERT INTO session_hours/)
    await s.deps.buffer.flush().catch(() => undefined)
    expect(await count(s.deps.db, 'SELECT count(*) FROM events')).toBe(evs.length)
    expect(await count(s.deps.db, 'SELECT sum(events) FROM session_hours')).toBe(12)
    expect(await count(s.deps.db, 'SELECT count(*) FROM hours_gap')).toBeGreaterThan(0)
    s.deps.db.close()
    s = await boot()
    await s.deps.buffer.flush()
    await expectConsistent(s.deps.db)
    expect(await count(s.deps.db, 'SELECT sum(events) FROM session_hours')).toBe(evs.length)
    expect(await count(s.deps.db, 'SELECT count(*) FROM hours_gap')).toBe(0)
    expect(await count(s.deps.db, 'SELECT count(*) FROM events')).toBe(evs.length)
    await s.deps.close()
  })

  test('a catch-up that fails once is closed before the flush returns; reads see every event', async () => {
    const s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    const evs = sessions('a', 'f', { users: true })
    const res = await s.app.handle(
      new Request('http://localhost/collect/batch', {
        method: 'POST',
        headers: { authorization: `Bearer ${secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: evs }),
      }),
    )
    expect(res.status).toBe(200)
    failOn(s.deps.db, /INSERT INTO session_hours/, 1)
    await s.deps.buffer.flush()
    await expectConsistent(s.deps.db)
    expect(await count(s.deps.db, 'SELECT sum(events) FROM session_hours')).toBe(evs.length)
    expect(await count(s.deps.db, 'SELECT count(*) FROM hours_gap')).toBe(0)
    await s.deps.close()
  })
})
