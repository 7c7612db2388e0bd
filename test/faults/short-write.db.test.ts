// A short write injected into the load-file writer (`writev` storing half of what it was given, without
// an error, as a file system filling up mid-call does), on a real DuckDB file on a tmpfs made for the
// test, in both durability modes: the writer finishes the short write, so every acknowledged event is
// stored exactly once, also after a restart. With the disk full behind the short write, the flush fails
// naming the cause, leaves no load file behind, and heals once space returns.
import { describe, expect, test } from 'bun:test'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import type { WriteVector } from '../../src/events/write-fully'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'
import { ADMIN } from '../e2e/faults'
import { diskSupport, fillDisk, makeDisk } from './disks'

const support = diskSupport().tmpfs
if (support !== true) console.log(`short-write tests skipped: ${support}`)

/** A gathering write that stores only the first half of its bytes and says so (no error). */
const halfWrite = (calls: { n: number }): WriteVector => {
  return async (file, chunks, position) => {
    calls.n++
    const all = Buffer.concat(chunks)
    const half = Math.max(1, Math.floor(all.length / 2))
    return (await file.write(all, 0, half, position)).bytesWritten
  }
}

async function open(dir: string, mode: 'fsync' | 'none', writev?: WriteVector) {
  const config = loadConfig({
    PULSE_DATA_DIR: dir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DURABILITY: mode,
    PULSE_LOG_LEVEL: 'silent',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
  })
  const clock = manualClock(Date.now())
  const deps = await createServices(config, {
    clock,
    logger: createLogger('silent'),
    autoFlush: false,
    load: { writev },
  })
  const app = createApp(deps)
  const call = (method: string, path: string, key: string, body?: unknown) =>
    app.handle(
      new Request(`http://localhost${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  const count = async (key: string, metric = 'event_count') => {
    const res = await call('GET', `/api/v1/stats?site_id=s&metric=${metric}&period=7d`, key)
    return res.status === 200
      ? ((await res.json()) as { data: { value: number } }).data.value
      : { status: res.status, error: ((await res.json()) as { error: string }).error }
  }
  return { deps, clock, call, count, loadDir: deps.db.loadDir }
}

/** Events happened a minute before the tests' clocks start (a period ends at the clock's "now"). */
const T = Date.now() - 60_000

const events = (tag: string, n: number) => ({
  events: Array.from({ length: n }, (_, i) => ({
    site_id: 's',
    event_type: 'page_view',
    timestamp: T,
    session_id: `${tag}-${i}`,
    url: `https://example.com/${tag}/${i}?q=${'x'.repeat(40)}`,
  })),
})

for (const mode of ['fsync', 'none'] as const) {
  describe.skipIf(support !== true)(`short write into the load file (${mode})`, () => {
    test('a short write is finished: every acknowledged event stored exactly once, also after a restart', async () => {
      const disk = makeDisk('tmpfs', 64)
      try {
        const calls = { n: 0 }
        let s = await open(disk.dir, mode, halfWrite(calls))
        const { secret_key: key } = await createSite(s.deps, { site_id: 's' })
        let acked = 0
        for (let b = 0; b < 6; b++) {
          const res = await s.call('POST', '/collect/batch', key, events(`b${b}`, 700))
          expect(res.status).toBe(200)
          acked += 700
          if (b % 2 === 1) expect(await s.count(key)).toBe(acked)
        }
        expect(calls.n).toBeGreaterThan(0)
        expect(await s.count(key, 'unique_sessions')).toBe(acked)
        await s.deps.close()
        s = await open(disk.dir, mode)
        expect(await s.count(key)).toBe(acked)
        expect(await s.count(key, 'unique_sessions')).toBe(acked)
        await s.deps.close()
      } finally {
        disk.dispose()
      }
    })

    test('a short write on a full disk fails the flush naming the cause, leaves no file, heals when space returns', async () => {
      const disk = makeDisk('tmpfs', 64)
      try {
        const s = await open(disk.dir, mode, halfWrite({ n: 0 }))
        const { secret_key: key } = await createSite(s.deps, { site_id: 's' })
        expect((await s.call('POST', '/collect/batch', key, events('a', 500))).status).toBe(200)
        expect(await s.count(key)).toBe(500)
        // Acknowledge a batch, then fill the disk: its flush starts with a short write and finds no room.
        expect((await s.call('POST', '/collect/batch', key, events('b', 900))).status).toBe(200)
        const filler = fillDisk(disk.dir, 18)
        const broken = await s.count(key)
        expect(broken).toEqual({ status: 503, error: expect.stringMatching(/the disk is full/) })
        expect(readdirSync(s.loadDir)).toEqual([])
        filler.freeSome()
        // Heals at the next read (the buffer pauses between tries; a manual clock: move past the pause).
        await Bun.sleep(10)
        s.clock.advance(5000)
        let healed: unknown
        for (let i = 0; i < 20 && typeof healed !== 'number'; i++) {
          healed = await s.count(key)
          if (typeof healed !== 'number') await Bun.sleep(100)
        }
        expect(healed).toBe(1400)
        expect(await s.count(key, 'unique_sessions')).toBe(1400)
        filler.freeAll()
        await s.deps.close()
        expect(readdirSync(join(disk.dir, 'ingest-log', 'load'))).toEqual([])
      } finally {
        disk.dispose()
      }
    })
  })
}
