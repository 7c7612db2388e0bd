// Which events complete which goal, in SQL. Goals live in the `goals` table (src/goals/); a page goal's
// `*` pattern was turned into a LIKE pattern (with `\` escapes) when the goal was saved, so matching
// compares stored values only. The goals are read through `GOALS_SQL`, whose columns differ from every
// event column: a condition can name event columns unqualified inside a subquery over it.
import { PAGE_PATH_SQL } from '../registry'
import type { Params } from './params'

/** The goals with columns that cannot clash with event columns. */
export const GOALS_SQL =
  'SELECT site_id AS goal_site, name AS goal_name, kind AS goal_kind, event_type AS goal_event, page_like AS goal_like, property_key AS goal_key, property_value AS goal_value FROM goals'

/**
 * SQL true when the event (unqualified columns; its URL path is `path`) completes the goal row in
 * scope (`goal_*` columns): an `event` goal by its event type, a `page` goal by a page view whose URL
 * path matches the pattern; either one, when it names a property, only with that value as text.
 */
function goalMatchSql(path: string): string {
  return `(CASE goal_kind WHEN 'event' THEN event_type = goal_event ELSE event_type = 'page_view' AND ${path} LIKE goal_like ESCAPE '\\' END) AND (goal_key IS NULL OR json_extract_string(properties, '$."' || goal_key || '"') = goal_value)`
}

/** SQL true when the event completes the site's goal named `name` (or, with `null`, any goal). */
export function completesGoalSql(siteId: string, name: string | null, p: Params): string {
  const named = name === null ? '' : ` AND goal_name = ${p.add(name)}`
  return `EXISTS (SELECT 1 FROM (${GOALS_SQL}) WHERE goal_site = ${p.add(siteId)}${named} AND ${goalMatchSql(PAGE_PATH_SQL)})`
}

/**
 * `events` joined to each goal of the site an event completes (alias `g`): one row per (event, goal).
 * Each page view's path is worked out once, not once per goal (the regular expression is the cost).
 */
export function goalJoinSql(siteId: string, p: Params): string {
  const events = `(SELECT *, CASE WHEN event_type = 'page_view' THEN ${PAGE_PATH_SQL} END AS ev_path FROM events) events`
  return `${events} JOIN (${GOALS_SQL}) g ON g.goal_site = ${p.add(siteId)} AND ${goalMatchSql('ev_path')}`
}
