// The export's paged walk on a real DuckDB: with tiny pages (so the time range is cut into many windows,
// and an instant holding more rows than a page is paged by rowid) it yields exactly the rows of one
// `ORDER BY ts, rowid` query, in that order; and the window planner merges buckets up to a page.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { fillEventKeys, withPendingKeys } from '../../src/db/rekey'
import { queryRows } from '../../src/db/rows'
import { type ExportSelection, exportChunks, planWindows } from '../../src/stats/export/pages'
import { RAW_COLUMNS } from '../../src/stats/sql/events'
import { createTestApp, T0, type TestApp } from '../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  // 500 events: ten instants of 23 events each (more than a page), the rest spread out with rowids out
  // of time order; every fifth event belongs to another site.
  const rows = `SELECT CASE WHEN i % 5 = 0 THEN 'other' ELSE 'site_a' END, CASE WHEN i % 3 = 0 THEN 'click' ELSE 'page_view' END,
           CASE WHEN i < 230 THEN ${T0} - 1000 * (i // 23) ELSE ${T0} - 7 * ((i * 7919) % 1000) END,
           's' || i, NULL, '/p' || (i % 7), NULL, NULL, NULL, NULL, 'e' || i, ${T0}, NULL
    FROM range(500) r(i)`
  await t.deps.db.writer.run(
    `INSERT INTO events BY NAME ${withPendingKeys(rows, 'site_id, event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id, received_at, visitor_id')}`,
  )
  await fillEventKeys(t.deps.db.writer, { pendingOnly: true })
})
afterAll(() => t.close())

async function walk(sel: ExportSelection, pageRows: number) {
  const conn = await t.deps.db.readPool.acquire()
  try {
    const out: unknown[][] = []
    for await (const { names, chunk } of exportChunks(conn, sel, { pageRows }))
      for (const row of chunk.getRows()) out.push(row.slice(0, names.length))
    return out
  } finally {
    t.deps.db.readPool.release(conn)
  }
}

const ALL = { from: 0, to: Number.MAX_SAFE_INTEGER }

describe('exportChunks', () => {
  test.each([2, 5, 50, 100_000])(
    'pages of %i rows: every row once, oldest first, ties in rowid order',
    async (pageRows) => {
      const expected = (
        await t.deps.db.reader.runAndReadAll(
          `SELECT ${RAW_COLUMNS} FROM events WHERE site_id = 'site_a' ORDER BY ts, rowid`,
        )
      ).getRows()
      expect(expected.length).toBe(400)
      expect(await walk({ siteId: 'site_a', range: ALL, filters: [] }, pageRows)).toEqual(expected)
    },
  )

  test('the range and filters select what the SQL selects', async () => {
    const range = { from: T0 - 5000, to: T0 - 500 }
    const expected = await queryRows<{ event_id: string }>(
      t.deps.db.reader,
      `SELECT ${RAW_COLUMNS} FROM events WHERE site_id = 'site_a' AND ts >= $1 AND ts < $2 AND event_type = 'click' ORDER BY ts, rowid`,
      [BigInt(range.from), BigInt(range.to)],
    )
    expect(expected.length).toBeGreaterThan(10)
    const got = await walk({ siteId: 'site_a', range, filters: [{ field: 'event_type', value: 'click' }] }, 4)
    expect(got.map((r) => r[10])).toEqual(expected.map((r) => r.event_id))
  })

  test('an empty selection yields nothing', async () => {
    expect(await walk({ siteId: 'nobody', range: ALL, filters: [] }, 5)).toEqual([])
  })
})

describe('planWindows', () => {
  test('merges consecutive buckets up to a page; an over-full bucket stands alone', () => {
    const buckets = [
      { b: 0, n: 2 },
      { b: 1, n: 2 },
      { b: 3, n: 9 },
      { b: 4, n: 1 },
      { b: 7, n: 3 },
    ]
    expect(planWindows(buckets, 100, 10, 4)).toEqual([
      { from: 100, to: 120 },
      { from: 130, to: 140 },
      { from: 140, to: 180 },
    ])
  })
})
