// Many events written straight into the events table by `INSERT … SELECT … FROM range(N)` in time order
// (no HTTP, no buffer), with the derived `session_hours` rows built from them: for the read-isolation tests (queries slow enough to overlap) and the isolation
// benchmark (3M events to export). A property of 200 000 distinct values makes a worst-case breakdown.

import type { Database } from '../../src/db/open'
import { fillEventKeys, withPendingKeys } from '../../src/db/rekey'
import { fragmentsSql } from '../../src/events/session-hours'

/** Insert `events` events of `siteId`, evenly spread over the `days` before `now`. */
export async function generateIsolationEvents(
  db: Database,
  o: { siteId: string; events: number; now: number; days: number },
): Promise<void> {
  const span = o.days * 86_400_000
  const start = o.now - span
  const select = `
SELECT
  $1,
  CASE WHEN h % 100 < 60 THEN 'page_view' WHEN h % 100 < 80 THEN 'click' WHEN h % 100 < 90 THEN 'scroll'
       WHEN h % 100 < 96 THEN 'signup' ELSE 'purchase' END,
  ${start} + (i * ${span}) // ${o.events},
  's' || (i // 4),
  CASE WHEN h2 % 10 < 4 THEN 'u' || (h2 % 20000) END,
  'https://example.com/p' || (h2 % 200),
  CASE WHEN h2 % 10 < 3 THEN 'https://www.google.com/search' END,
  CASE h % 3 WHEN 0 THEN 'desktop' WHEN 1 THEN 'mobile' ELSE 'tablet' END,
  CASE h2 % 4 WHEN 0 THEN 'US' WHEN 1 THEN 'DE' WHEN 2 THEN 'GB' ELSE 'FR' END,
  '{"plan":"' || CASE h % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE 'team' END || '","ref":"r' || (h2 % 200000) || '"}',
  'e' || i,
  ${start} + (i * ${span}) // ${o.events},
  NULL::VARCHAR
FROM (
  SELECT i, (hash(i) % 1000000007)::BIGINT AS h, (hash(i * 31 + 7) % 1000000007)::BIGINT AS h2
  FROM range(${o.events}) t(i)
)`
  // The stored keys (src/events/keys.ts) are filled in JavaScript right after (DuckDB has no XXH64).
  const sql = `INSERT INTO events BY NAME ${withPendingKeys(select, 'site_id, event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id, received_at, visitor_id')}`
  await db.writeLock.run(async () => {
    await db.writer.run(sql, [o.siteId])
    await fillEventKeys(db.writer, { pendingOnly: true })
    // Derived tables follow the events, as ingest and the migrations keep them.
    await db.writer.run(`INSERT INTO session_hours ${fragmentsSql('events', 'site_id = $1', true)}`, [
      o.siteId,
    ])
    await db.writer.run('CHECKPOINT')
  })
}
