// Schema pieces every analytics endpoint shares: the scope query parameters (site, period, zone,
// filters) and the definitions text the route descriptions repeat.
import { t } from 'elysia'
import {
  CALENDAR_PERIODS,
  COMPARE_MODES,
  DIMENSION_FIELDS,
  FILTER_FIELDS,
  FILTER_OPERATOR_NAMES,
  FILTER_OPERATORS,
  FILTERS,
  type Field,
  LIMITS,
  METRIC_NAMES,
  METRICS,
  PERIOD_NAMES,
  ROLLING_PERIODS,
} from '../registry'
import { nameEnum, nameParam } from './names'

const str = (description: string, example: string, extra: object = {}) =>
  t.Optional(t.String({ description, examples: [example], ...extra }))

/** A metric name in a response. */
export const MetricName = nameEnum(METRIC_NAMES, { description: 'The metric', examples: ['visitors'] })

/** A period name in a response. */
export const PeriodName = nameEnum(PERIOD_NAMES, { description: 'The period', examples: ['7d'] })

/** The `metric` query parameter of the reports (one metric). */
export const metricParam = (description: string) =>
  t.Optional(nameParam('metric', METRIC_NAMES, { description, examples: ['visitors'] }))

/** The `period` parameter (query or body). */
export const periodParam = (description: string) =>
  t.Optional(nameParam('period', PERIOD_NAMES, { description, examples: ['7d'] }))

/** What the `conditions` parameter holds, for its description and the definitions. */
export const CONDITIONS_TEXT = [
  `\`conditions\`: a JSON array of up to ${LIMITS.maxConditions} conditions \`[operator, name, [values]]\`, combined with AND and`,
  'with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and',
  `any of the 1 to ${LIMITS.maxConditionValues} values may match (OR). Operators: ${FILTER_OPERATOR_NAMES.map((o) => `\`${o}\` ${FILTER_OPERATORS[o]}`).join('; ')}.`,
  'Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots`',
  'take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it.',
].join(' ')

/** The `conditions` parameter: conditions with operators and value lists (src/stats/parse/conditions.ts). */
export const conditionsParam = t.Optional(
  t.String({
    description: CONDITIONS_TEXT,
    examples: [
      '[["starts_with","url",["/blog/"]],["is_not","referrer_domain",[""]],["is","country",["DE","AT"]]]',
    ],
  }),
)

/** The filter parameters (all strings, as sent), from the registry, and `conditions`. */
export const filterQuery = {
  ...(Object.fromEntries(FILTERS.map((f) => [f.name, str(f.description, f.example)])) as Record<
    Field,
    ReturnType<typeof str>
  >),
  conditions: conditionsParam,
  segment: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 64,
      description:
        'A saved segment of the site (see /api/v1/sites/{site_id}/segments): its filters apply on top of the others (AND). A private segment of another key is a 404',
      examples: ['seg_4f2a9c'],
    }),
  ),
}

/** Site, period, time zone and filter parameters (all strings, as sent); filters from the registry. */
export const scopeQuery = {
  site_id: t.String({
    minLength: 1,
    maxLength: 64,
    description: 'Site identifier',
    examples: ['site_abc123'],
  }),
  period: periodParam(`Period: ${PERIOD_NAMES.join(', ')}. Default 24h.`),
  from: str('Start of a custom period (inclusive): epoch ms or ISO 8601', '2026-11-01'),
  to: str('End of a custom period (exclusive): epoch ms or ISO 8601', '2026-11-08'),
  timezone: str(
    "IANA time zone of calendar periods, buckets and dates without offset. Default: the site's time zone (UTC unless set in its settings)",
    'Europe/Berlin',
  ),
  ...filterQuery,
}

/** What the comparison parameters do, for descriptions. */
export const COMPARE_TEXT =
  '`previous_period`: the period before (see the definitions); `year_over_year`: the same local dates and times a year earlier in `timezone` (Feb 29 → Feb 28); `custom`: `compare_from` .. `compare_to`'

/** `compare`, `compare_from`, `compare_to`: the range the period is compared with. */
export const compareQuery = {
  compare: t.Optional(
    nameParam('compare', COMPARE_MODES, {
      description: `Compare with another range: ${COMPARE_TEXT}`,
      examples: ['previous_period'],
    }),
  ),
  compare_from: str(
    'With compare=custom: start of the compared range (inclusive), epoch ms or ISO 8601 (read in timezone)',
    '2025-11-01',
  ),
  compare_to: str('With compare=custom: end of the compared range (exclusive)', '2025-11-08'),
}

/** The definitions of the API reference, repeated in every analytics route's description. */
export const DEFINITIONS = [
  'Definitions: a session is all events of one (site_id, session_id). Filters select events first;',
  'session metrics are then computed over the selected events inside the period.',
  ...METRIC_NAMES.map((m) => `\`${m}\`: ${METRICS[m].description}.`),
  'Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide.',
  `Periods: ${Object.keys(ROLLING_PERIODS).join(', ')} are rolling windows ending now;`,
  `${CALENDAR_PERIODS.join(', ')} are calendar periods in \`timezone\` (default UTC): today and month run from`,
  'their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month',
  'so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event',
  'until now; custom takes `from` and `to`',
  '(epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`).',
  'An event belongs to a period when from <= timestamp < to.',
  `Filters (${[...FILTER_FIELDS, 'property.<key>'].map((n) => `\`${n}\``).join(', ')}) are exact matches,`,
  'combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that',
  'field. `property.<key>` compares the property value as JSON text (`property.plan=pro`,',
  '`property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case,',
  'without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first /',
  'last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects',
  'the events completing that goal of the site (see the admin goals API).',
  CONDITIONS_TEXT,
  `Breakdown dimensions: ${DIMENSION_FIELDS.join(', ')}, property:<key>.`,
  'Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token);',
  'every event acknowledged before the call is counted.',
].join(' ')
