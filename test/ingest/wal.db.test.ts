// The write-ahead log through the real services on a real DuckDB file: acknowledged events survive a
// crash before any flush, replay is exactly-once, torn tails are skipped, event_id retries are stored once.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { encodeRecord } from '../../src/events/wal-format'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import { createSite } from '../../src/sites/service'
import { ADMIN_TOKEN, bootOnDir, event, T0 } from '../helpers/app'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-wal-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** `crash()` simulates a hard crash: the process state is dropped without flushing the buffer or closing the log. */
const boot = (env: Record<string, string> = {}) => bootOnDir(dir, env)

const segments = () => readdirSync(join(dir, 'ingest-log')).filter((f) => f.endsWith('.log'))

describe('write-ahead log', () => {
  test('a log written by an earlier release (JSON records) is replayed, and its event ids are known afterwards', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    await s.deps.close()
    const row = (i: number) => ({
      ...NO_ENRICHMENT,
      siteId: 'a',
      eventType: 'page_view',
      ts: T0 - 1000,
      sessionId: `old${i}`,
      userId: null,
      url: '/a,"b"',
      referrer: null,
      deviceType: null,
      country: null,
      properties: '{"k":"v, w"}',
      eventId: `old_${i}`,
    })
    writeFileSync(
      join(dir, 'ingest-log', `${String(1).padStart(16, '0')}.log`),
      Buffer.concat([encodeRecord(1, T0 - 500, [row(1), row(2)]), encodeRecord(2, T0 - 400, [row(3)])]),
    )
    s = await boot()
    expect(await s.count()).toBe(3)
    const [r] = await queryRows(
      s.deps.db.reader,
      "SELECT url, properties FROM events WHERE event_id = 'old_3'",
    )
    expect(r).toEqual({ url: '/a,"b"', properties: '{"k":"v, w"}' })
    // A retry of a replayed event is recognised (the index is read after the replay).
    expect(
      (await s.post('/collect', secret_key, event('a', { event_id: 'old_2', session_id: 'retry' }))).status,
    ).toBe(200)
    expect(await s.count()).toBe(3)
    await s.deps.close()
  })

  test('acknowledged events survive a crash before the first flush, exactly once across repeated replays', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    const events = Array.from({ length: 50 }, (_, i) => event('a', { session_id: `s${i}` }))
    expect((await s.post('/collect/batch', secret_key, { events })).status).toBe(200)
    expect((await s.post('/collect', secret_key, event('a', { session_id: 'single' }))).status).toBe(200)
    expect(s.deps.buffer.depth).toBe(51)
    s.crash()

    s = await boot()
    expect(await s.count()).toBe(51)
    s.crash() // crash again right after the replay flush: nothing is replayed twice
    s = await boot()
    expect(await s.count()).toBe(51)
    const sessions = await queryRows<{ n: number }>(
      s.deps.db.reader,
      'SELECT count(DISTINCT session_id) AS n FROM events',
    )
    expect(sessions[0].n).toBe(51)
    await s.deps.close()
  })

  test('applied segments are trimmed after a flush; a clean shutdown leaves nothing to replay', async () => {
    const s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    await s.post('/collect', secret_key, event('a'))
    expect(await s.count()).toBe(1)
    await s.deps.close()
    const again = await boot()
    expect(await again.count()).toBe(1)
    expect(segments()).toHaveLength(1) // only the new, empty active segment
    await again.deps.close()
    expect(segments()).toHaveLength(0)
  })

  test('a torn or zeroed tail is skipped with the records before it kept', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    await s.post('/collect', secret_key, event('a', { session_id: 'kept' }))
    s.crash()
    const [seg] = segments()
    appendFileSync(join(dir, 'ingest-log', seg), new Uint8Array([0x50, 0x55, 0x4c, 0x53, 9, 9]))
    appendFileSync(join(dir, 'ingest-log', seg), new Uint8Array(512))
    s = await boot()
    expect(await s.count()).toBe(1)
    // And the server keeps logging and replaying normally afterwards.
    await s.post('/collect', secret_key, event('a', { session_id: 'after' }))
    s.crash()
    s = await boot()
    expect(await s.count()).toBe(2)
    await s.deps.close()
  })

  test('a retry with the same event_id is acknowledged again but stored once, also after a restart', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    const e = event('a', { event_id: 'evt_1' })
    for (let i = 0; i < 3; i++) {
      const res = await s.post('/collect', secret_key, e)
      expect(await res.json()).toEqual({ success: true, data: { accepted: 1 } })
    }
    const batch = await s.post('/collect/batch', secret_key, {
      events: [e, event('a', { event_id: 'evt_2' }), event('a', { event_id: 'evt_2' })],
    })
    expect((await batch.json()).data.accepted).toBe(3)
    expect(await s.count()).toBe(2)
    await s.deps.close()
    s = await boot()
    await s.post('/collect', secret_key, e)
    expect(await s.count()).toBe(2)
    await s.deps.close()
  })

  test('while DuckDB writes fail, acknowledged events are kept, a full buffer answers 503, and it recovers by itself', async () => {
    let s = await boot({ PULSE_FLUSH_MAX_ROWS: '100', PULSE_MAX_BUFFER_ROWS: '100' })
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    // Make every flush fail, as a full disk or I/O error would.
    // (Under the write lock: on the writer connection outside it, a flush's ROLLBACK could undo the rename.)
    const alter = (sql: string) => s.deps.db.writeLock.run(() => s.deps.db.writer.run(sql))
    await alter('ALTER TABLE events RENAME TO events_away')
    const batch = (from: number, n: number) => ({
      events: Array.from({ length: n }, (_, i) => event('a', { session_id: `s${from + i}` })),
    })
    expect((await s.post('/collect/batch', secret_key, batch(0, 60))).status).toBe(200)
    await expect(s.deps.buffer.flush()).rejects.toThrow()
    expect((await s.post('/collect/batch', secret_key, batch(60, 40))).status).toBe(200)
    const full = await s.post('/collect/batch', secret_key, batch(100, 1))
    expect(full.status).toBe(503)
    expect(full.headers.get('retry-after')).toBe('1')
    expect(s.deps.buffer.lastError).not.toBeNull()
    // The cause goes away; the next timed flush (called here by hand) writes everything once.
    await alter('ALTER TABLE events_away RENAME TO events')
    expect(await s.count()).toBe(100)
    expect((await s.post('/collect/batch', secret_key, batch(100, 1))).status).toBe(200)
    s.crash()
    s = await boot()
    expect(await s.count()).toBe(101)
    await s.deps.close()
  })

  test('a second process on the same data directory fails fast with a clear message', async () => {
    const s = await boot()
    const proc = Bun.spawnSync([process.execPath, 'src/index.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, PORT: '0', PULSE_DATA_DIR: dir, PULSE_ADMIN_TOKEN: ADMIN_TOKEN },
      timeout: 20_000,
    })
    expect(proc.exitCode).not.toBe(0)
    expect(proc.stderr.toString()).toContain('in use by another process')
    await s.deps.close()
  })
})
