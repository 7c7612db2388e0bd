// What the ClickHouse store adds to the storage contract (test/events/store.db.test.ts runs that on both
// engines): every value round-trips exactly through the CSV insert (NULL vs empty text, quotes, newlines,
// Unicode), the stored keys equal DuckDB's, the log position is read back from the rows by a store that
// starts afresh (a crash, a lost answer), a retried insert with the same token is stored once, and each
// row gets a distinct cursor id.
import { afterEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config'
import { openClickHouse } from '../../src/events/clickhouse/client'
import { openClickHouseStore } from '../../src/events/clickhouse/open'
import { INSERT_COLUMNS } from '../../src/events/clickhouse/schema'
import { csvRows } from '../../src/events/csv'
import type { EventStore } from '../../src/events/store'
import { toRow } from '../../src/ingest/validate'
import { createLogger } from '../../src/logger'
import type { Services } from '../../src/services'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'
import { announceLane, CHDB, clickhouseEnv } from './lane'

announceLane()

function batch(rows: Record<string, unknown>[]) {
  const csv = csvRows(
    rows.map((r) => toRow(r as never, T0)),
    T0,
  )
  return { chunks: [new TextEncoder().encode(csv)], rows: rows.length }
}

const HOSTILE = [
  event('s1', { user_id: 'a "quoted", value', url: '/x,y\nz', properties: { plan: 'pro', n: 3, ok: true } }),
  event('s1', { user_id: 'zß€😀', url: '/', referrer: 'line1\r\nline2' }),
  event('s1', { session_id: 'only-session' }),
]

const COLUMNS = 'session_id, user_id, url, referrer, properties, session_key, visitor_key, url_key'

describe.skipIf(!CHDB)('ClickHouse store', () => {
  const apps: TestApp[] = []
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close()
  })
  const open = async (env: Record<string, string> = {}) => {
    const t = await createTestApp(env)
    apps.push(t)
    return t
  }
  const rows = (s: EventStore) =>
    s.read('test', (r) =>
      r.rows<Record<string, unknown>>(`SELECT ${COLUMNS} FROM events ORDER BY session_id, user_id, url`),
    )

  test('values and stored keys are those DuckDB stores', async () => {
    const duck = await open()
    const ch = await open(clickhouseEnv())
    await duck.deps.events.store.append(batch(HOSTILE), { upTo: 1 })
    await ch.deps.events.store.append(batch(HOSTILE), { upTo: 1 })
    const a = await rows(duck.deps.events.store)
    const b = await rows(ch.deps.events.store)
    expect(a.length).toBe(3)
    // Keys are 64-bit: compare them as the exact decimal text.
    const keys = (s: EventStore) =>
      s.read('test', (r) =>
        r.rows(
          `SELECT ${s.dialect.name === 'duckdb' ? 'session_key::VARCHAR' : 'toString(session_key)'} AS s, ${s.dialect.name === 'duckdb' ? 'url_key::VARCHAR' : 'toString(url_key)'} AS u FROM events ORDER BY session_id, user_id, url`,
        ),
      )
    expect(b).toEqual(a)
    expect(await keys(ch.deps.events.store)).toEqual(await keys(duck.deps.events.store))
  })

  test('a store that starts afresh reads the log position back from the rows and skips what is stored', async () => {
    const env = { ...clickhouseEnv(), PULSE_NODE_ID: 'node-a' }
    const t = await open(env)
    await t.deps.events.store.append(batch([event('s1'), event('s1')]), { upTo: 5 })
    // A second store on the same database and node: as after a crash, or a lost answer to the insert.
    const again = await openClickHouseStore(
      loadConfig({ PULSE_DB_PATH: ':memory:', ...env }),
      t.deps.db,
      createLogger('silent'),
    )
    try {
      expect(await again.appliedPosition()).toBe(5)
      // The replay re-sliced differently (records 4 to 5 plus 6) carries upTo 6 and only records after 5.
      await again.append(batch([event('s1')]), { upTo: 5 })
      await again.append(batch([event('s1', { session_id: 'later' })]), { upTo: 6 })
      const n = await again.read('t', (r) => r.rows<{ n: number }>('SELECT count() AS n FROM events'))
      expect(n[0].n).toBe(3)
      // Another node's position is its own.
      const other = await openClickHouseStore(
        loadConfig({ PULSE_DB_PATH: ':memory:', ...env, PULSE_NODE_ID: 'node-b' }),
        t.deps.db,
        createLogger('silent'),
      )
      expect(await other.appliedPosition()).toBe(0)
      await other.close()
    } finally {
      await again.close()
    }
  })

  test('an insert retried with the same token is stored once (ClickHouse deduplication)', async () => {
    const env = clickhouseEnv()
    await open(env)
    const client = await openClickHouse({ url: 'chdb::memory:', database: env.PULSE_CLICKHOUSE_DATABASE })
    try {
      const csv = new TextDecoder().decode(batch([event('s1'), event('s1')]).chunks[0])
      for (const token of ['pulse/n/3', 'pulse/n/3', 'pulse/n/4'])
        await client.exec({
          query: `INSERT INTO events (${INSERT_COLUMNS.join(', ')}) FORMAT CSV`,
          values: csv as never,
          clickhouse_settings: { insert_deduplication_token: token },
        })
      const rs = await client.query({
        query: 'SELECT log_seq, count() AS n FROM events GROUP BY log_seq ORDER BY log_seq',
        format: 'JSONEachRow',
      })
      expect(await rs.json()).toEqual([
        { log_seq: 3, n: 2 },
        { log_seq: 4, n: 2 },
      ])
    } finally {
      await client.close()
    }
  })

  test('a deletion does not move the position back', async () => {
    const t = await open({ ...clickhouseEnv(), PULSE_NODE_ID: 'node-d' })
    const s = t.deps.events.store
    await s.append(batch([event('s1'), event('s2')]), { upTo: 9 })
    expect(await s.deleteEvents({ siteId: 's1' })).toBe(1)
    expect(await s.deleteEvents({ siteId: 's2' })).toBe(1)
    expect(await s.appliedPosition()).toBe(9)
  })

  test('each row gets a distinct cursor id, increasing with the write', async () => {
    const t = await open(clickhouseEnv())
    const s = t.deps.events.store
    await s.append(batch([event('s1'), event('s1'), event('s1')]), { upTo: 1 })
    await s.append(batch([event('s1'), event('s1')]), { upTo: 2 })
    const ids = await s.read('t', (r) =>
      r.rows<{ id: number; seq: number }>(
        'SELECT event_seq AS id, log_seq AS seq FROM events ORDER BY event_seq',
      ),
    )
    expect(new Set(ids.map((r) => r.id)).size).toBe(5)
    expect(ids.map((r) => r.seq)).toEqual([1, 1, 1, 2, 2])
    expect(ids.every((r) => Number.isSafeInteger(r.id))).toBe(true)
  })

  test('event ids stay exactly-once across a restart: the recent ids are loaded from ClickHouse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-ch-ids-'))
    try {
      const target = clickhouseEnv()
      const env = { ...target, PULSE_DATA_DIR: dir, PULSE_DB_PATH: join(dir, 'pulse.duckdb') }
      const send = async (t: TestApp, key: string) => {
        const res = await t.json('POST', '/collect', { key, body: event('s1', { event_id: 'retry-me' }) })
        expect(res.status).toBe(200)
        await t.deps.buffer.flush()
        const c = await t.json('GET', '/api/v1/stats?site_id=s1&period=24h&metrics=event_count', { key })
        return c.body.data.metrics.event_count
      }
      // In-process chDB's in-memory engine lives while a connection is open: this one keeps it across the restart.
      const keep = await openClickHouse({
        url: target.PULSE_CLICKHOUSE_URL,
        database: target.PULSE_CLICKHOUSE_DATABASE,
      })
      try {
        const first = await createTestApp(env)
        const key = (await first.site('s1')).secret_key
        expect(await send(first, key)).toBe(1)
        await first.close()
        // Restarted: DuckDB holds no events here, so only ClickHouse can tell that the id was seen.
        const again = await open(env)
        await (again.deps as unknown as Services).eventIds.loaded
        expect(await send(again, key)).toBe(1)
        const rs = await keep.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' })
        expect(await rs.json()).toEqual([{ n: 1 }])
      } finally {
        await keep.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
