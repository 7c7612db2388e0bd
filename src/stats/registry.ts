// The allow-list of names a user can pass to the stats API: metrics and periods, each mapped to
// fixed SQL. Schemas (enums) and the SQL builder both read from here; user text never becomes SQL.

/** Metric name → SQL aggregate over the selected events. */
export const METRICS = {
  event_count: 'count(*)',
  page_views: "count(*) FILTER (WHERE event_type = 'page_view')",
  unique_users: 'count(DISTINCT user_id)',
  unique_sessions: 'count(DISTINCT session_id)',
} as const
export type Metric = keyof typeof METRICS
export const METRIC_NAMES = Object.keys(METRICS) as Metric[]

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Rolling periods ending now: name → length in ms. */
export const ROLLING_PERIODS = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
} as const
export type Period = keyof typeof ROLLING_PERIODS
export const PERIOD_NAMES = Object.keys(ROLLING_PERIODS) as Period[]
