// Which events complete which goal, in SQL. Goals live in the `goals` table (src/goals/); a page goal's
// `*` pattern was turned into a LIKE pattern (with `\` escapes) when the goal was saved, so matching
// compares stored values only. The goals are read through `GOALS_SQL`, whose columns differ from every
// event column: a condition can name event columns unqualified inside a subquery over it.
import type { Dialect } from '../../events/dialect'
import { pagePathSql } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'

/** The goals with columns that cannot clash with event columns. */
export const GOALS_SQL =
  'SELECT site_id AS goal_site, name AS goal_name, kind AS goal_kind, event_type AS goal_event, page_like AS goal_like, property_key AS goal_key, property_value AS goal_value FROM goals'

/** The goal columns a match condition names. */
const GOAL_COLUMNS = ['goal_kind', 'goal_event', 'goal_like', 'goal_key', 'goal_value'] as const

/**
 * SQL true when the event (unqualified columns; its URL path is `path`) completes the goal row in
 * scope (`goal_*` columns): an `event` goal by its event type, a `page` goal by a page view whose URL
 * path matches the pattern; either one, when it names a property, only with that value as text.
 */
function goalMatchSql(path: string, d: Dialect): string {
  return `(CASE goal_kind WHEN 'event' THEN event_type = goal_event ELSE event_type = 'page_view' AND ${d.like(path, 'goal_like')} END) AND (goal_key IS NULL OR ${d.property('properties', d.propertyPathSql('goal_key'))} = goal_value)`
}

/** SQL true when the event completes the site's goal named `name` (or, with `null`, any goal). */
export function completesGoalSql(siteId: string, name: string | null, p: Params): string {
  const named = name === null ? '' : ` AND goal_name = ${p.add(name)}`
  const filter = `goal_site = ${p.add(siteId)}${named}`
  const match = goalMatchSql(pagePathSql(p.dialect), p.dialect)
  // Engines without correlated subqueries (ClickHouse) spell "some goal matches" their own way.
  if (p.dialect.existsIn) return p.dialect.existsIn(GOALS_SQL, filter, GOAL_COLUMNS, match)
  return `EXISTS (SELECT 1 FROM (${GOALS_SQL}) WHERE ${filter} AND ${match})`
}

/**
 * `events` joined to each goal of the site an event completes (alias `g`): one row per (event, goal).
 * Each page view's path is worked out once per URL of the range (by its stored `url_key`), not once per
 * event, nor once per goal (the regular expression is the cost: 2.8 s per event vs 0.6 s per URL on the
 * bench's 5M-event site).
 */
export function goalJoinSql(siteId: string, range: Range, p: Params): string {
  const urls = `SELECT url_key, ${p.dialect.anyValue('url')} AS url FROM events WHERE site_id = ${p.add(siteId)} AND ts >= ${p.ms(range.from)} AND ts < ${p.ms(range.to)} AND event_type = 'page_view' AND url_key IS NOT NULL GROUP BY url_key`
  const paths = `SELECT url_key AS pp_key, ${pagePathSql(p.dialect)} AS pp_path FROM (${urls})`
  const events = `(SELECT events.*, CASE WHEN event_type = 'page_view' THEN pp_path END AS ev_path FROM events LEFT JOIN (${paths}) pp ON pp_key = url_key) events`
  return `${events} JOIN (${GOALS_SQL}) g ON g.goal_site = ${p.add(siteId)} AND ${goalMatchSql('ev_path', p.dialect)}`
}
