// The stored keys of the events (src/events/keys.ts) on every path that writes events: each row's
// session_key, visitor_key and url_key must equal md5_number_lower of its text (NULL only for a NULL url).
// A row without its keys would be silently miscounted by every read, so each path is checked here: the
// writer (live events, log replay and imports all load through it), the reference appender, migration 009
// for rows stored before it, and the test helper that inserts in bulk; and no other source file writes
// into `events`.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../src/db/migrate'
import { MIGRATIONS } from '../../src/db/migrations'
import { type Database, openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import type { EventRow } from '../../src/events/fields'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import { T0 } from '../helpers/app'
import { appendRows, appendRowsByAppender } from '../helpers/append-events'
import { generateIsolationEvents } from '../helpers/heavy-events'

let db: Database
beforeEach(async () => {
  db = await openDatabase(':memory:')
})
afterEach(() => db.close())

/** Rows covering every case of the keys: user id, cookieless visitor id, neither; a URL or none; odd text. */
function sample() {
  const rows: Partial<EventRow>[] = [
    { sessionId: 's1', userId: 'u1', visitorId: 'v1', url: '/a' },
    { sessionId: 's1', userId: null, visitorId: 'v1', url: null },
    { sessionId: 's2', userId: null, visitorId: null, url: 'https://example.com/é?q=1' },
    { sessionId: 'sé\n"x",', userId: '', visitorId: null, url: '/' },
  ]
  const c = rows.map(
    (r, i) =>
      ({
        ...NO_ENRICHMENT,
        siteId: 'site_a',
        eventType: 'page_view',
        ts: T0 + i,
        referrer: null,
        deviceType: null,
        country: null,
        properties: null,
        eventId: null,
        ...r,
      }) as EventRow,
  )
  return { c, n: rows.length }
}

/** Rows whose keys differ from the keys of their text, and the number of rows. */
async function checkKeys(d: Database) {
  const [r] = await queryRows<{ n: number; wrong: number; keyed: number }>(
    d.reader,
    `SELECT count(*) AS n,
       count(*) FILTER (WHERE session_key IS DISTINCT FROM md5_number_lower(session_id)
         OR visitor_key IS DISTINCT FROM md5_number_lower(coalesce(user_id, visitor_id, session_id))
         OR url_key IS DISTINCT FROM md5_number_lower(url)) AS wrong,
       count(*) FILTER (WHERE session_key IS NOT NULL AND visitor_key IS NOT NULL AND (url IS NULL) = (url_key IS NULL)) AS keyed
     FROM events`,
  )
  return r
}

describe('stored event keys', () => {
  test('the writer (live events, replay, imports) stores the keys of the text', async () => {
    await migrate(db.writer)
    const { c, n } = sample()
    await appendRows(db, c, T0)
    await appendRows(db, c, T0, undefined, 'imp_1')
    expect(await checkKeys(db)).toEqual({ n: 2 * n, wrong: 0, keyed: 2 * n })
  })

  test('the reference appender computes the same keys in JavaScript', async () => {
    await migrate(db.writer)
    const { c, n } = sample()
    await appendRowsByAppender(db, c, T0)
    expect(await checkKeys(db)).toEqual({ n, wrong: 0, keyed: n })
  })

  test('migration 009 fills the keys of the rows stored before it', async () => {
    await migrate(db.writer, MIGRATIONS.slice(0, 8))
    const { c, n } = sample()
    // The writer of release 008: every column of the table, by position.
    await db.writer.run(
      `INSERT INTO events (site_id, event_type, ts, session_id, user_id, url, received_at, visitor_id) VALUES ${Array.from(
        { length: n },
        (_, i) =>
          `('site_a', 'page_view', ${c[i].ts}, $${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, ${T0}, $${4 * i + 4})`,
      ).join(', ')}`,
      Array.from({ length: n }, (_, i) => [c[i].sessionId, c[i].userId, c[i].url, c[i].visitorId]).flat(),
    )
    await migrate(db.writer)
    expect(await checkKeys(db)).toEqual({ n, wrong: 0, keyed: n })
  })

  test('the bulk test helper stores the keys', async () => {
    await migrate(db.writer)
    await generateIsolationEvents(db, { siteId: 'site_a', events: 1000, now: T0, days: 1 })
    expect(await checkKeys(db)).toEqual({ n: 1000, wrong: 0, keyed: 1000 })
  })

  test('no other source file writes into events', () => {
    const root = join(import.meta.dir, '..', '..', 'src')
    const writers = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|sql)$/.test(f))
      .filter((f) =>
        /INSERT\s+INTO\s+events\b|COPY\s+events\b|createAppender\('events'\)/i.test(
          readFileSync(join(root, f), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, ''),
        ),
      )
      .sort()
    // (Migration 009 writes `events_keyed`, which becomes `events`.) The ClickHouse store inserts into its
    // own `events`, whose keys are DEFAULT expressions of the same dialect key (events/clickhouse/schema.ts;
    // test/clickhouse/store.chdb.test.ts checks they equal DuckDB's).
    expect(writers).toEqual(['events/clickhouse/store.ts', 'events/writer.ts'])
  })
})
