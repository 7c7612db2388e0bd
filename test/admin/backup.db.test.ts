// Online backup under load: batches keep arriving while a backup streams from the admin API. The
// backup holds every event acknowledged before it started; nothing acknowledged during it is lost;
// a backup restored into an empty data directory answers every stats query exactly like the source.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { restoreBackup } from '../../src/admin/restore'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

const root = mkdtempSync(join(tmpdir(), 'pulse-backup-test-'))
const env = (dir: string) => ({
  PULSE_DATA_DIR: dir,
  PULSE_DB_PATH: join(dir, 'pulse.duckdb'),
  PULSE_RATE_LIMIT_PER_MINUTE: '0',
  PULSE_FLUSH_MAX_ROWS: '2000',
})
let src: TestApp
let site: { secret_key: string }
let seq = 0
/** Events acknowledged (answered 200): what the database must hold. */
let stored = 0

/** A batch of `n` events with unique event ids, spread over sessions, pages, devices and the last days. */
function batch(n: number) {
  return Array.from({ length: n }, () => {
    const i = seq++
    return event('site_a', {
      event_id: `e${i}`,
      session_id: `s${i % 997}`,
      user_id: i % 3 === 0 ? `u${i % 101}` : undefined,
      url: `/p${i % 37}`,
      event_type: i % 5 === 0 ? 'click' : 'page_view',
      device_type: ['desktop', 'mobile', 'tablet'][i % 3],
      timestamp: T0 - (i % 5000) * 60_000,
      properties: { plan: i % 2 ? 'pro' : 'free', n: i },
    })
  })
}

async function send(n: number): Promise<string[]> {
  const events = batch(n)
  const r = await src.request('POST', '/collect/batch', { key: site.secret_key, body: { events } })
  expect(r.status).toBe(200)
  stored += events.length
  return events.map((e) => e.event_id as string)
}

async function eventIds(file: string): Promise<Set<string>> {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  const conn = await db.connect()
  const rows = (await conn.runAndReadAll('SELECT event_id FROM events')).getRows().map((r) => String(r[0]))
  conn.closeSync()
  db.closeSync()
  return new Set(rows)
}

const QUERIES = [
  '/api/v1/stats?site_id=site_a&period=custom&from=2026-11-01&to=2026-11-21&metrics=event_count,page_views,unique_users,unique_sessions,visitors,bounce_rate,avg_session_duration,events_per_session,views_per_session',
  '/api/v1/stats/breakdown?site_id=site_a&dimension=url&metric=visitors&period=custom&from=2026-11-01&to=2026-11-21&limit=100',
  '/api/v1/stats/breakdown?site_id=site_a&dimension=property:plan&metric=event_count&period=custom&from=2026-11-01&to=2026-11-21',
  '/api/v1/stats/timeseries?site_id=site_a&metric=visitors&interval=day&period=custom&from=2026-11-01&to=2026-11-21',
  '/api/v1/events?site_id=site_a&limit=50',
]

async function answers(h: TestApp): Promise<unknown[]> {
  return Promise.all(QUERIES.map(async (q) => (await h.json('GET', q, { key: ADMIN_TOKEN })).body))
}

beforeAll(async () => {
  src = await createTestApp(env(join(root, 'src')))
  site = await src.site('site_a')
  for (let i = 0; i < 40; i++) await send(1000)
})
afterAll(async () => {
  await src.close()
  rmSync(root, { recursive: true, force: true })
})

describe('online backup', () => {
  test('taken under load: holds everything acknowledged before it, loses nothing acknowledged during it', async () => {
    const acked: string[] = []
    let running = true
    // The loader is a steady client (200 events every 10 ms, about 20k/s: what a real server might see, not
    // what an in-process loop can push faster than any database writes); a 503 is not an acknowledgement,
    // and it waits before sending again. Only 200s count as acknowledged.
    const load = (async () => {
      while (running) {
        const events = batch(200)
        const r = await src.request('POST', '/collect/batch', { key: site.secret_key, body: { events } })
        if (r.status === 200) {
          acked.push(...events.map((e) => e.event_id as string))
          stored += events.length
          await Bun.sleep(10)
        } else {
          expect(r.status).toBe(503)
          await Bun.sleep(50)
        }
      }
    })()
    await Bun.sleep(20)
    const before = new Set(acked)
    const res = await src.request('GET', '/api/v1/admin/backup', { key: ADMIN_TOKEN })
    expect(res.status).toBe(200)
    const file = join(root, 'under-load.duckdb')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    const duringBackup = acked.length - before.size
    running = false
    await load

    const inBackup = await eventIds(file)
    expect(Number(res.headers.get('x-pulse-backup-events'))).toBe(inBackup.size)
    for (const id of before) expect(inBackup.has(id)).toBe(true)
    // Ingest went on while the backup ran, and everything acknowledged is in the live database.
    expect(duringBackup).toBeGreaterThan(0)
    const live = await src.json(
      'GET',
      '/api/v1/stats?site_id=site_a&metric=event_count&from=2026-11-01&to=2026-11-21',
      {
        key: ADMIN_TOKEN,
      },
    )
    expect(live.body.data.value).toBe(stored)

    // The restored backup holds exactly what the file holds.
    const dir = join(root, 'restored-under-load')
    const info = await restoreBackup(file, dir, join(dir, 'pulse.duckdb'))
    expect(info.events).toBe(inBackup.size)
  })

  test('restored into an empty data directory, it gives identical stats', async () => {
    const res = await src.request('GET', '/api/v1/admin/backup', { key: ADMIN_TOKEN })
    const file = join(root, 'quiet.duckdb')
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    const dir = join(root, 'restored')
    await restoreBackup(file, dir, join(dir, 'pulse.duckdb'))
    const restored = await createTestApp(env(dir))
    try {
      expect(await answers(restored)).toEqual(await answers(src))
      // Keys came along: the site's secret key works on the restored server.
      const r = await restored.request('GET', '/api/v1/stats?site_id=site_a&metric=event_count', {
        key: site.secret_key,
      })
      expect(r.status).toBe(200)
    } finally {
      await restored.close()
    }
  })

  test('needs the admin token; restore refuses a data directory that has a database', async () => {
    const res = await src.request('GET', '/api/v1/admin/backup', { key: site.secret_key })
    expect(res.status).toBe(403)
    const file = join(root, 'quiet.duckdb')
    await expect(
      restoreBackup(file, join(root, 'restored'), join(root, 'restored', 'pulse.duckdb')),
    ).rejects.toThrow(/already holds a database/)
    await expect(
      restoreBackup(join(root, 'missing.duckdb'), join(root, 'x'), join(root, 'x/pulse.duckdb')),
    ).rejects.toThrow(/No such file/)
  })
})
