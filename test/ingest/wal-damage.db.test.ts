// The write-ahead log under damage and steady traffic, through the real services on a real DuckDB file:
// a corrupt record in the middle of a segment loses only that record (reported, with a copy kept aside,
// sequence numbers never reused), and applied segments go away while traffic continues.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { WriteAheadLog } from '../../src/events/wal'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import type { EventRow } from '../../src/ingest/validate'
import { createLogger } from '../../src/logger'
import { createSite } from '../../src/sites/service'
import { ADMIN_TOKEN, bootOnDir, event, T0 } from '../helpers/app'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-wal-damage-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const boot = () => bootOnDir(dir)

const logDir = () => join(dir, 'ingest-log')
const segments = () =>
  readdirSync(logDir())
    .filter((f) => f.endsWith('.log'))
    .sort()

/** Byte offsets of each record in a segment (v2 header: payload length at +4, 28-byte header). */
function recordOffsets(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: number[] = []
  for (let off = 0; off < bytes.length; off += 28 + view.getUint32(off + 4, true)) out.push(off)
  return out
}

describe('write-ahead log damage', () => {
  test('4 flipped bytes in record 100 of 200 lose only that record; reported, kept aside, seqs not reused', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    for (let b = 0; b < 200; b++) {
      const events = Array.from({ length: 5 }, (_, i) => event('a', { session_id: `b${b}-${i}` }))
      expect((await s.post('/collect/batch', secret_key, { events })).status).toBe(200)
    }
    s.crash()
    const [seg] = segments()
    const path = join(logDir(), seg)
    const bytes = readFileSync(path)
    const offsets = recordOffsets(bytes)
    expect(offsets).toHaveLength(200)
    for (let k = 0; k < 4; k++) bytes[offsets[99] + 60 + k] ^= 0xff
    writeFileSync(path, bytes)

    s = await boot()
    expect(await s.count()).toBe(995)
    const lostSessions = await queryRows<{ n: number }>(
      s.deps.db.reader,
      "SELECT count(*) AS n FROM events WHERE session_id LIKE 'b99-%'",
    )
    expect(lostSessions[0].n).toBe(0)
    const [report] = s.deps.wal?.damage ?? []
    expect(report).toMatchObject({ segment: seg, recordsLost: 1, eventsLost: 5, eventsLostExact: true })
    expect(report.lostSeqs).toHaveLength(1)
    expect(report.keptAs).not.toBeNull()
    expect(readFileSync(report.keptAs as string)).toEqual(bytes)
    // The admin sees the same report in /health; the server still does its job (200).
    const health = await s.app.handle(
      new Request('http://localhost/health', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
    )
    expect(health.status).toBe(200)
    const body = (await health.json()) as { details: { wal_damage: unknown[] } }
    expect(body.details.wal_damage).toEqual([
      expect.objectContaining({ segment: seg, recordsLost: 1, eventsLost: 5 }),
    ])

    // New records are numbered after every number the damaged segment used.
    await s.post('/collect', secret_key, event('a', { session_id: 'after' }))
    s.crash()
    const firstSeqs = segments().map((f) => Number(f.slice(0, 16)))
    expect(Math.max(...firstSeqs)).toBeGreaterThan(200)
    s = await boot()
    expect(await s.count()).toBe(996)
    await s.deps.close()
  })
})

describe('write-ahead log size under steady traffic', () => {
  const row = (i: number): EventRow => ({
    ...NO_ENRICHMENT,
    siteId: 'a',
    eventType: 'page_view',
    ts: T0 + i,
    sessionId: `s${i}`,
    userId: null,
    url: '/p',
    referrer: null,
    deviceType: null,
    country: null,
    properties: null,
    eventId: null,
  })

  test('segments seal by size and applied ones are deleted while appends continue', async () => {
    const { wal } = await WriteAheadLog.open({
      dir: logDir(),
      appliedSeq: 0,
      sync: false,
      logger: createLogger('silent'),
      rotateBytes: 64 * 1024,
    })
    // A segment deleted (off the event loop) between the listing and its stat counts 0 bytes.
    const dirBytes = () =>
      readdirSync(logDir()).reduce(
        (n, f) => n + (statSync(join(logDir(), f), { throwIfNoEntry: false })?.size ?? 0),
        0,
      )
    let maxBytes = 0
    let applied = 0
    // Steady traffic: 2,000 records, a flush after every 50, never a moment with nothing in flight.
    for (let i = 1; i <= 2000; i++) {
      const seq = await wal.append([row(i), row(i + 1)], T0)
      if (i % 50 === 0) {
        wal.markApplied(applied) // the previous flush lands while newer records keep arriving
        applied = seq - 10
      }
      maxBytes = Math.max(maxBytes, dirBytes())
    }
    // 2,000 records of ~250 bytes were written (~500 KB); the log stays bounded by one
    // sealed-but-unapplied segment plus the active one (plus one record of slack).
    expect(wal.unappliedRecords).toBeGreaterThan(0)
    // Bounded by one sealed-but-unapplied segment plus the active one (plus one record of slack).
    expect(maxBytes).toBeLessThan(3 * 64 * 1024)
    expect(segments().length).toBeLessThanOrEqual(3)
    await wal.close()
  })
})
