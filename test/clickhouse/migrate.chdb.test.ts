// `pulse migrate clickhouse` (src/events/clickhouse/copy.ts, src/cli/migrate-clickhouse.ts) on the real
// engines: a DuckDB PULSE's events (the oracle dataset through the API, plus hostile values) are copied into
// ClickHouse exactly (every column, keys included); an interrupted run leaves DuckDB as it was and the next
// run completes without a duplicate; a further run copies nothing; the applied log position is carried over;
// and the real command, run twice on a data directory, reports the same.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import { openClickHouse } from '../../src/events/clickhouse/client'
import { compareDays, copyEventsToClickHouse, type DuckDBReads } from '../../src/events/clickhouse/copy'
import { migrateClickHouse } from '../../src/events/clickhouse/migrate'
import { INSERT_COLUMNS } from '../../src/events/clickhouse/schema'
import { csvRows } from '../../src/events/csv'
import { toRow } from '../../src/ingest/validate'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'
import { generateEvents, SITES } from '../stats/fixtures/generate'

/** Rows per insert in these tests: days of ~60 rows are sent in several chunks. */
const CHUNK = 25

import { announceLane, CHDB } from './lane'

setDefaultTimeout(120_000)
announceLane()

const HOSTILE = [
  event('alpha', {
    user_id: 'a "quoted", value',
    url: '/x,y\nz',
    properties: { plan: 'pro', n: 3, ok: true },
  }),
  event('alpha', { user_id: 'zß€😀', url: '/', referrer: 'line1\r\nline2' }),
  event('alpha', { session_id: 'only-session', user_id: '' }),
]

/** Every stored column of every row, 64-bit integers as decimal text, sorted: equal means copied exactly. */
/** Rows of `sql` as objects. */
async function rowsOf<T = Record<string, unknown>>(conn: DuckDBReads, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[]
}

async function duckdbRows(conn: DuckDBReads): Promise<string[]> {
  const cols = INSERT_COLUMNS.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')
  const rows = await rowsOf(conn, `SELECT ${cols} FROM events`)
  return rows.map((r) => JSON.stringify(INSERT_COLUMNS.map((c) => r[c]))).sort()
}

async function clickhouseRows(ch: ClickHouseClient, where = '1'): Promise<string[]> {
  const cols = INSERT_COLUMNS.map((c) => `toString(${c}) AS ${c}`).join(', ')
  const rs = await ch.query({ query: `SELECT ${cols} FROM events WHERE ${where}`, format: 'JSONEachRow' })
  const rows = await rs.json<Record<string, unknown>>()
  return rows.map((r) => JSON.stringify(INSERT_COLUMNS.map((c) => r[c]))).sort()
}

/** A fingerprint of DuckDB's events, to show a run changed nothing there. */
async function duckdbPrint(conn: DuckDBReads): Promise<string> {
  const [r] = await rowsOf<{ n: bigint; x: string }>(
    conn,
    'SELECT count(*) AS n, CAST(bit_xor(hash(e)) AS VARCHAR) AS x FROM events e',
  )
  return `${r.n}:${r.x}`
}

let duck: TestApp
let total = 0
let databases = 0

/** A fresh, migrated ClickHouse database in the process's chDB engine. */
async function target(): Promise<ClickHouseClient> {
  const ch = await openClickHouse({ url: 'chdb::memory:', database: `pulse_m${process.pid}_${++databases}` })
  await migrateClickHouse(ch)
  return ch
}

beforeAll(async () => {
  if (!CHDB) return
  duck = await createTestApp({ PULSE_MAX_EVENT_AGE_DAYS: '200', PULSE_RATE_LIMIT_PER_MINUTE: '0' })
  // Few, full days (so a day is several chunks of CHUNK and an interruption falls inside one), every
  // field varied: users or none, URLs, referrers, countries, devices, properties, event ids.
  for (const site of SITES) {
    const key = (await duck.site(site)).secret_key
    const events = Array.from({ length: 240 }, (_, i) => ({
      site_id: site,
      event_type: i % 9 === 0 ? 'signup' : 'page_view',
      timestamp: T0 - (i % 4) * 86_400_000 - i * 1000,
      session_id: `${site}-s${i % 37}`,
      ...(i % 3 === 0 ? { user_id: `u${i % 11}` } : {}),
      url: `https://example.com/p/${i % 13}?q=${i}`,
      ...(i % 5 === 0 ? { referrer: 'https://www.google.com/search?q=x' } : {}),
      device_type: ['desktop', 'mobile', 'tablet'][i % 3],
      ...(i % 4 === 0 ? { properties: { plan: i % 8 === 0 ? 'pro' : 'free', n: i, ok: i % 2 === 0 } } : {}),
      ...(i % 6 === 0 ? { event_id: `e-${site}-${i}` } : {}),
    }))
    const res = await duck.json('POST', '/collect/batch', { key, body: { events } })
    expect(res.body.data).toEqual({ accepted: 240, rejected: [] })
  }
  await duck.deps.buffer.flush()
  // Hostile values, stored at log position 41 (the position the copy must carry over).
  const csv = csvRows(
    HOSTILE.map((r) => toRow(r as never, T0)),
    T0,
  )
  await duck.deps.events.store.append(
    { chunks: [new TextEncoder().encode(csv)], rows: HOSTILE.length },
    { upTo: 41 },
  )
  total = (await duckdbRows(duck.deps.db.reader)).length
})
afterAll(() => duck?.close())

