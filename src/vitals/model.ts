// Schemas of GET /api/v1/stats/web-vitals: the thresholds each metric is rated by, the query and the answer.
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'
import { envelope } from '../http/envelope'
import { scopeQuery } from '../stats/model/common'

/** The metrics the tracker's extras bundle sends, with web.dev's good / poor thresholds (ms; CLS unitless). */
export const VITALS = {
  lcp: { good: 2500, poor: 4000 },
  inp: { good: 200, poor: 500 },
  cls: { good: 0.1, poor: 0.25 },
  fcp: { good: 1800, poor: 3000 },
  ttfb: { good: 800, poor: 1800 },
} as const
export type VitalName = keyof typeof VITALS

/** What a breakdown groups by: nothing, the page path, the device type or the country. */
export const VITAL_GROUPS = ['none', 'page', 'device_type', 'country'] as const

export const WebVitalsQuery = t.Object(
  {
    ...scopeQuery,
    by: t.Optional(
      t.Union(
        VITAL_GROUPS.map((g) => t.Literal(g)),
        {
          description: 'Group by the page path, the device type or the country (default none)',
          examples: ['page'],
        },
      ),
    ),
  },
  { additionalProperties: true },
)

const Count = (description: string) => Type.Integer({ minimum: 0, description })

export const VitalSummary = t.Object({
  key: t.Union([t.String(), t.Null()], {
    description: 'The group (null: all, or a missing value)',
    examples: ['/pricing'],
  }),
  metric: t.Union(
    [t.Literal('lcp'), t.Literal('inp'), t.Literal('cls'), t.Literal('fcp'), t.Literal('ttfb')],
    { description: 'LCP, INP, FCP and TTFB in milliseconds; CLS unitless' },
  ),
  samples: Count('Page views that reported the metric'),
  p75: t.Number({ description: '75th percentile (continuous)', examples: [1840] }),
  good: Count('Samples rated good'),
  needs_improvement: Count('Samples rated needs improvement'),
  poor: Count('Samples rated poor'),
})

export const WebVitalsResult = envelope(
  t.Object({
    from: t.String({ format: 'date-time' }),
    to: t.String({ format: 'date-time' }),
    by: t.String({ examples: ['page'] }),
    rows: t.Array(VitalSummary),
  }),
)
