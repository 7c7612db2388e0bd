// kill -9 under load, again and again: every event answered 200 is stored exactly once.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInstance } from '../../src/db/open'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'crash-test-admin-token-123'
/** Rounds of load + kill -9: 10 in the suite; `bun run bench` runs a longer version (PULSE_CRASH_ROUNDS). */
const ROUNDS = Number(process.env.PULSE_CRASH_ROUNDS ?? 10)
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-crash-'))
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
}

/** Open-loop load: a request every `everyMs` until stopped; returns the ids the server acknowledged. */
function load(base: string, key: string, prefix: string, everyMs: number) {
  const acked: string[] = []
  const inflight = new Set<Promise<void>>()
  let n = 0
  const send = () => {
    const i = n++
    const batch = i % 4 === 0
    const ids = batch ? Array.from({ length: 25 }, (_, j) => `${prefix}_${i}_${j}`) : [`${prefix}_${i}`]
    const events = ids.map((id) => ({
      site_id: 'crash',
      event_type: 'page_view',
      timestamp: Date.now(),
      session_id: id,
    }))
    const p = fetch(`${base}${batch ? '/collect/batch' : '/collect'}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch ? { events } : events[0]),
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
    sent: () => n,
    async stop() {
      clearInterval(timer)
      await Promise.all(inflight)
    },
  }
}

describe('crash safety', () => {
  test(
    `${ROUNDS} rounds of load + kill -9 (also during flushes): every acknowledged event stored exactly once`,
    async () => {
      server = await startServer(env)
      const created = await fetch(`${server.url}/api/v1/sites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ site_id: 'crash' }),
      })
      const key = (await created.json()).data.secret_key as string
      const acked: string[] = []
      let sent = 0
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) server = await startServer(env)
        const gen = load(server.url, key, `r${round}`, 2)
        await Bun.sleep(150 + Math.floor(Math.random() * 350))
        server.proc.kill('SIGKILL')
        await server.proc.exited
        await gen.stop()
        acked.push(...gen.acked)
        sent += gen.sent()
      }
      server = await startServer(env)
      expect(await server.stop('SIGTERM')).toBe(0)
      server = undefined

      const instance = await createInstance(join(dataDir, 'pulse.duckdb'))
      const conn = await instance.connect()
      const rows = (
        await conn.runAndReadAll('SELECT session_id, count(*) AS n FROM events GROUP BY session_id')
      ).getRowObjectsJS()
      conn.closeSync()
      instance.closeSync()
      const stored = new Map(rows.map((r) => [r.session_id as string, Number(r.n)]))
      const missing = acked.filter((id) => stored.get(id) !== 1)
      const duplicated = [...stored].filter(([, n]) => n > 1)
      console.log(
        `crash: ${ROUNDS} rounds, ${sent} requests sent, ${acked.length} events acknowledged, ${stored.size} stored, ${missing.length} acknowledged but missing, ${duplicated.length} duplicated`,
      )
      expect(sent).toBeGreaterThan(50 * ROUNDS)
      expect(acked.length).toBeGreaterThan(100 * ROUNDS)
      expect(missing).toEqual([])
      expect(duplicated).toEqual([])
    },
    60_000 + ROUNDS * 6_000,
  )
})
