// The `session_hours` table: events folded into one row per (site, UTC hour, session, visitor, and the
// values of the session-level fields), with the number of events and page views and the first and last
// event time. Visitors, sessions and users are 64-bit keys (the low half of the MD5 of the string: stable
// across DuckDB versions, unlike `hash()`). Stats over whole hours read these rows instead of the events
// (about a fifth as many rows, and integer keys instead of strings for the distinct counts).
//
// Maintained with the events:
// - every write of events calls `afterBatch` with the batch's rows (append-only fragments; several rows
//   may share a key, reads always aggregate them) in a transaction of its own right after the events'
//   commit (src/events/writer.ts): the events' transaction records the batch's hours in `hours_gap`, the
//   catch-up deletes them, and a gap left by a crash or a failure is closed by `catchUpHours`, which
//   rebuilds those hours from the events;
// - `compactHours` merges the fragments of closed hours (called from `afterBatch` once the batch's clock
//   passes an hour);
// - deletions of events (erasure, import delete) rebuild the sessions they touched, by their stored
//   session_key (`deleteEventsAndRebuild`), a site's deletion drops its rows (`deleteSiteHours`), and the
//   retention prune drops the hours before its cut and rebuilds the hour it falls in (`deleteEventsBefore`);
// - migration 008 builds the table from the events already stored.
// Rows built in bulk (migration, compaction) are stored in (site_id, hour) order, so a site's reads skip
// the row groups of other sites by their zone maps.
import type { DuckDBConnection } from '@duckdb/node-api'
import { keySql } from './keys'

/** Milliseconds per fragment hour. */
export const HOUR_MS = 3_600_000

/**
 * Event fields every row of a fragment agrees on (they are grouping columns): filters and breakdowns on
 * them can read fragments. Other fields (url, event_type, referrer, user_id, properties) need the events.
 */
export const FRAGMENT_FIELDS = [
  'bot_reason',
  'device_type',
  'country',
  'browser',
  'browser_version',
  'os',
  'os_version',
  'region',
  'city',
  'source',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'channel',
] as const

const FIELDS = FRAGMENT_FIELDS.join(', ')

/**
 * SQL selecting the fragments of the events of `relation` (with the stored keys of src/events/keys.ts)
 * matching `where` (no leading WHERE), as rows of `session_hours` with `compacted` set to `compacted`.
 * Sessions and visitors are grouped by their stored keys; the user id (mostly NULL) is grouped as text
 * and hashed per group.
 */
export function fragmentsSql(relation: string, where: string, compacted: boolean): string {
  return `SELECT site_id, hour, session_key, visitor_key, ${keySql('user_id')} AS user_key, ${FIELDS}, events, page_views, first_ts, last_ts, ${compacted} AS compacted FROM (SELECT site_id, ts // ${HOUR_MS} AS hour, session_key, visitor_key, user_id, ${FIELDS}, count(*) AS events, count(*) FILTER (WHERE event_type = 'page_view') AS page_views, min(ts) AS first_ts, max(ts) AS last_ts FROM ${relation}${where ? ` WHERE ${where}` : ''} GROUP BY ALL)`
}

/** The key columns of a fragment (everything but its sums and bounds). */
const KEYS = `site_id, hour, session_key, visitor_key, user_key, ${FIELDS}`

/** The last closed hour compacted per writer connection (a restart compacts once on its first batch). */
const compactedBefore = new WeakMap<DuckDBConnection, number>()

/**
 * Maintain `session_hours` for a batch of events just inserted into `events`: `relation` holds the batch's
 * rows (same columns as `events`). Runs inside the batch's transaction. Once the batch's newest receive time
 * enters a new hour, fragments of hours that ended more than an hour before are compacted.
 */
export async function afterBatch(conn: DuckDBConnection, relation: string): Promise<void> {
  await conn.run(`INSERT INTO session_hours ${fragmentsSql(relation, '', false)}`)
  const r = await conn.runAndReadAll(`SELECT max(received_at) FROM ${relation}`)
  const newest = r.getRows()[0]?.[0]
  if (newest === null || newest === undefined) return
  const cutoff = Math.floor(Number(newest) / HOUR_MS) - 1
  if ((compactedBefore.get(conn) ?? Number.NEGATIVE_INFINITY) >= cutoff) return
  await compactHours(conn, cutoff)
  compactedBefore.set(conn, cutoff)
}

