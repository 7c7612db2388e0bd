// Schemas of GET /api/v1/stats: one metric (the seed's shape) or several at once, with comparison.
import { t } from 'elysia'
import { envelope } from '../../http/envelope'
import { pickList } from '../parse/names'
import { METRIC_NAMES } from '../registry'
import { compareQuery, MetricName, metricParam, PeriodName, scopeQuery } from './common'
import { alternation, friendlyError } from './names'

const METRIC_LIST = `^\\s*${alternation(METRIC_NAMES)}\\s*(?:,\\s*${alternation(METRIC_NAMES)}\\s*)*$`

export const StatsQuery = t.Object(
  {
    ...scopeQuery,
    metric: metricParam(`One metric: ${METRIC_NAMES.join(', ')}. Default event_count.`),
    // A comma-separated list cannot be an enum: the pattern names every allowed metric instead.
    metrics: t.Optional(
      t.String({
        pattern: METRIC_LIST,
        description: `Several metrics, comma-separated, each one of ${METRIC_NAMES.join(', ')} (answers with \`metrics\` instead of \`value\`)`,
        examples: ['visitors,page_views,bounce_rate'],
        error: friendlyError('metrics', (raw) => pickList('metrics', raw, METRIC_NAMES)),
      }),
    ),
    ...compareQuery,
  },
  { additionalProperties: true },
)
export type StatsQuery = typeof StatsQuery.static

const METRIC_KEY = `^${alternation(METRIC_NAMES)}$`
/** Values by metric name: exactly the metrics asked for. */
const metricValues = (description: string) =>
  t.Record(t.String({ pattern: METRIC_KEY }), t.Number(), {
    description,
    additionalProperties: false,
    examples: [{ visitors: 120, page_views: 480 }],
  })
const iso = (description: string, example: string) =>
  t.String({ format: 'date-time', description, examples: [example] })

/** The seed's shape: one metric. */
export const StatsSingle = t.Object(
  {
    metric: MetricName,
    value: t.Number({ description: 'Its value in the period', examples: [42] }),
    period: PeriodName,
    previous_value: t.Optional(
      t.Number({ description: 'Only with compare: the value in the compared range', examples: [40] }),
    ),
    change: t.Optional(
      t.Union([t.Number(), t.Null()], {
        description:
          'Only with compare: percent change, 2 decimals; 0 when both are 0, null when only the previous is 0',
        examples: [5],
      }),
    ),
  },
  {
    description:
      'Answer to `metric=…` (or neither `metric` nor `metrics`): `{metric, value, period}`, plus `previous_value` and `change` with `compare`.',
  },
)

/** Several metrics at once. */
export const StatsMulti = t.Object(
  {
    period: PeriodName,
    timezone: t.String({ description: 'The time zone', examples: ['UTC'] }),
    from: iso('Start of the period (inclusive)', '2026-11-19T12:00:00.000Z'),
    to: iso('End of the period (exclusive)', '2026-11-20T12:00:00.000Z'),
    metrics: metricValues('Value of each metric asked for'),
    previous: t.Optional(
      t.Object(
        {
          from: iso('Start of the previous period', '2026-11-18T12:00:00.000Z'),
          to: iso('End of the previous period', '2026-11-19T12:00:00.000Z'),
          metrics: metricValues('Value of each metric in the previous period'),
        },
        { description: 'Only with compare: the compared range and its values' },
      ),
    ),
    changes: t.Optional(
      t.Record(t.String({ pattern: METRIC_KEY }), t.Union([t.Number(), t.Null()]), {
        description: 'Only with compare: percent change of each metric (null when only the previous is 0)',
        additionalProperties: false,
      }),
    ),
  },
  {
    description:
      'Answer to `metrics=a,b,…`: `{period, timezone, from, to, metrics}`, plus `previous` and `changes` with `compare`.',
  },
)

/** Either shape; a client tells them apart by `'value' in data` (or `'metrics' in data`). */
export const StatsData = t.Union([StatsSingle, StatsMulti], {
  description:
    'With `metric`: StatsSingle `{metric, value, period}`. With `metrics`: StatsMulti `{period, timezone, from, to, metrics}`.',
})

export const StatsResult = envelope(StatsData, [
  { success: true, data: { metric: 'event_count', value: 42, period: '24h' } },
  {
    success: true,
    data: {
      period: '7d',
      timezone: 'UTC',
      from: '2026-11-13T12:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      metrics: { visitors: 120, page_views: 480, bounce_rate: 41.5 },
      previous: {
        from: '2026-11-06T12:00:00.000Z',
        to: '2026-11-13T12:00:00.000Z',
        metrics: { visitors: 100, page_views: 400, bounce_rate: 45 },
      },
      changes: { visitors: 20, page_views: 20, bounce_rate: -7.78 },
    },
  },
])