describe.skipIf(!CHDB)('pulse migrate clickhouse', () => {
  test('copies every event exactly, carries the log position over, checks the counts per site and day', async () => {
    const ch = await target()
    try {
      const report = await copyEventsToClickHouse(duck.deps.db.reader, ch, {
        node: 'node-m',
        chunkRows: CHUNK,
      })
      expect(total).toBe(3 * 240 + HOSTILE.length)
      expect(report.events).toBe(total)
      expect(report.mismatched).toEqual([])
      expect(report.days.length).toBe(12)
      expect(report.rowsSent).toBe(total)
      expect(await clickhouseRows(ch)).toEqual(await duckdbRows(duck.deps.db.reader))
      // No node's position moves from the copied rows; this node's is DuckDB's.
      const rs = await ch.query({
        query:
          "SELECT (SELECT max(position) FROM log_positions WHERE node = 'node-m') AS p, (SELECT max(log_seq) FROM events) AS s, (SELECT groupUniqArray(log_node) FROM events) AS nodes",
        format: 'JSONEachRow',
      })
      expect(await rs.json()).toEqual([{ p: 41, s: 0, nodes: ['migrate'] }])
    } finally {
      await ch.close()
    }
  })

  test('an interrupted run leaves DuckDB as it was; the next completes without duplicates; another copies nothing', async () => {
    const ch = await target()
    try {
      const before = await duckdbPrint(duck.deps.db.reader)
      // Interrupted inside a day (chunks of CHUNK rows): some chunks of that day are stored, the rest not.
      // Days of ~60 rows are 3 inserts each: the 14th insert is the second of the fifth day.
      let calls = 0
      await expect(
        copyEventsToClickHouse(duck.deps.db.reader, ch, {
          node: 'node-m',
          chunkRows: CHUNK,
          onProgress: () => {
            // The first call reports the start, before any insert.
            if (++calls === 15) throw new Error('killed')
          },
        }),
      ).rejects.toThrow('killed')
      expect(await duckdbPrint(duck.deps.db.reader)).toBe(before)
      const partial = (await clickhouseRows(ch)).length
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(total)
      // A day is in ClickHouse in part: the next run must send it again without doubling its first chunks.
      const days = await compareDays(duck.deps.db.reader, ch)
      expect(days.filter((d) => d.clickhouse > 0 && d.clickhouse < d.duckdb).length).toBe(1)

      const second = await copyEventsToClickHouse(duck.deps.db.reader, ch, {
        node: 'node-m',
        chunkRows: CHUNK,
      })
      expect(second.mismatched).toEqual([])
      expect(second.daysSkipped).toBeGreaterThan(0)
      expect(second.daysCopied).toBeGreaterThan(0)
      expect(await clickhouseRows(ch)).toEqual(await duckdbRows(duck.deps.db.reader))

      const third = await copyEventsToClickHouse(duck.deps.db.reader, ch, {
        node: 'node-m',
        chunkRows: CHUNK,
      })
      expect(third.daysCopied).toBe(0)
      expect(third.rowsSent).toBe(0)
      expect(third.mismatched).toEqual([])
      expect(await duckdbPrint(duck.deps.db.reader)).toBe(before)
    } finally {
      await ch.close()
    }
  })

  test('a day that differs afterwards is reported with both counts', async () => {
    const ch = await target()
    try {
      await copyEventsToClickHouse(duck.deps.db.reader, ch, { node: 'node-m' })
      await ch.command({
        query: "DELETE FROM events WHERE site_id = 'alpha' AND session_id = 'only-session'",
        clickhouse_settings: { lightweight_deletes_sync: '2', mutations_sync: '2' },
      })
      // Resumed: the day is sent again under the same tokens, which ClickHouse has seen, so it stays short.
      const report = await copyEventsToClickHouse(duck.deps.db.reader, ch, { node: 'node-m' })
      expect(report.mismatched).toEqual([
        expect.objectContaining({ siteId: 'alpha', day: Math.floor(T0 / 86_400_000) }),
      ])
      const [m] = report.mismatched
      expect(m.duckdb - m.clickhouse).toBe(1)
    } finally {
      await ch.close()
    }
  })

  test('the command, run twice on a data directory, copies once and checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-migrate-'))
    try {
      const env = { PULSE_DATA_DIR: dir, PULSE_DURABILITY: 'none' }
      const app = await createTestApp({ ...env, PULSE_DB_PATH: join(dir, 'pulse.duckdb') })
      const key = (await app.site('alpha')).secret_key
      const res = await app.json('POST', '/collect/batch', {
        key,
        body: { events: generateEvents(5, 20).filter((e) => e.site_id === 'alpha') },
      })
      expect(res.status).toBe(200)
      await app.deps.buffer.flush()
      const stored = (await duckdbRows(app.deps.db.reader)).length
      await app.close()
      const run = () =>
        Bun.spawnSync(
          [process.execPath, join(import.meta.dir, '../../src/cli.ts'), 'migrate', 'clickhouse', '--json'],
          {
            env: {
              ...process.env,
              ...env,
              PULSE_DB_PATH: join(dir, 'pulse.duckdb'),
              PULSE_CLICKHOUSE_URL: `chdb:${join(dir, 'clickhouse')}`,
            },
          },
        )
      const first = run()
      expect(first.stderr.toString()).toBe('')
      expect(first.exitCode).toBe(0)
      const a = JSON.parse(first.stdout.toString())
      expect(a).toMatchObject({ ok: true, events: stored, rowsSent: stored, daysSkipped: 0, mismatched: [] })
      const b = JSON.parse(run().stdout.toString())
      expect(b).toMatchObject({
        ok: true,
        events: stored,
        rowsSent: 0,
        daysCopied: 0,
        daysSkipped: a.daysCopied,
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
