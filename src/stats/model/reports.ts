// Schemas of the timeseries, breakdown and realtime reports.
import { t } from 'elysia'
import { envelope, Int } from '../../http/envelope'
import { parseDimension } from '../parse/dimension'
import {
  DIMENSION_FIELDS,
  INTERVAL_NAMES,
  LIMITS,
  METRIC_NAMES,
  PROPERTY_DIMENSION_PREFIX,
  PROPERTY_KEY,
  REPORT_FORMATS,
} from '../registry'
import { compareQuery, filterQuery, MetricName, metricParam, PeriodName, scopeQuery } from './common'
import { friendlyError, nameEnum, nameParam } from './names'

const metric = metricParam(`Metric: ${METRIC_NAMES.join(', ')}. Default event_count.`)
const format = t.Optional(
  nameParam('format', REPORT_FORMATS, {
    description:
      '`json` (default): the envelope; `csv`: the rows as a `text/csv` download (Content-Disposition: attachment; RFC 4180, header row, CRLF; null as an empty field) — timeseries `time,value` (with compare `compared_time,compared_value`), breakdown `key,value` (with compare `previous_value,change`). Errors stay JSON envelopes',
    examples: ['csv'],
  }),
)
const isoRange = {
  timezone: t.String({ examples: ['UTC'] }),
  from: t.String({
    format: 'date-time',
    description: 'Start (inclusive)',
    examples: ['2026-11-13T12:00:00.000Z'],
  }),
  to: t.String({
    format: 'date-time',
    description: 'End (exclusive)',
    examples: ['2026-11-20T12:00:00.000Z'],
  }),
}

export const TimeseriesQuery = t.Object(
  {
    ...scopeQuery,
    metric,
    interval: t.Optional(
      nameParam('interval', INTERVAL_NAMES, {
        description: `Bucket: ${INTERVAL_NAMES.join(', ')} (weeks start on Monday). Default: minute up to 3 hours, hour up to 3 days, else day.`,
        examples: ['day'],
      }),
    ),
    ...compareQuery,
    format,
  },
  { additionalProperties: true },
)

const Points = (description: string) =>
  t.Array(
    t.Object({
      time: t.String({
        description: 'Bucket start, ISO 8601 with the time zone’s offset',
        examples: ['2026-11-20T00:00:00Z'],
      }),
      value: t.Number({ examples: [17] }),
    }),
    { description },
  )

export const TimeseriesData = t.Object({
  metric: MetricName,
  period: PeriodName,
  interval: nameEnum(INTERVAL_NAMES, { description: 'The bucket size', examples: ['day'] }),
  ...isoRange,
  points: Points(`One point per bucket overlapping the period, oldest first (at most ${LIMITS.maxPoints})`),
  comparison: t.Optional(
    t.Object(
      {
        from: isoRange.from,
        to: isoRange.to,
        points: Points(
          'One point per bucket of the same interval overlapping the compared range, oldest first (overlay by position)',
        ),
      },
      { description: 'Only with compare: the compared range and its points' },
    ),
  ),
})

export const TimeseriesResult = envelope(TimeseriesData, [
  {
    success: true,
    data: {
      metric: 'visitors',
      period: 'custom',
      interval: 'day',
      timezone: 'UTC',
      from: '2026-11-18T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
      points: [
        { time: '2026-11-18T00:00:00Z', value: 12 },
        { time: '2026-11-19T00:00:00Z', value: 0 },
      ],
    },
  },
])

export const BreakdownQuery = t.Object(
  {
    ...scopeQuery,
    dimension: t.Union(
      [
        nameEnum(DIMENSION_FIELDS),
        t.String({ pattern: `^${PROPERTY_DIMENSION_PREFIX}${PROPERTY_KEY.source.slice(1)}` }),
      ],
      {
        description: `Group by: ${DIMENSION_FIELDS.join(', ')}, or property:<key>`,
        examples: ['url'],
        error: friendlyError('dimension', parseDimension),
      },
    ),
    metric,
    limit: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: LIMITS.breakdownMax,
        default: LIMITS.breakdownDefault,
        description: `Rows per page (1 to ${LIMITS.breakdownMax}, default ${LIMITS.breakdownDefault})`,
      }),
    ),
    offset: t.Optional(
      t.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0, description: 'Rows to skip (default 0)' }),
    ),
    ...compareQuery,
    format,
  },
  { additionalProperties: true },
)

export const BreakdownData = t.Object({
  dimension: t.String({ description: 'The dimension, as asked', examples: ['url'] }),
  metric: MetricName,
  period: PeriodName,
  ...isoRange,
  rows: t.Array(
    t.Object({
      key: t.Union([t.String(), t.Null()], {
        description: 'The dimension value; null for events without it',
        examples: ['/pricing'],
      }),
      value: t.Number({ examples: [42] }),
      previous_value: t.Optional(
        t.Number({
          description: 'Only with compare: the value of this key in the compared range',
          examples: [40],
        }),
      ),
      change: t.Optional(
        t.Union([t.Number(), t.Null()], {
          description:
            'Only with compare: percent change, 2 decimals; 0 when both are 0, null when only the previous is 0',
          examples: [5],
        }),
      ),
    }),
    { description: 'Sorted by value descending, then key (null last)' },
  ),
  total_rows: Int({ description: 'Number of distinct keys (all pages)', examples: [57] }),
  comparison: t.Optional(
    t.Object(
      { from: isoRange.from, to: isoRange.to },
      { description: 'Only with compare: the compared range (each row has its previous_value and change)' },
    ),
  ),
})

export const BreakdownResult = envelope(BreakdownData, [
  {
    success: true,
    data: {
      dimension: 'url',
      metric: 'visitors',
      period: '7d',
      timezone: 'UTC',
      from: '2026-11-13T12:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      rows: [
        { key: '/', value: 120 },
        { key: '/pricing', value: 42 },
      ],
      total_rows: 2,
    },
  },
])

export const RealtimeQuery = t.Object(
  {
    site_id: scopeQuery.site_id,
    ...filterQuery,
    limit: t.Optional(
      t.Integer({ minimum: 1, maximum: 100, default: 10, description: 'Top pages to list (default 10)' }),
    ),
  },
  { additionalProperties: true },
)

export const RealtimeData = t.Object({
  from: isoRange.from,
  to: isoRange.to,
  visitors: Int({
    description: 'Distinct coalesce(user_id, visitor_id, session_id), as the `visitors` metric',
    examples: [3],
  }),
  sessions: Int({ description: 'Distinct sessions', examples: [3] }),
  events: Int({ description: 'Events', examples: [17] }),
  page_views: Int({ description: 'page_view events', examples: [9] }),
  top_pages: t.Array(
    t.Object({
      url: t.String({ examples: ['/pricing'] }),
      visitors: Int({ description: 'Visitors with a page view of this URL', examples: [2] }),
    }),
    { description: 'URLs of page views, by visitors descending then URL' },
  ),
})

export const RealtimeResult = envelope(RealtimeData, [
  {
    success: true,
    data: {
      from: '2026-11-20T11:55:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      visitors: 3,
      sessions: 3,
      events: 17,
      page_views: 9,
      top_pages: [{ url: '/pricing', visitors: 2 }],
    },
  },
])
