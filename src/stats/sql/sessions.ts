// The session-level values of the stats API, defined in one place: each session's entry page and exit
// page. A session is one (site_id, session_id); its entry page is the `url` of its first page view in
// the period — earliest `ts`, equal timestamps broken by the smallest URL — and its exit page the `url`
// of its last — latest `ts`, equal timestamps broken by the greatest URL. Only page views with a URL
// count; bot events are left out unless the query includes bots. (A sessions table may back this later:
// only this builder changes.)
import { NOT_BOT_SQL } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'

/**
 * SQL of one row per session with a page view in `range`: `sp_session`, `entry_page`, `exit_page`.
 * Its column names differ from every event column, so it can be joined to `events` unqualified.
 */
export function sessionPagesSql(siteId: string, range: Range, includeBots: boolean, p: Params): string {
  const bots = includeBots ? '' : ` AND ${NOT_BOT_SQL}`
  return `SELECT session_id AS sp_session, arg_min(url, (ts, url)) AS entry_page, arg_max(url, (ts, url)) AS exit_page FROM events WHERE site_id = ${p.add(siteId)} AND ts >= ${p.ms(range.from)} AND ts < ${p.ms(range.to)}${bots} AND event_type = 'page_view' AND url IS NOT NULL GROUP BY session_id`
}
