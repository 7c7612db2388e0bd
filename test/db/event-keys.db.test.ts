// The stored keys of the events (src/events/keys.ts) on every path that writes events: each row's
// session_key, visitor_key and url_key must equal XXH64 of its text (NULL only for a NULL url), computed
// here independently of the encoder. A row without its keys would be silently miscounted by every read, so
// each path is checked here: the writer (live events, log replay and imports all load through it), the
// reference appender, migration 011 for rows stored before it (with MD5 keys; resumable), and the test
// helper that inserts in bulk; and no other source file writes into `events`.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../src/db/migrate'
import type { CodeMigration } from '../../src/db/migrations'
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

/** XXH64 (seed 0) of the UTF-8 text, as the definition says; null stays null. */
const xxh64 = (t: string | null) => (t === null ? null : Bun.hash.xxHash64(new TextEncoder().encode(t)))

/** Rows whose keys differ from the keys of their text, and the number of rows. */
async function checkKeys(d: Database) {
  const r = await d.reader.runAndReadAll(
    'SELECT session_id, coalesce(user_id, visitor_id, session_id), url, session_key, visitor_key, url_key FROM events',
  )
  const rows = r.getRows()
  let wrong = 0
  let keyed = 0
  for (const [s, v, u, sk, vk, uk] of rows) {
    if (sk !== xxh64(s as string) || vk !== xxh64(v as string) || uk !== xxh64(u as string | null)) wrong++
    if (sk !== null && vk !== null && (u === null) === (uk === null)) keyed++
  }
  return { n: rows.length, wrong, keyed }
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

  test('migrations 009 and 011 fill the keys of the rows stored before them', async () => {
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

  test('migration 011 re-keys the MD5 keys of release 009, resumes after a crash and reports progress', async () => {
    await migrate(db.writer, MIGRATIONS.slice(0, 9))
    const { c, n } = sample()
    // The writer of release 009: MD5 keys computed in SQL.
    await db.writer.run(
      `INSERT INTO events (site_id, event_type, ts, session_id, user_id, url, received_at, visitor_id, session_key, visitor_key, url_key)
       SELECT *, md5_number_lower(s), md5_number_lower(coalesce(u, v, s)), md5_number_lower(url) FROM (VALUES ${Array.from(
         { length: n },
         (_, i) =>
           `('site_a', 'page_view', ${c[i].ts}, $${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, ${T0}, $${4 * i + 4})`,
       ).join(', ')}) t(site_id, event_type, ts, s, u, url, received_at, v)`,
      Array.from({ length: n }, (_, i) => [c[i].sessionId, c[i].userId, c[i].url, c[i].visitorId]).flat(),
    )
    await db.writer.run(
      'INSERT INTO session_hours SELECT site_id, ts // 3600000, session_key, visitor_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, 1, ts, ts, true FROM events',
    )
    const m011 = MIGRATIONS.find((m) => m.name === '011_xxhash_keys.ts') as CodeMigration
    // A crash during the second step: the first is committed with its record, the second rolled back.
    const crashing: CodeMigration = {
      ...m011,
      run: (conn, steps) =>
        m011.run(conn, {
          from: steps.from,
          done: async (step, fields) => {
            await steps.done(step, fields)
            if (step === 2) throw new Error('killed')
          },
        }),
    }
    await expect(migrate(db.writer, [...MIGRATIONS.slice(0, 10), crashing])).rejects.toThrow(/resumes/)
    const progress: string[] = []
    expect(
      await migrate(db.writer, MIGRATIONS, { onProgress: (m, f) => progress.push(`${m} ${f.step ?? ''}`) }),
    ).toEqual(Array.from({ length: MIGRATIONS.length - 10 }, (_, i) => i + 11))
    expect(progress[0]).toBe('migration resumed 1')
    expect(progress).toContain('migration step done 4')
    expect(await checkKeys(db)).toEqual({ n, wrong: 0, keyed: n })
    // session_hours is rebuilt with the new keys.
    const [h] = await queryRows<{ bad: number }>(
      db.reader,
      'SELECT count(*) AS bad FROM session_hours h ANTI JOIN events e USING (session_key, visitor_key)',
    )
    expect(Number(h.bad)).toBe(0)
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
    // (Migration 009 writes `events_keyed`, which becomes `events`; src/db/rekey.ts UPDATEs keys only.)
    // The engines' writers: DuckDB's and ClickHouse's, both behind the storage seam; both store the keys
    // the CSV encoder computed (test/clickhouse/store.chdb.test.ts checks ClickHouse's equal DuckDB's).
    // `pulse migrate clickhouse` (events/clickhouse/copy.ts) copies stored rows with the keys DuckDB holds
    // (test/clickhouse/migrate.chdb.test.ts checks every column is copied exactly).
    expect(writers).toEqual(['events/clickhouse/copy.ts', 'events/clickhouse/store.ts', 'events/writer.ts'])
  })
})
