// The session-level values of the stats API, defined in one place: each session's entry page and exit
// page. A session is one (site_id, session_id); its entry page is the `url` of its first page view in
// the period — earliest `ts`, equal timestamps broken by the smallest URL — and its exit page the `url`
// of its last — latest `ts`, equal timestamps broken by the greatest URL. Only page views with a URL
// count; bot events are left out unless the query includes bots. (A sessions table may back this later:
// only this builder changes.)
//
// Sessions and pages are their stored keys (src/events/keys.ts): the per-session states are integers,
// not strings (2.6 s and out of memory at 512 MB with strings on the benchmark's 5M-event site). Key order
// is not URL order, so the rule on equal timestamps is kept exactly: each session keeps the smallest and
// the greatest key among its page views at that timestamp; when they differ (several URLs at once), the
// URLs of just those sessions' page views at that timestamp are compared as text.
import { NOT_BOT_SQL, type SessionField } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'

/**
 * SQL of one row per session with a page view in `range`: `sp_session` (the session's key) and `field`
 * (`entry_page` or `exit_page`) as the url key of that page. Its column names differ from every event
 * column, so it can be joined to `events` unqualified. The page's URL is the text of any event of the
 * site with that `url_key` (see `pageNamesSql` in grouped.ts).
 */
export function sessionPagesSql(
  siteId: string,
  range: Range,
  includeBots: boolean,
  p: Params,
  field: SessionField,
): string {
  const bots = includeBots ? '' : ` AND ${NOT_BOT_SQL}`
  const where = `site_id = ${p.add(siteId)} AND ts >= ${p.ms(range.from)} AND ts < ${p.ms(range.to)}${bots} AND event_type = 'page_view' AND url IS NOT NULL`
  // Entry: the earliest time, the smallest key there (`lo`) and the greatest (`hi`, by the negated time);
  // exit: the latest time, the greatest key (`hi`) and the smallest (`lo`).
  const entry = field === 'entry_page'
  const d = p.dialect
  const per = entry
    ? `min(ts) AS sp_t, ${d.argMin('url_key', ['ts', 'url_key'])} AS sp_lo, ${d.argMax('url_key', ['-ts', 'url_key'])} AS sp_hi`
    : `max(ts) AS sp_t, ${d.argMin('url_key', ['-ts', 'url_key'])} AS sp_lo, ${d.argMax('url_key', ['ts', 'url_key'])} AS sp_hi`
  const keys = `SELECT session_key AS sp_session, ${per} FROM events WHERE ${where} GROUP BY session_key`
  // Sessions with several URLs at that time: the URL by text, among their page views at that time.
  const tied = `SELECT session_key AS sp_tied, ${entry ? d.argMin('url_key', ['url']) : d.argMax('url_key', ['url'])} AS sp_exact FROM events JOIN (SELECT sp_session AS sp_ts, sp_t AS sp_tt FROM spk WHERE sp_lo <> sp_hi) t ON session_key = sp_ts AND ts = sp_tt WHERE ${where} GROUP BY session_key`
  return `WITH spk AS (${keys}), spx AS (${tied}) SELECT sp_session, coalesce(sp_exact, ${entry ? 'sp_lo' : 'sp_hi'}) AS ${field} FROM spk LEFT JOIN spx ON sp_tied = sp_session`
}
