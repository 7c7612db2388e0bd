// kill -9 under load, again and again, with events in ClickHouse (the real server process on
// `PULSE_CLICKHOUSE_URL=chdb:<dir>`, flushing every 20 ms, so kills land during inserts): every event
// answered 200 is stored exactly once. After a kill the log is replayed from the position the rows carry,
// however the replay slices it; an insert whose answer was lost is dropped by its deduplication token.
// Checked through the server's own export (NDJSON), as a client would. 3 rounds in the suite;
// PULSE_CH_CRASH_ROUNDS for more.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { announceLane, CHDB } from './lane'

announceLane()

const ADMIN = 'crash-test-admin-token-123'
const ROUNDS = Number(process.env.PULSE_CH_CRASH_ROUNDS ?? 3)
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-ch-crash-'))
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const env = {
  PULSE_DATA_DIR: dataDir,
  PULSE_ADMIN_TOKEN: ADMIN,
  PULSE_FLUSH_INTERVAL_MS: '20',
  PULSE_RATE_LIMIT_PER_MINUTE: '0',
  PULSE_CLICKHOUSE_URL: `chdb:${join(dataDir, 'clickhouse')}`,
}

/** Open-loop load: a request every `everyMs` until stopped; returns the ids the server acknowledged. */
function load(base: string, key: string, prefix: string, everyMs: number) {
  const acked: string[] = []
  const inflight = new Set<Promise<void>>()
  let n = 0
  const send = () => {
    const i = n++
    const ids = Array.from({ length: 20 }, (_, j) => `${prefix}_${i}_${j}`)
    const events = ids.map((id) => ({
      site_id: 'crash',
      event_type: 'page_view',
      timestamp: Date.now(),
      session_id: id,
    }))
    const p = fetch(`${base}/collect/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    })
      .then(async (res) => {
        if (res.status === 200 && (await res.json()).success === true) acked.push(...ids)
      })
      .catch(() => undefined)
      .finally(() => inflight.delete(p))
    inflight.add(p)
  }
  const timer = setInterval(send, everyMs)
  return {
    acked,
    async stop() {
      clearInterval(timer)
      await Promise.all(inflight)
    },
  }
}

describe.skipIf(!CHDB)('crash safety on ClickHouse', () => {
  test(
    `${ROUNDS} rounds of load + kill -9 during ClickHouse flushes: every acknowledged event stored exactly once`,
    async () => {
      server = await startServer(env, 60_000)
      const created = await fetch(`${server.url}/api/v1/sites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ site_id: 'crash' }),
      })
      const key = (await created.json()).data.secret_key as string
      const acked: string[] = []
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) server = await startServer(env, 60_000)
        const gen = load(server.url, key, `r${round}`, 3)
        await Bun.sleep(300 + Math.floor(Math.random() * 500))
        server.proc.kill('SIGKILL')
        await server.proc.exited
        await gen.stop()
        acked.push(...gen.acked)
      }
      server = await startServer(env, 60_000)
      const res = await fetch(`${server.url}/api/v1/export?site_id=crash&period=24h&format=ndjson`, {
        headers: { authorization: `Bearer ${key}` },
      })
      expect(res.status).toBe(200)
      const lines = (await res.text()).split('\n').filter((l) => l !== '')
      expect(await server.stop('SIGTERM')).toBe(0)
      server = undefined
      const stored = new Map<string, number>()
      for (const l of lines) {
        const id = JSON.parse(l).session_id as string
        stored.set(id, (stored.get(id) ?? 0) + 1)
      }
      const missing = acked.filter((id) => stored.get(id) !== 1)
      const duplicated = [...stored].filter(([, n]) => n > 1)
      console.log(
        `ClickHouse crash: ${ROUNDS} rounds, ${acked.length} events acknowledged, ${stored.size} stored, ${missing.length} acknowledged but missing, ${duplicated.length} duplicated`,
      )
      expect(acked.length).toBeGreaterThan(100 * ROUNDS)
      expect(missing).toEqual([])
      expect(duplicated).toEqual([])
    },
    120_000 + ROUNDS * 30_000,
  )
})
