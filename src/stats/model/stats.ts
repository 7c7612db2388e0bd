// Schemas of GET /api/v1/stats: one metric (the seed's shape) or several at once, with comparison.
import { t } from 'elysia'
import { METRIC_NAMES } from '../registry'
import { envelope, scopeQuery } from './common'

export const StatsQuery = t.Object(
  {
    ...scopeQuery,
    metric: t.Optional(
      t.String({
        description: `One metric: ${METRIC_NAMES.join(', ')}. Default event_count.`,
        examples: ['event_count'],
      }),
    ),
    metrics: t.Optional(
      t.String({
        description: 'Several metrics, comma-separated (answers with `metrics` instead of `value`)',
        examples: ['visitors,page_views,bounce_rate'],
      }),
    ),
    compare: t.Optional(
      t.String({
        description: '`previous_period` adds the previous period’s value and the change in percent',
        examples: ['previous_period'],
      }),
    ),
  },
  { additionalProperties: true },
)
export type StatsQuery = typeof StatsQuery.static

const metricValues = (description: string) =>
  t.Partial(t.Object(Object.fromEntries(METRIC_NAMES.map((m) => [m, t.Number()]))), { description })
const metricChanges = (description: string) =>
  t.Partial(t.Object(Object.fromEntries(METRIC_NAMES.map((m) => [m, t.Union([t.Number(), t.Null()])]))), {
    description,
  })
const iso = (description: string, example: string) =>
  t.Optional(t.String({ format: 'date-time', description, examples: [example] }))

export const StatsData = t.Object(
  {
    period: t.String({ examples: ['24h'] }),
    metric: t.Optional(t.String({ description: 'Single form: the metric', examples: ['event_count'] })),
    value: t.Optional(t.Number({ description: 'Single form: its value', examples: [42] })),
    previous_value: t.Optional(
      t.Number({ description: 'Single form with compare: value in the previous period', examples: [40] }),
    ),
    change: t.Optional(
      t.Union([t.Number(), t.Null()], {
        description:
          'Single form with compare: percent change, 2 decimals; 0 when both are 0, null when only the previous is 0',
        examples: [5],
      }),
    ),
    timezone: t.Optional(t.String({ description: 'Multi form: the time zone', examples: ['UTC'] })),
    from: iso('Multi form: start of the period (inclusive)', '2026-11-19T12:00:00.000Z'),
    to: iso('Multi form: end of the period (exclusive)', '2026-11-20T12:00:00.000Z'),
    metrics: t.Optional(metricValues('Multi form: value of each metric')),
    previous: t.Optional(
      t.Object(
        {
          from: t.String({ format: 'date-time' }),
          to: t.String({ format: 'date-time' }),
          metrics: metricValues('Value of each metric in the previous period'),
        },
        { description: 'Multi form with compare: the previous period and its values' },
      ),
    ),
    changes: t.Optional(metricChanges('Multi form with compare: percent change of each metric')),
  },
  {
    description:
      'With `metric`: `{metric, value, period}` (plus `previous_value`, `change` with compare). With `metrics`: `{period, timezone, from, to, metrics}` (plus `previous`, `changes` with compare).',
  },
)

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
