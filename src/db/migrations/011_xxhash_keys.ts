// Migration 011: the stored keys of events become XXH64 (src/events/keys.ts), hashed in JavaScript by the
// encoder, instead of the MD5 DuckDB computed in SQL (migration 009). DuckDB has no XXH64, so the rows
// already stored get their keys in JavaScript (`fillEventKeys`: the distinct texts only, joined back),
// one step per key column, then `session_hours`, whose session and visitor keys are those of the events,
// is rebuilt from them (with the fragment SQL of this release, frozen here as migrations are). Each step commits with its record: a run cut short resumes where it stopped.
// (Until it is done, the database must not be opened by release 009: its reads would mix the keys.)
import { FILL_KEY_STEPS, fillEventKeys } from '../rekey'
import type { CodeMigration } from './index'

const FIELDS =
  'bot_reason, device_type, country, browser, browser_version, os, os_version, region, city, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel'
const REBUILD_HOURS = `INSERT INTO session_hours SELECT site_id, hour, session_key, visitor_key, md5_number_lower(user_id) AS user_key, ${FIELDS}, events, page_views, first_ts, last_ts, true AS compacted FROM (SELECT site_id, ts // 3600000 AS hour, session_key, visitor_key, user_id, ${FIELDS}, count(*) AS events, count(*) FILTER (WHERE event_type = 'page_view') AS page_views, min(ts) AS first_ts, max(ts) AS last_ts FROM events GROUP BY ALL) ORDER BY site_id, hour`

export const m011: CodeMigration = {
  name: '011_xxhash_keys.ts',
  steps: FILL_KEY_STEPS + 1,
  async run(conn, steps) {
    if (steps.from < FILL_KEY_STEPS)
      await fillEventKeys(conn, {
        from: steps.from,
        onStep: (next, texts) => steps.done(next, { texts }),
      })
    await conn.run('BEGIN TRANSACTION')
    try {
      await conn.run('DELETE FROM session_hours')
      await conn.run(REBUILD_HOURS)
      await steps.done(FILL_KEY_STEPS + 1, { rebuilt: 'session_hours' })
      await conn.run('COMMIT')
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  },
}
