// The storage seam's contract, run against every engine that implements `EventStore` (DuckDB here; a
// second engine adds its factory to STORES): idempotent appends by log position, deletes by site, user,
// time (the retention prune) and import with their metadata in the same unit, and reads within the read limits.
import { afterEach, describe, expect, test } from 'bun:test'
import { csvRows } from '../../src/events/csv'
import type { EventStore } from '../../src/events/store'
import { toRow } from '../../src/ingest/validate'
import { announceLane, CHDB, clickhouseEnv } from '../clickhouse/lane'
import { createTestApp, event, T0 } from '../helpers/app'

interface Opened {
  store: EventStore
  close(): Promise<void>
}

const STORES: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'duckdb',
    async open() {
      const t = await createTestApp()
      return { store: t.deps.events.store, close: () => t.close() }
    },
  },
  // The ClickHouse lane (chDB in process), when `npm run setup:chdb` has run.
  ...(CHDB
    ? [
        {
          name: 'clickhouse (chDB)',
          async open() {
            const t = await createTestApp(clickhouseEnv())
            return { store: t.deps.events.store, close: () => t.close() }
          },
        },
      ]
    : []),
]
announceLane()

function batch(rows: Record<string, unknown>[], importId: string | null = null) {
  const csv = csvRows(
    rows.map((r) => toRow(r as never, T0)),
    T0,
    importId,
  )
  return { chunks: [new TextEncoder().encode(csv)], rows: rows.length }
}

const count = (s: EventStore, where = '1 = 1', params: unknown[] = []) =>
  s.read(
    'test',
    async (r) =>
      (await r.rows<{ n: number }>(`SELECT count(*) AS n FROM events WHERE ${where}`, params))[0].n,
  )

for (const engine of STORES) {
  describe(`EventStore: ${engine.name}`, () => {
    let o: Opened
    afterEach(async () => {
      await o?.close()
    })

    test('an append with a log position stores the rows and the position; the same position again stores nothing', async () => {
      o = await engine.open()
      expect(await o.store.appliedPosition()).toBe(0)
      const b = batch([event('s1'), event('s1', { session_id: 'other' })])
      await o.store.append(b, { upTo: 7 })
      expect(await count(o.store)).toBe(2)
      expect(await o.store.appliedPosition()).toBe(7)
      await o.store.append(b, { upTo: 7 })
      await o.store.append(b, { upTo: 5 })
      expect(await count(o.store)).toBe(2)
      await o.store.append(batch([event('s1')]), { upTo: 8 })
      expect(await count(o.store)).toBe(3)
    })

    test('a failed metadata step inside an append leaves neither the rows nor the position', async () => {
      o = await engine.open()
      const failing = async () => {
        throw new Error('metadata step failed')
      }
      await expect(o.store.append(batch([event('s1')]), { upTo: 3, within: failing })).rejects.toThrow(
        'metadata step failed',
      )
      expect(await count(o.store)).toBe(0)
      expect(await o.store.appliedPosition()).toBe(0)
    })

    test('deletes by user, by import and by site remove exactly what they name', async () => {
      o = await engine.open()
      await o.store.append(
        batch([
          event('s1', { user_id: 'u1' }),
          event('s1', { user_id: 'u2' }),
          event('s2', { user_id: 'u1' }),
        ]),
        { upTo: 1 },
      )
      await o.store.append(batch([event('s1'), event('s1')], 'imp_1'))
      expect(await count(o.store)).toBe(5)
      expect(await o.store.deleteEvents({ siteId: 's1', userId: 'u1' })).toBe(1)
      expect(await count(o.store, "user_id = 'u1'")).toBe(1)
      expect(await o.store.deleteEvents({ importId: 'imp_1' })).toBe(2)
      expect(await count(o.store)).toBe(2)
      expect(await o.store.deleteEvents({ siteId: 's1' })).toBe(1)
      expect(await count(o.store, `site_id = ${o.store.dialect.param(1, 'text')}`, ['s2'])).toBe(1)
      expect(await count(o.store)).toBe(1)
    })

    test("a delete by time removes the site's events before the instant, and nothing else", async () => {
      o = await engine.open()
      await o.store.append(
        batch([
          event('s1', { timestamp: T0 - 3000 }),
          event('s1', { timestamp: T0 - 2000 }),
          event('s1', { timestamp: T0 - 1000 }),
          event('s2', { timestamp: T0 - 3000 }),
        ]),
        { upTo: 1 },
      )
      expect(await o.store.deleteEvents({ siteId: 's1', before: T0 - 2000 })).toBe(1)
      expect(await count(o.store)).toBe(3)
      expect(await count(o.store, `ts < ${o.store.dialect.param(1, 'int')}`, [T0 - 2000])).toBe(1)
      expect(await o.store.appliedPosition()).toBe(1)
    })

    test('a delete whose metadata step fails deletes nothing', async () => {
      o = await engine.open()
      await o.store.append(batch([event('s1'), event('s1')]), { upTo: 1 })
      await expect(
        o.store.deleteEvents({ siteId: 's1' }, async () => {
          throw new Error('no')
        }),
      ).rejects.toThrow('no')
      expect(await count(o.store)).toBe(2)
    })
  })
}
