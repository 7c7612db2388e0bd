// The allow-list of every name a user can pass to the analytics API — metrics, periods, intervals,
// filter fields, breakdown dimensions, export formats — each mapped to fixed SQL or fixed rules.
// The schemas (enums, descriptions) and the SQL builders both read from here; user text never
// becomes SQL: values are bound, and property keys must match PROPERTY_KEY before being bound.
// Event filters and dimensions come from the event field list (src/events/fields.ts). The SQL is spelled
// through the engine's dialect (src/events/dialect.ts) where engines differ.
import type { Dialect } from '../events/dialect'
import { EVENT_FIELDS, eventField } from '../events/fields'

/** SQL of `num / den` rounded half-up to 2 decimals with integer arithmetic (exact), 0 when den is 0. */
function ratio(d: Dialect, num: string, den: string): string {
  return `CASE WHEN (${den}) = 0 THEN 0.0 ELSE (${d.intDiv(`(200 * (${num}) + (${den}))`, `(2 * (${den}))`)}) / 100 END`
}

/**
 * Metric name → how it is computed. `count` metrics are aggregates over the selected events;
 * `distinct` metrics count the distinct non-null values of an expression over them (sessions and
 * visitors by their stored 64-bit keys, src/events/keys.ts; the description says what is counted); `session`
 * metrics aggregate one row per session (`n` events, `pv` page views, `first_ts`, `last_ts`); `goal`
 * metrics read `c` (converted visitors) and `d` (visitors of the scope without the goal filter). `sql` spells
 * it in an engine's dialect.
 */
export const METRICS = {
  event_count: { kind: 'count', sql: () => 'count(*)', description: 'number of events' },
  page_views: {
    kind: 'count',
    sql: (d) => d.countIf("event_type = 'page_view'"),
    description: 'events whose event_type is page_view',
  },
  unique_users: { kind: 'distinct', sql: () => 'user_id', description: 'distinct non-null user_id' },
  unique_sessions: { kind: 'distinct', sql: () => 'session_key', description: 'distinct session_id' },
  visitors: {
    kind: 'distinct',
    sql: () => 'visitor_key',
    description:
      'distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id',
  },
  bounce_rate: {
    kind: 'session',
    sql: (d) => ratio(d, `100 * ${d.countIf('n = 1 AND pv = 1')}`, d.countIf('pv > 0')),
    description: 'percent of sessions with at least one page view whose only event is that one page view',
  },
  avg_session_duration: {
    kind: 'session',
    sql: (d) => ratio(d, 'sum(last_ts - first_ts)', '1000 * count(*)'),
    description: 'mean over sessions of last minus first event time, in seconds',
  },
  events_per_session: {
    kind: 'session',
    sql: (d) => ratio(d, 'sum(n)', 'count(*)'),
    description: 'events / sessions',
  },
  views_per_session: {
    kind: 'session',
    sql: (d) => ratio(d, 'sum(pv)', 'count(*)'),
    description: 'page views / sessions',
  },
  // Engagement (issue 23): the tracker's `engagement` events (`capture: ['engagement']`, docs/tracker.md),
  // each `{time_ms, scroll}` for the page in its `url`. Read per page visit (one session and URL) or per
  // session; a value that is not a number in range is left out. See docs/api.md "Engagement".
  time_on_page: {
    kind: 'engagement',
    over: 'pages',
    sql: (d) => ratio(d, 'sum(ms)', '1000 * count(ms)'),
    description:
      'mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds',
  },
  scroll_depth: {
    kind: 'engagement',
    over: 'pages',
    sql: (d) => ratio(d, 'sum(depth)', 'count(depth)'),
    description:
      'mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page',
  },
  engaged_visit_duration: {
    kind: 'engagement',
    over: 'visits',
    sql: (d) => ratio(d, 'sum(CASE WHEN m > 0 THEN ms ELSE last_ts - first_ts END)', '1000 * count(*)'),
    description:
      'mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds',
  },
  conversions: {
    kind: 'goal',
    sql: () => 'c',
    description:
      "visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none)",
  },
  conversion_rate: {
    kind: 'goal',
    sql: (d) => ratio(d, '100 * c', 'd'),
    description:
      'conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope)',
  },
} as const satisfies Record<
  string,
  {
    kind: 'count' | 'distinct' | 'session' | 'goal' | 'engagement'
    /** Engagement metrics: over one row per page visit (`ms`, `depth`) or per session (`ms`, `m`, bounds). */
    over?: 'pages' | 'visits'
    sql: (d: Dialect) => string
    description: string
  }
