// Schemas of funnels and retention: how visitors move through steps and come back over time.
import { t } from 'elysia'
import { LIMITS as EVENT_LIMITS } from '../../events/fields'
import { envelope, Int } from '../../http/envelope'
import { FILTER_FIELDS, LIMITS, PERIOD_NAMES, PROPERTY_KEY, RETENTION_INTERVALS } from '../registry'
import { CONDITIONS_TEXT, PeriodName, periodParam, scopeQuery } from './common'
import { nameEnum, nameParam } from './names'

const filterField = (name: string) =>
  t.Optional(t.String({ description: `Filter: ${name} equals (empty: missing)` }))

export const FunnelStepInput = t.Object(
  {
    event_type: t.String({
      minLength: 1,
      maxLength: EVENT_LIMITS.eventType,
      description: 'Event type of the step',
      examples: ['page_view'],
    }),
    url: t.Optional(
      t.String({
        minLength: 1,
        maxLength: EVENT_LIMITS.url,
        description: 'Only events on this exact URL count for the step',
        examples: ['/pricing'],
      }),
    ),
  },
  { additionalProperties: false },
)

export const FunnelBody = t.Object(
  {
    site_id: scopeQuery.site_id,
    period: periodParam(`Period: ${PERIOD_NAMES.join(', ')}. Default 24h.`),
    from: t.Optional(
      t.Union([t.String(), t.Integer()], { description: 'Start of a custom period: epoch ms or ISO 8601' }),
    ),
    to: t.Optional(t.Union([t.String(), t.Integer()], { description: 'End of a custom period (exclusive)' })),
    timezone: scopeQuery.timezone,
    // The filter fields are named (clients get them as keys); `property.<key>` filters come on top,
    // and the handler refuses any other key with the list of allowed ones.
    filters: t.Optional(
      t.Object(Object.fromEntries(FILTER_FIELDS.map((f) => [f, filterField(f)])), {
        additionalProperties: t.String(),
        // For the document only (validation ignores it): the keys allowed. The published document
        // keeps just this and `additionalProperties` (src/openapi/tidy.ts), so generated clients get
        // a string map that compiles under --strict and can carry `property.<key>`.
        propertyNames: {
          anyOf: [{ enum: FILTER_FIELDS }, { pattern: `^property\\.${PROPERTY_KEY.source.slice(1)}` }],
        },
        description: `Event filters, as the query parameters of the stats endpoints: ${FILTER_FIELDS.join(', ')}, property.<key>`,
        examples: [{ device_type: 'mobile', 'property.plan': 'pro' }],
      }),
    ),
    conditions: t.Optional(
      t.Array(
        t.Array(t.Union([t.String(), t.Array(t.String())]), {
          minItems: 3,
          maxItems: 3,
          description: '[operator, name, [values]]',
        }),
        {
          maxItems: LIMITS.maxConditions,
          description: CONDITIONS_TEXT.replace('`conditions`: a JSON array', 'Conditions: an array'),
          examples: [[['starts_with', 'url', ['/blog/']]]],
        },
      ),
    ),
    steps: t.Array(FunnelStepInput, {
      minItems: LIMITS.funnelMinSteps,
      maxItems: LIMITS.funnelMaxSteps,
      description: `${LIMITS.funnelMinSteps} to ${LIMITS.funnelMaxSteps} steps, in order`,
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        site_id: 'site_abc123',
        period: '30d',
        steps: [
          { event_type: 'page_view', url: '/pricing' },
          { event_type: 'user_signup' },
          { event_type: 'purchase' },
        ],
      },
    ],
  },
)

const rate = (description: string) => t.Number({ description, examples: [12.5] })

export const FunnelData = t.Object({
  period: PeriodName,
  timezone: t.String({ examples: ['UTC'] }),
  from: t.String({ format: 'date-time', examples: ['2026-10-21T12:00:00.000Z'] }),
  to: t.String({ format: 'date-time', examples: ['2026-11-20T12:00:00.000Z'] }),
  conversion_rate: rate('Percent of step-1 sessions that reached the last step'),
  steps: t.Array(
    t.Object({
      event_type: t.String({ examples: ['page_view'] }),
      url: t.Optional(t.String({ examples: ['/pricing'] })),
      sessions: Int({ description: 'Sessions that reached this step in order', examples: [80] }),
      conversion_rate: rate('Percent of step-1 sessions that reached this step'),
      drop_off: Int({
        description: 'Sessions of the previous step that did not reach this one',
        examples: [70],
      }),
      drop_off_rate: rate('drop_off as a percent of the previous step'),
    }),
  ),
})

export const FunnelResult = envelope(FunnelData, [
  {
    success: true,
    data: {
      period: '30d',
      timezone: 'UTC',
      from: '2026-10-21T12:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      conversion_rate: 12.5,
      steps: [
        {
          event_type: 'page_view',
          url: '/pricing',
          sessions: 80,
          conversion_rate: 100,
          drop_off: 0,
          drop_off_rate: 0,
        },
        { event_type: 'purchase', sessions: 10, conversion_rate: 12.5, drop_off: 70, drop_off_rate: 87.5 },
      ],
    },
  },
])

export const RetentionQuery = t.Object(
  {
    ...scopeQuery,
    interval: t.Optional(
      nameParam('interval', RETENTION_INTERVALS, {
        description: 'Cohort size: day or week (from Monday). Default day.',
        examples: ['week'],
      }),
    ),
  },
  { additionalProperties: true },
)

export const RetentionData = t.Object({
  period: PeriodName,
  interval: nameEnum(RETENTION_INTERVALS, { description: 'The cohort size', examples: ['day'] }),
  timezone: t.String({ examples: ['UTC'] }),
  from: t.String({ format: 'date-time', examples: ['2026-11-18T00:00:00.000Z'] }),
  to: t.String({ format: 'date-time', examples: ['2026-11-21T00:00:00.000Z'] }),
  cohorts: t.Array(
    t.Object({
      cohort: t.String({
        description: 'Start of the cohort interval, ISO 8601 with the zone offset',
        examples: ['2026-11-18T00:00:00Z'],
      }),
      visitors: Int({ description: 'Visitors first seen in this interval', examples: [10] }),
      counts: t.Array(Int(), {
        description: 'counts[k]: visitors of the cohort active k intervals later (k = 0 is the cohort)',
        examples: [[10, 4, 2]],
      }),
      rates: t.Array(t.Number(), {
        description: 'counts[k] as a percent of visitors',
        examples: [[100, 40, 20]],
      }),
    }),
    { description: `One cohort per interval of the period, oldest first (at most ${LIMITS.maxCohorts})` },
  ),
})

export const RetentionResult = envelope(RetentionData, [
  {
    success: true,
    data: {
      period: 'custom',
      interval: 'day',
      timezone: 'UTC',
      from: '2026-11-18T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
      cohorts: [
        { cohort: '2026-11-18T00:00:00Z', visitors: 10, counts: [10, 4, 2], rates: [100, 40, 20] },
        { cohort: '2026-11-19T00:00:00Z', visitors: 5, counts: [5, 1], rates: [100, 20] },
        { cohort: '2026-11-20T00:00:00Z', visitors: 0, counts: [0], rates: [0] },
      ],
    },
  },
])
