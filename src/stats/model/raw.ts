// Schemas of the raw-event endpoints: the paged list and the streaming export.
import { t } from 'elysia'
import { EXPORT_FORMAT_NAMES, LIMITS } from '../registry'
import { envelope, periodParam, scopeQuery } from './common'
import { nameParam } from './names'

const text = (description: string, example: string) =>
  t.Union([t.String(), t.Null()], { description, examples: [example] })

export const RawEvent = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  event_type: t.String({ examples: ['page_view'] }),
  timestamp: t.Integer({ description: 'Event time, epoch ms', examples: [1763640000000] }),
  session_id: t.String({ examples: ['session_xyz789'] }),
  user_id: text('User identifier', 'user_123'),
  url: text('Page URL', 'https://example.com/products'),
  referrer: text('Referrer URL', 'https://google.com'),
  device_type: text('Device type', 'desktop'),
  country: text('Country code', 'US'),
  properties: t.Union([t.Record(t.String(), t.Any()), t.Null()], {
    description: 'Custom properties',
    examples: [{ plan: 'premium' }],
  }),
  event_id: text('Client-generated id', 'evt_1'),
  received_at: t.Integer({ description: 'Server receive time, epoch ms', examples: [1763640000123] }),
})

const rawScope = {
  ...scopeQuery,
  period: periodParam('Period (as for /api/v1/stats); none means all events'),
}

export const EventsQuery = t.Object(
  {
    ...rawScope,
    limit: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: LIMITS.eventsMax,
        default: LIMITS.eventsDefault,
        description: `Events per page (1 to ${LIMITS.eventsMax}, default ${LIMITS.eventsDefault})`,
      }),
    ),
    cursor: t.Optional(
      t.String({
        maxLength: 64,
        description: 'next_cursor of the previous page',
        examples: ['MTc2MzY0MDAwMDAwMC40Mg'],
      }),
    ),
  },
  { additionalProperties: true },
)

export const EventsData = t.Object({
  events: t.Array(RawEvent, { description: 'Newest first' }),
  next_cursor: t.Union([t.String(), t.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last page',
    examples: ['MTc2MzY0MDAwMDAwMC40Mg'],
  }),
})

export const EventsResult = envelope(EventsData, [
  {
    success: true,
    data: {
      events: [
        {
          site_id: 'site_abc123',
          event_type: 'page_view',
          timestamp: 1763640000000,
          session_id: 'session_xyz789',
          user_id: null,
          url: 'https://example.com/products',
          referrer: null,
          device_type: 'desktop',
          country: 'US',
          properties: null,
          event_id: null,
          received_at: 1763640000123,
        },
      ],
      next_cursor: null,
    },
  },
])

export const ExportQuery = t.Object(
  {
    ...rawScope,
    format: t.Optional(
      nameParam('format', EXPORT_FORMAT_NAMES, {
        description: `File format: ${EXPORT_FORMAT_NAMES.join(', ')}. Default ndjson.`,
        examples: ['csv'],
      }),
    ),
  },
  { additionalProperties: true },
)
