// Schemas of the stats API.
import { t } from 'elysia'
import { METRIC_NAMES, PERIOD_NAMES } from './registry'

export const StatsQuery = t.Object({
  site_id: t.String({
    minLength: 1,
    maxLength: 64,
    description: 'Site identifier',
    examples: ['site_abc123'],
  }),
  metric: t.Optional(
    t.String({
      description: `Metric: one of ${METRIC_NAMES.join(', ')}`,
      examples: ['event_count'],
      default: 'event_count',
    }),
  ),
  period: t.Optional(
    t.String({ description: `Period: one of ${PERIOD_NAMES.join(', ')}`, examples: ['24h'], default: '24h' }),
  ),
})
export type StatsQuery = typeof StatsQuery.static

export const StatsResult = t.Object(
  {
    success: t.Literal(true),
    data: t.Object({
      metric: t.String({ examples: ['event_count'] }),
      value: t.Number({ examples: [42] }),
      period: t.String({ examples: ['24h'] }),
    }),
  },
  { examples: [{ success: true, data: { metric: 'event_count', value: 42, period: '24h' } }] },
)
