// A full disk is an outage that heals: on a small tmpfs filled to the last byte, a real server refuses
// ingest with 503 naming the cause (nothing unsafe acknowledged), answers reads and /health with 503
// (never 500), and once space returns heals without a restart, with every acknowledged event stored once.
import { describe, expect, test } from 'bun:test'
import { rmSync } from 'node:fs'
import { startServer } from '../helpers/server'
import { ADMIN, batch, countEvents, createSiteKey, eventually, fillDisk, post, smallDisk } from './faults'

for (const mode of ['fsync', 'none'] as const) {
  describe(`disk full (${mode})`, () => {
    test('503 naming the cause while full; heals without a restart; every acknowledged event stored once', async () => {
      const disk = smallDisk(24)
      const env = {
        PULSE_DATA_DIR: disk.dir,
        PULSE_ADMIN_TOKEN: ADMIN,
        PULSE_DURABILITY: mode,
        PULSE_FLUSH_INTERVAL_MS: '50',
        PULSE_RATE_LIMIT_PER_MINUTE: '0',
      }
      let server = await startServer(env)
      try {
        const key = await createSiteKey(server.url, 'disk')
        let acked = 0
        for (let b = 0; b < 5; b++) {
          const r = await post(server.url, key, batch('disk', `before${b}`, 200))
          expect(r.status).toBe(200)
          acked += 200
        }
        expect((await countEvents(server.url, key, 'disk')).value).toBe(acked)

        const filler = fillDisk(disk.dir)
        const statuses = new Map<number, number>()
        const errors = new Set<string>()
        for (let b = 0; b < 200; b++) {
          const r = await post(server.url, key, batch('disk', `full${b}`, 200))
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
          if (r.status === 200) acked += 200
          else errors.add(r.body.error)
          if (b % 20 === 19) await Bun.sleep(60) // let flushes run (and fail) in between
        }
        // Refused with 503 naming the cause; never a 500 or a dropped connection.
        expect([...statuses.keys()].sort()).toEqual(statuses.has(200) ? [200, 503] : [503])
        expect([...errors].some((e) => /disk is full/.test(e))).toBe(true)
        // A read either counts every acknowledged event or, if some cannot be written, answers 503 (never
        // 500 nor a short number) — and then /health says so too.
        const read = await countEvents(server.url, key, 'disk')
        if (read.status === 200) expect(read.value).toBe(acked)
        else {
          expect(read.status).toBe(503)
          const health = await fetch(`${server.url}/health`, {
            headers: { authorization: `Bearer ${ADMIN}` },
          })
          expect(health.status).toBe(503)
          expect(((await health.json()) as { reason: string }).reason).toMatch(/database/)
        }
        if (mode === 'none') expect(read.status).toBe(503) // acknowledged from memory, and flushes fail

        rmSync(filler, { force: true })
        for (let i = 0; i < 64; i++) rmSync(`${disk.dir}/filler-${i}`, { force: true })
        // Heals by itself: ingest and reads work again, no restart.
        expect(await eventually(async () => (await fetch(`${server.url}/health`)).status === 200)).toBe(true)
        expect(
          await eventually(
            async () => (await post(server.url, key, batch('disk', 'after', 200))).status === 200,
          ),
        ).toBe(true)
        acked += 200
        expect((await countEvents(server.url, key, 'disk')).value).toBe(acked)

        // And a clean stop and restart finds exactly the acknowledged events.
        expect(await server.stop('SIGTERM')).toBe(0)
        server = await startServer(env)
        expect((await countEvents(server.url, key, 'disk')).value).toBe(acked)
      } finally {
        await server.stop('SIGKILL')
        disk.dispose()
      }
    })
  })
}