/** Merge the fragments of every (site, hour) before `beforeHour` that has uncompacted rows. */
export async function compactHours(conn: DuckDBConnection, beforeHour: number): Promise<void> {
  const hours = `SELECT DISTINCT site_id, hour FROM session_hours WHERE NOT compacted AND hour < ${Math.floor(beforeHour)}`
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE sh_merged AS SELECT ${KEYS}, sum(events)::BIGINT AS events, sum(page_views)::BIGINT AS page_views, min(first_ts) AS first_ts, max(last_ts) AS last_ts, true AS compacted FROM session_hours SEMI JOIN (${hours}) h USING (site_id, hour) GROUP BY ALL`,
  )
  await conn.run(
    'DELETE FROM session_hours USING (SELECT DISTINCT site_id, hour FROM sh_merged) m WHERE session_hours.site_id = m.site_id AND session_hours.hour = m.hour',
  )
  await conn.run('INSERT INTO session_hours SELECT * FROM sh_merged ORDER BY site_id, hour')
  await conn.run('DROP TABLE sh_merged')
}

/**
 * Delete the events matching `where` (bound `params`) and rebuild the fragments of every session they
 * belonged to from the events left, on `conn` inside the caller's transaction. Returns the events deleted.
 */
export async function deleteEventsAndRebuild(
  conn: DuckDBConnection,
  where: string,
  params: (string | bigint | null)[],
): Promise<number> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE sh_affected AS SELECT DISTINCT site_id, session_key FROM events WHERE ${where}`,
    params,
  )
  const res = await conn.run(`DELETE FROM events WHERE ${where}`, params)
  await conn.run(
    'DELETE FROM session_hours USING sh_affected a WHERE session_hours.site_id = a.site_id AND session_hours.session_key = a.session_key',
  )
  await conn.run(
    `INSERT INTO session_hours ${fragmentsSql('(SELECT * FROM events SEMI JOIN sh_affected USING (site_id, session_key))', '', true)}`,
  )
  await conn.run('DROP TABLE sh_affected')
  return Number(res.rowsChanged)
}

/**
 * Delete a site's events before `before` (epoch ms; the retention prune), inside the caller's transaction,
 * and keep `session_hours` equal to what the events left would build: fragments of hours wholly before the
 * cut go; the hour the cut falls in (when it is not on the hour, e.g. midnight in a zone at UTC+05:30) is
 * rebuilt from its events. Fragments are per hour, so no other hour changes. Returns the events deleted.
 */
export async function deleteEventsBefore(
  conn: DuckDBConnection,
  siteId: string,
  before: number,
): Promise<number> {
  const cut = Math.floor(before)
  const hour = Math.floor(cut / HOUR_MS)
  const res = await conn.run('DELETE FROM events WHERE site_id = $1 AND ts < $2', [siteId, BigInt(cut)])
  await conn.run('DELETE FROM session_hours WHERE site_id = $1 AND hour < $2', [siteId, BigInt(hour)])
  if (cut % HOUR_MS !== 0) {
    await conn.run('DELETE FROM session_hours WHERE site_id = $1 AND hour = $2', [siteId, BigInt(hour)])
    await conn.run(
      `INSERT INTO session_hours ${fragmentsSql('events', `site_id = $1 AND ts >= $2 AND ts < $3`, true)}`,
      [siteId, BigInt(hour * HOUR_MS), BigInt((hour + 1) * HOUR_MS)],
    )
  }
  return Number(res.rowsChanged)
}

/** Drop a deleted site's fragments (inside the site deletion's transaction). */
export async function deleteSiteHours(conn: DuckDBConnection, siteId: string): Promise<void> {
  await conn.run('DELETE FROM session_hours WHERE site_id = $1', [siteId])
}

/**
 * Close any gap a crash or a failure left between the events and `session_hours` (rows of `hours_gap`):
 * the fragments of those hours are rebuilt from the events, in one transaction. Returns the gaps closed.
 */
export async function catchUpHours(conn: DuckDBConnection): Promise<number> {
  const [n, lo, hi] = (
    await conn.runAndReadAll('SELECT count(*), min(lo), max(hi) FROM hours_gap')
  ).getRows()[0]
  if (Number(n) === 0) return 0
  // One range covering every gap: rebuilding more hours than needed is still exact.
  const from = Number(lo)
  const to = Number(hi)
  await conn.run('BEGIN TRANSACTION')
  try {
    await conn.run(`DELETE FROM session_hours WHERE hour BETWEEN ${from} AND ${to}`)
    await conn.run(
      `INSERT INTO session_hours ${fragmentsSql('events', `ts >= ${from * HOUR_MS} AND ts < ${(to + 1) * HOUR_MS}`, true)} ORDER BY site_id, hour`,
    )
    await conn.run('DELETE FROM hours_gap')
    await conn.run('COMMIT')
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined)
    throw err
  }
  return Number(n)
}

/** Rebuild the whole table from the events (what migration 008 does; used by tests and the benchmark). */
export async function rebuildSessionHours(conn: DuckDBConnection): Promise<void> {
  await conn.run('DELETE FROM session_hours')
  await conn.run(`INSERT INTO session_hours ${fragmentsSql('events', '', true)} ORDER BY site_id, hour`)
}
