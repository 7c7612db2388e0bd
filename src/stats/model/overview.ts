// Schemas of the all-sites overview.
import { t } from 'elysia'
import { envelope, Int } from '../../http/envelope'
import { PERIOD_NAMES } from '../registry'
import { PeriodName, periodParam } from './common'

const optional = (description: string, example: string) =>
  t.Optional(t.String({ description, examples: [example] }))

export const OverviewQuery = t.Object(
  {
    period: periodParam(
      `Period: ${PERIOD_NAMES.filter((p) => p !== 'all').join(', ')} (not all). Default 24h.`,
    ),
    from: optional('Start of a custom period (inclusive): epoch ms or ISO 8601', '2026-11-01'),
    to: optional('End of a custom period (exclusive): epoch ms or ISO 8601', '2026-11-08'),
    timezone: optional('IANA time zone of calendar periods and buckets. Default UTC', 'Europe/Berlin'),
  },
  { additionalProperties: false },
)

export const OverviewSite = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['My shop'] }),
  visitors: Int({ minimum: 0, description: 'Distinct visitors in the period', examples: [1234] }),
  page_views: Int({ minimum: 0, description: 'Page views in the period', examples: [5678] }),
  sparkline: t.Array(Int({ minimum: 0 }), {
    description: 'Visitors per bucket, one number per entry of `buckets`',
    examples: [[120, 98, 143]],
  }),
})

export const OverviewResult = envelope(
  t.Object({
    period: PeriodName,
    timezone: t.String({ examples: ['UTC'] }),
    from: t.String({ format: 'date-time', examples: ['2026-11-13T12:00:00.000Z'] }),
    to: t.String({ format: 'date-time', examples: ['2026-11-20T12:00:00.000Z'] }),
    interval: t.String({ description: 'Bucket size of the sparklines', examples: ['day'] }),
    buckets: t.Array(t.String(), {
      description: 'Bucket starts, ISO 8601 with the time zone’s offset',
      examples: [['2026-11-18T00:00:00Z', '2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z']],
    }),
    sites: t.Array(OverviewSite, { description: 'Every site the caller may read, oldest first' }),
  }),
)
