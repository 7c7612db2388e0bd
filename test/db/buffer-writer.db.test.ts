// The CSV buffer and the bulk-load writer against a real DuckDB file.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../../src/clock'
import { migrate } from '../../src/db/migrate'
import { type Database, openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { EventBuffer, type FlushSink } from '../../src/events/buffer'
import { type CsvBatch, loadCsvBatch } from '../../src/events/writer'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import type { EventRow } from '../../src/ingest/validate'
import { createLogger } from '../../src/logger'
import { appendRows } from '../helpers/append-events'

let dir: string
let db: Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-db-'))
  db = await openDatabase(join(dir, 'pulse.duckdb'))
  await migrate(db.writer)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const row = (i: number, extra: Partial<EventRow> = {}): EventRow => ({
  ...NO_ENRICHMENT,
  siteId: 'site_a',
  eventType: i % 2 ? 'click' : 'page_view',
  ts: 1_700_000_000_000 + i,
  sessionId: `s${i % 7}`,
  userId: i % 3 ? `u${i}` : null,
  url: '/p',
  referrer: null,
  deviceType: 'desktop',
  country: 'US',
  properties: i === 0 ? '{"plan":"pro"}' : null,
  eventId: null,
  ...extra,
})

const count = async () => (await queryRows<{ n: number }>(db.reader, 'SELECT count(*) AS n FROM events'))[0].n
const bufferOpts = {
  flushMaxRows: 1000,
  sliceMaxRows: 1000,
  maxBufferRows: 5000,
  flushIntervalMs: 1000,
  clock: manualClock(0),
  logger: createLogger('silent'),
  autoFlush: false,
}

describe('migrations', () => {
  test('apply once: a second run applies nothing', async () => {
    expect(await migrate(db.writer)).toEqual([])
    const v = await queryRows<{ version: number }>(db.reader, 'SELECT version FROM schema_migrations')
    expect(v.map((r) => r.version)).toContain(1)
  })
})

describe('EventBuffer + loadCsvBatch', () => {
  test('flush writes every buffered row with its values, in one go', async () => {
    const buf = new EventBuffer((b) => loadCsvBatch(db, b), bufferOpts)
    buf.push(
      Array.from({ length: 250 }, (_, i) => row(i)),
      42,
    )
    expect(buf.depth).toBe(250)
    expect(await count()).toBe(0)
    await buf.flush()
    expect(buf.depth).toBe(0)
    expect(await count()).toBe(250)
    const [first] = await queryRows(db.reader, 'SELECT * FROM events ORDER BY ts LIMIT 1')
    expect(first).toMatchObject({
      site_id: 'site_a',
      event_type: 'page_view',
      ts: 1_700_000_000_000,
      user_id: null,
      received_at: 42,
    })
    expect(JSON.parse(first.properties as string)).toEqual({ plan: 'pro' })
  })

  test('reaching flushMaxRows starts a flush by itself', async () => {
    const buf = new EventBuffer((b) => loadCsvBatch(db, b), bufferOpts)
    buf.push(
      Array.from({ length: 1000 }, (_, i) => row(i)),
      0,
    )
    await buf.flush()
    expect(await count()).toBe(1000)
    expect(buf.flushedRows).toBe(1000)
  })

  test('a failed flush keeps the rows in order and the retry writes them once', async () => {
    let fail = true
    const sink: FlushSink = async (b) => {
      if (fail) throw new Error('disk full')
      await loadCsvBatch(db, b)
    }
    const buf = new EventBuffer(sink, bufferOpts)
    buf.push([row(1), row(2)], 0)
    await expect(buf.flush()).rejects.toThrow('disk full')
    expect(buf.depth).toBe(2)
    expect(buf.lastError).toBe('disk full')
    buf.push([row(3)], 0)
    fail = false
    await buf.flush()
    const rows = await queryRows<{ ts: number }>(db.reader, 'SELECT ts FROM events ORDER BY rowid')
    expect(rows.map((r) => r.ts - 1_700_000_000_000)).toEqual([1, 2, 3])
    expect(buf.lastError).toBeNull()
  })

  test('a write that fails half-way leaves nothing behind (one transaction)', async () => {
    const buf = new EventBuffer((b) => loadCsvBatch(db, b), bufferOpts)
    // A NULL in a NOT NULL column fails the append after valid rows were added.
    buf.push([row(1), row(2), row(3, { siteId: null as unknown as string })], 0)
    await expect(buf.flush()).rejects.toThrow()
    expect(await count()).toBe(0)
    expect(buf.depth).toBe(3)
  })

  test('ensureRoom refuses with 503 past maxBufferRows', () => {
    const buf = new EventBuffer(async () => undefined, { ...bufferOpts, maxBufferRows: 10, flushMaxRows: 10 })
    buf.push(
      Array.from({ length: 9 }, (_, i) => row(i)),
      0,
    )
    expect(() => buf.ensureRoom(1)).not.toThrow()
    expect(() => buf.ensureRoom(2)).toThrow('buffer is full')
  })

  test('drains in slices: no flush takes the whole buffer, and each slice records its own log position', async () => {
    const slices: { rows: number; upTo: number }[] = []
    const buf = new EventBuffer(
      async (b: CsvBatch, upTo) => {
        slices.push({ rows: b.rows, upTo })
        await loadCsvBatch(db, b)
      },
      { ...bufferOpts, maxBufferRows: 100_000 },
    )
    for (let seq = 1; seq <= 35; seq++)
      buf.push(
        Array.from({ length: 100 }, (_, i) => row(seq * 100 + i)),
        0,
        seq,
      )
    await buf.flush()
    expect(await count()).toBe(3500)
    expect(slices).toEqual([
      { rows: 1000, upTo: 10 },
      { rows: 1000, upTo: 20 },
      { rows: 1000, upTo: 30 },
      { rows: 500, upTo: 35 },
    ])
    expect(buf.depth).toBe(0)
  })

  test('a slice that fails stays at the front; later rows wait behind it', async () => {
    let fail = true
    const written: number[] = []
    const buf = new EventBuffer(async (b: CsvBatch, upTo) => {
      if (fail) throw new Error('busy')
      written.push(upTo)
      await loadCsvBatch(db, b)
    }, bufferOpts)
    buf.push(
      Array.from({ length: 1000 }, (_, i) => row(i)),
      0,
      1,
    )
    await expect(buf.flush()).rejects.toThrow('busy')
    buf.push([row(5000)], 0, 2)
    expect(buf.depth).toBe(1001)
    fail = false
    await buf.flush()
    expect(written).toEqual([1, 2])
    expect(await count()).toBe(1001)
  })

  test('the load directory is empty after each flush, after a failed one, and emptied at open', async () => {
    const buf = new EventBuffer((b) => loadCsvBatch(db, b), bufferOpts)
    buf.push([row(1)], 0)
    await buf.flush()
    expect(readdirSync(db.loadDir)).toEqual([])
    buf.push([row(2, { siteId: null as unknown as string })], 0)
    await expect(buf.flush()).rejects.toThrow()
    expect(readdirSync(db.loadDir)).toEqual([])
    writeFileSync(join(db.loadDir, '1-1.csv'), 'left by a crash\n')
    const path = db.path
    db.close()
    db = await openDatabase(path)
    expect(readdirSync(db.loadDir)).toEqual([])
    expect(db.loadDir).toBe(join(dir, 'ingest-log', 'load'))
  })

  test('an import id and an empty string survive the CSV load; NULL stays NULL', async () => {
    await appendRows(db, [row(1, { url: '', referrer: 'a,"b"\nc', eventId: 'e1' })], 0, undefined, 'imp_1')
    const [r] = await queryRows(
      db.reader,
      'SELECT url, referrer, import_id, country, user_id, event_key FROM events',
    )
    expect(r).toMatchObject({
      url: '',
      referrer: 'a,"b"\nc',
      import_id: 'imp_1',
      country: 'US',
      user_id: 'u1',
    })
    expect(r.event_key).toBeGreaterThan(0)
  })

  test('ensureRoom also refuses once the CSV bytes held reach maxBufferBytes', async () => {
    const buf = new EventBuffer((b) => loadCsvBatch(db, b), { ...bufferOpts, maxBufferBytes: 2000 })
    buf.push([row(1, { properties: JSON.stringify({ pad: 'x'.repeat(2000) }) })], 0)
    expect(buf.heldBytes).toBeGreaterThan(2000)
    expect(() => buf.ensureRoom(1)).toThrow('buffer is full')
    await buf.flush()
    expect(buf.heldBytes).toBe(0)
    expect(() => buf.ensureRoom(1)).not.toThrow()
  })

  test('inside the flush transaction, after the hook, the batch is readable as batch_events', async () => {
    const seen: unknown[] = []
    await appendRows(db, [row(1, { eventId: 'e1' }), row(2)], 0, async () => {
      seen.push(...(await queryRows(db.writer, 'SELECT ts, event_id FROM batch_events ORDER BY ts')))
    })
    expect(seen).toEqual([
      { ts: 1_700_000_000_001, event_id: 'e1' },
      { ts: 1_700_000_000_002, event_id: null },
    ])
    // A temporary table of the flush only: gone after the commit.
    expect(
      await queryRows(db.writer, "SELECT * FROM duckdb_tables() WHERE table_name = 'batch_events'"),
    ).toEqual([])
  })

  test('data survives closing and reopening the file', async () => {
    await appendRows(db, [row(1), row(2)], 0)
    const path = db.path
    db.close()
    db = await openDatabase(path)
    expect(await count()).toBe(2)
  })
})