>
export type Metric = keyof typeof METRICS
export const METRIC_NAMES = Object.keys(METRICS) as Metric[]

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Rolling periods ending now: name → length in ms. */
export const ROLLING_PERIODS = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
} as const
export type RollingPeriod = keyof typeof ROLLING_PERIODS

/**
 * Calendar periods in the request's time zone: `month` is this month so far, `last_month` the whole
 * previous month, `12mo` this month so far and the 11 before it, `year_to_date` this year so far, `all`
 * from the local day of the site's first stored event.
 */
export const CALENDAR_PERIODS = [
  'today',
  'yesterday',
  'month',
  'last_month',
  '12mo',
  'year_to_date',
  'all',
] as const

export const PERIOD_NAMES = [
  ...(Object.keys(ROLLING_PERIODS) as RollingPeriod[]),
  ...CALENDAR_PERIODS,
  'custom',
] as const
export type Period = (typeof PERIOD_NAMES)[number]

/**
 * Comparison modes (`compare=`) of the summary, timeseries and breakdown: the period's own previous
 * period, the same local dates a year earlier, or a custom range (`compare_from`, `compare_to`).
 */
export const COMPARE_MODES = ['previous_period', 'year_over_year', 'custom'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

/** Bucket sizes of timeseries (all) and retention (day, week). */
export const INTERVALS = {
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 31 * DAY,
} as const
export type Interval = keyof typeof INTERVALS
export const INTERVAL_NAMES = Object.keys(INTERVALS) as Interval[]
export const RETENTION_INTERVALS = ['day', 'week'] as const satisfies readonly Interval[]

/**
 * `referrer_domain`: the referrer's host, lower-cased, without scheme, user info, port or a leading
 * `www.`; NULL when there is no referrer or no host.
 */
export const referrerDomainSql = (d: Dialect) =>
  `nullif(${d.regexpExtract('lower(referrer)', '^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?(?:www\\.)?([^:/?#]*)', 1)}, '')`

/**
 * The path of an event's URL: an absolute URL loses its scheme and host, any URL its query and
 * fragment; an empty path is `/`. Page goals match their pattern against it.
 */
export const pagePathSql = (d: Dialect) =>
  `coalesce(nullif(${d.regexpExtract('url', '^(?:[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)?([^?#]*)', 1)}, ''), '/')`

/** The `path` dimension: `pagePathSql`, missing when the url is (derived at read time, not stored). */
export const pathSql = (d: Dialect) => `CASE WHEN url IS NULL THEN NULL ELSE ${pagePathSql(d)} END`

/** SQL true for a bot event: enrichment set its `bot_reason` (or its sender did). */
export const BOT_SQL = 'bot_reason IS NOT NULL'
/** SQL true for an event of a person: the default selection of every read. */
export const NOT_BOT_SQL = 'bot_reason IS NULL'

/** A filter field (and maybe breakdown dimension): how it is named, compared and checked. */
export interface FilterField<N extends string = string> {
  name: N
  /** The SQL expression it compares or groups by (fixed, never user text; in an engine's dialect). */
  sql: string | ((d: Dialect) => string)
  /** Longest value accepted, in characters. */
  maxLength: number
  /** How a value is checked: as the event field's text, URL or country rule; `flag`: true or false. */
  rule: 'text' | 'url' | 'country' | 'flag'
  /**
   * `session`: a value of the event's session (`sql` is a column of the session pages, a url key, see
   * src/stats/sql/sessions.ts); `goal`: the goals an event completes (src/stats/sql/goals.ts).
   */
  level?: 'session' | 'goal'
  dimension: boolean
  description: string
  example: string
}

type EventFields = (typeof EVENT_FIELDS)[number]
type FilterEventField = Extract<EventFields, { filter: object }>
type DerivedField = 'referrer_domain' | 'path' | 'include_bots' | SessionField | 'goal'
/** Fields holding a value of the event's session, not of the event itself. */
export type SessionField = 'entry_page' | 'exit_page'
/** A filter field name: a filterable event field, or one derived from them. */
export type Field = FilterEventField['name'] | DerivedField
/** A breakdown dimension name (without `property:<key>`). */
export type DimensionField =
  | Extract<FilterEventField, { dimension: true }>['name']
  | 'referrer_domain'
  | 'path'
  | SessionField
  | 'goal'

const eventFilters = EVENT_FIELDS.filter((f): f is FilterEventField => 'filter' in f).map((f) => ({
  rank: ('rank' in f.filter ? f.filter.rank : undefined) ?? Number.POSITIVE_INFINITY,
  field: {
    name: f.name,
    sql: f.column,
    maxLength:
      ('maxLength' in f.filter ? f.filter.maxLength : undefined) ?? ('maxLength' in f ? f.maxLength : 0),
    rule: f.rule,
    dimension: 'dimension' in f && f.dimension,
    description: f.filter.description,
    example: f.filter.example,
  } as FilterField<Field>,
}))

/** Fields computed from event fields, placed by `rank` among the event fields' filters. */
const derivedFilters: { rank: number; field: FilterField<DerivedField> }[] = [
  {
    rank: 4,
    field: {
      name: 'referrer_domain',
      sql: referrerDomainSql,
      maxLength: eventField('referrer').maxLength,
      rule: 'text',
      dimension: true,
      description: 'Filter: referrer host (lower-case, no www.) equals',
      example: 'google.com',
    },
  },
  {
    rank: 2.05,
    field: {
      name: 'path',
      sql: pathSql,
      maxLength: eventField('url').maxLength,
      rule: 'url',
      dimension: true,
      description:
        "Filter: the URL's path equals: `url` without scheme, host, query string or fragment (`/` when empty; missing when the url is)",
      example: '/blog/post',
    },
  },
  {
    rank: 2.1,
    field: {
      name: 'entry_page',
      sql: 'sp.entry_page',
      maxLength: eventField('url').maxLength,
      rule: 'url',
      level: 'session',
      dimension: true,
      description:
        "Filter: the session's entry page equals (keeps every event of those sessions). Entry page: the `url` of the session's first page view in the period (earliest timestamp; equal timestamps: the smallest URL); missing when the session has no page view with a URL",
      example: '/pricing',
    },
  },
  {
    rank: 2.2,
    field: {
      name: 'exit_page',
      sql: 'sp.exit_page',
      maxLength: eventField('url').maxLength,
      rule: 'url',
      level: 'session',
      dimension: true,
      description:
        "Filter: the session's exit page equals (keeps every event of those sessions). Exit page: the `url` of the session's last page view in the period (latest timestamp; equal timestamps: the greatest URL); missing when the session has no page view with a URL",
      example: '/checkout/done',
    },
  },
  {
    rank: 2.3,
    field: {
      name: 'goal',
      sql: 'g.goal_name',
      maxLength: 100,
      rule: 'text',
      level: 'goal',
      dimension: true,
      description:
        'Filter: the events completing the named goal of the site (none for a name the site has no goal of; empty: events completing no goal). conversion_rate keeps its denominator without this filter',
      example: 'Signup',
    },
  },
  {
    rank: Number.POSITIVE_INFINITY,
    field: {
      name: 'include_bots',
      sql: BOT_SQL,
      maxLength: 5,
      rule: 'flag',
      dimension: false,
      description:
        'true: count bot events too (by default every stat, raw event and export leaves out events with a bot_reason); filtering by bot_reason includes them as well',
      example: 'true',
    },
  },
]

/** Every filter field in the published order: the event field list's filters and the derived ones. */
export const FILTERS: readonly FilterField<Field>[] = [...eventFilters, ...derivedFilters]
  .sort((a, b) => a.rank - b.rank)
  .map((f) => f.field)

/** Whether a filter field is a value of the event's session (`session`) or names a goal (`goal`). */
export function fieldLevel(name: string): FilterField['level'] {
  return FILTERS.find((f) => f.name === name)?.level
}

/** Filter field / breakdown dimension → the SQL expression it compares or groups by (`fieldSql` spells it). */
export const FIELDS = Object.fromEntries(FILTERS.map((f) => [f.name, f.sql])) as Record<
  Field,
  FilterField['sql']
>

/** The SQL expression a filter field or dimension compares or groups by, in `dialect`. */
export function fieldSql(name: Field, dialect: Dialect): string {
  const sql = FIELDS[name]
  return typeof sql === 'function' ? sql(dialect) : sql
}

/** Fields that may filter events (`?event_type=…`); `property.<key>` comes on top. */
export const FILTER_FIELDS: readonly Field[] = FILTERS.map((f) => f.name)

/** Dimensions of a breakdown; `property:<key>` comes on top. */
export const DIMENSION_FIELDS = FILTERS.filter((f) => f.dimension).map(
  (f) => f.name,
) as readonly DimensionField[]

export { PROPERTY_DIMENSION_PREFIX, PROPERTY_FILTER_PREFIX, PROPERTY_KEY } from '../events/property-names'

/**
 * Operators of the `filters` parameter: name → what it selects. Text operators compare the value as
 * stored text, case-sensitively; every value is bound. A missing value (`""` in `is` / `is_not`) is
 * matched by `is` and never by a text operator; the negated operators keep events missing the field.
 */
export const FILTER_OPERATORS = {
  is: 'equals one of the values ("" = the field is missing)',
  is_not: 'equals none of the values (events missing the field are kept unless "" is listed)',
  contains: 'contains one of the values as a substring',
  does_not_contain: 'contains none of the values (events missing the field are kept)',
  starts_with: 'starts with one of the values',
  matches: `matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100)`,
} as const
export type FilterOperator = keyof typeof FILTER_OPERATORS
export const FILTER_OPERATOR_NAMES = Object.keys(FILTER_OPERATORS) as FilterOperator[]
/** Operators a field compared by its stored key (a session page, a goal) or a flag may take. */
export const EQUALITY_OPERATORS = ['is', 'is_not'] as const satisfies readonly FilterOperator[]

/** Raw-event export formats → content type and file extension. */
export const EXPORT_FORMATS = {
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8', ext: 'ndjson' },
  csv: { contentType: 'text/csv; charset=utf-8', ext: 'csv' },
  parquet: { contentType: 'application/vnd.apache.parquet', ext: 'parquet' },
} as const
export type ExportFormat = keyof typeof EXPORT_FORMATS
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[]

/** Directions of a journey (`direction=`): the pages after the start page, or before it. */
export const JOURNEY_DIRECTIONS = ['next', 'previous'] as const
export type JourneyDirection = (typeof JOURNEY_DIRECTIONS)[number]

/** Answer formats of the timeseries and breakdown (`format=`): the JSON envelope, or a CSV file. */
export const REPORT_FORMATS = ['json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Limits of the query API. */
export const LIMITS = {
  /** Most points one timeseries may return. */
  maxPoints: 20_000,
  /** Most cohorts one retention query may return (one bit per bucket in a 128-bit mask). */
  maxCohorts: 128,
  breakdownDefault: 10,
  breakdownMax: 1000,
  eventsDefault: 100,
  eventsMax: 1000,
  funnelMinSteps: 2,
  funnelMaxSteps: 10,
  /** Length of the realtime window. */
  realtimeMs: 5 * MINUTE,
  /** Longest filter value accepted, in characters. */
  maxValueLength: 2048,
  /** Most conditions in one `filters` parameter. */
  maxConditions: 20,
  /** Most values in one condition (OR). */
  maxConditionValues: 50,
  /** Deepest journey, in steps from the start page. */
  journeyMaxDepth: 5,
  /** Most paths listed per journey depth. */
  journeyMaxPaths: 100,
  /** Longest `matches` pattern, in characters. */
  maxPatternLength: 256,
  /** Largest repetition count in a `matches` pattern (`{n,m}`). */
  maxPatternRepeat: 100,
} as const
