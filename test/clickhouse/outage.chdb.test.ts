// ClickHouse failing under load, then answering again, on the real engine (chDB): the events table is taken
// away (`DETACH TABLE`, as an operator or a broken disk would) while events keep arriving, then given back.
// Ingest keeps acknowledging (the events wait in the write-ahead log and the buffer; without a log, as in
// PULSE_DURABILITY=none, ingest answers 503 naming the same cause instead), reads answer 503 with
// Retry-After naming ClickHouse's error, and once the table is back the same server, not restarted,
// stores every acknowledged event exactly once.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import { openClickHouse } from '../../src/events/clickhouse/client'
import { createTestApp, event, type TestApp } from '../helpers/app'
import { announceLane, CHDB, clickhouseEnv } from './lane'

setDefaultTimeout(120_000)
announceLane()

let t: TestApp
let admin: ClickHouseClient
let key: string
let sent = 0
let dir: string

beforeAll(async () => {
  if (!CHDB) return
  const env = clickhouseEnv()
  // A data directory, so acknowledgements go through the write-ahead log (an in-memory app has none).
  dir = mkdtempSync(join(tmpdir(), 'pulse-outage-'))
  t = await createTestApp({ ...env, PULSE_DATA_DIR: dir, PULSE_DB_PATH: join(dir, 'pulse.duckdb') })
  key = (await t.site('s')).secret_key
  // A second client on the same database: the operator's.
  admin = await openClickHouse({ url: env.PULSE_CLICKHOUSE_URL, database: env.PULSE_CLICKHOUSE_DATABASE })
})
afterAll(async () => {
  await admin?.close()
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Post `n` batches of 25 events at once (as concurrent clients would); all must be acknowledged. */
async function post(n: number): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, b) =>
      t.json('POST', '/collect/batch', {
        key,
        body: {
          events: Array.from({ length: 25 }, (_, i) =>
            event('s', { session_id: `s${sent}-${b}-${i % 5}`, url: `/p${i}` }),
          ),
        },
      }),
    ),
  )
  for (const r of results)
    expect({ status: r.status, body: r.body }).toEqual({
      status: 200,
      body: { success: true, data: { accepted: 25, rejected: [] } },
    })
  sent += 25 * n
}

const count = () => t.json('GET', '/api/v1/stats?site_id=s&period=24h&metrics=event_count', { key })

describe.skipIf(!CHDB)('ClickHouse fails under load, then answers again', () => {
  test('acknowledged events wait, reads answer 503 naming the cause, and all is stored once after', async () => {
    await post(4)
    expect((await count()).body.data.metrics.event_count).toBe(sent)
    for (let round = 0; round < 3; round++) {
      // Events, and a flush of them, in flight while the table goes away (the flush may land or fail).
      const during = post(4).then(() => t.deps.buffer.flush().catch(() => undefined))
      await admin.command({ query: 'DETACH TABLE events' })
      await during
      await post(4)
      // A flush fails now: the rows stay buffered (and in the log), nothing is dropped.
      await expect(t.deps.buffer.flush()).rejects.toThrow()
      expect(t.deps.buffer.depth).toBeGreaterThan(0)
      const refused = await t.request('GET', '/api/v1/stats?site_id=s&period=24h&metrics=event_count', {
        headers: { authorization: `Bearer ${key}` },
      })
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = (await refused.json()) as { error: string }
      expect(body.error).toContain('cannot be written')
      expect(body.error).toMatch(/events|UNKNOWN_TABLE|does not exist/)
      // Ingest goes on while ClickHouse is failing.
      await post(2)
      await admin.command({ query: 'ATTACH TABLE events' })
      // Past the buffer's pause between tries (it is timed on the app's clock); no restart.
      t.clock.advance(2_000)
      const healed = await count()
      expect(healed.status).toBe(200)
      expect(healed.body.data.metrics.event_count).toBe(sent)
    }
    const rs = await admin.query({
      query: 'SELECT count() AS n, uniqExact(session_id, url) AS d FROM events',
      format: 'JSONEachRow',
    })
    // Every acknowledged event once: as many rows as sent, no (session, url) pair twice.
    expect(await rs.json()).toEqual([{ n: sent, d: sent }])
  })
})
