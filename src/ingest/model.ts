// Event schemas: the wire format of `/collect` and `/collect/batch`, exactly the seed's snake_case fields.
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'

/** Field length limits, in characters. */
export const LIMITS = {
  siteId: 64,
  eventType: 64,
  sessionId: 128,
  userId: 128,
  url: 2048,
  referrer: 2048,
  deviceType: 32,
  eventId: 64,
  propertyKeys: 32,
  propertyKey: 64,
  propertyValue: 512,
} as const

const optionalString = (maxLength: number, description: string, example: string, extra: object = {}) =>
  t.Optional(t.Union([t.String({ maxLength, ...extra }), t.Null()], { description, examples: [example] }))

export const EventProperties = t.Record(
  t.String({ minLength: 1, maxLength: LIMITS.propertyKey }),
  t.Union([t.String({ maxLength: LIMITS.propertyValue }), t.Number(), t.Boolean(), t.Null()]),
  {
    maxProperties: LIMITS.propertyKeys,
    description: `Flat custom properties: string, number, boolean or null values; at most ${LIMITS.propertyKeys} keys`,
    examples: [{ plan: 'premium', amount: 49.9 }],
  },
)

export const EventInput = t.Object(
  {
    site_id: t.String({
      minLength: 1,
      maxLength: LIMITS.siteId,
      description: 'Site identifier',
      examples: ['site_abc123'],
    }),
    event_type: t.String({
      minLength: 1,
      maxLength: LIMITS.eventType,
      description: 'Type of event (page_view, click, form_submit, user_signup, purchase, …)',
      examples: ['page_view'],
    }),
    timestamp: Type.Integer({
      description:
        'Unix timestamp in milliseconds; within the last PULSE_MAX_EVENT_AGE_DAYS and at most 5 minutes ahead',
      examples: [1703001234567],
    }),
    session_id: t.String({
      minLength: 1,
      maxLength: LIMITS.sessionId,
      description: 'Session identifier',
      examples: ['session_xyz789'],
    }),
    user_id: optionalString(LIMITS.userId, 'User identifier', 'user_123'),
    url: optionalString(
      LIMITS.url,
      'Page URL: absolute (https://…) or a path (/products)',
      'https://example.com/products',
    ),
    referrer: optionalString(LIMITS.referrer, 'Referrer URL', 'https://google.com'),
    device_type: optionalString(LIMITS.deviceType, 'Device type (desktop, mobile, tablet)', 'desktop'),
    country: t.Optional(
      t.Union([t.String({ pattern: '^[A-Za-z]{2}$' }), t.Null()], {
        description: 'Country code (ISO 3166-1 alpha-2)',
        examples: ['US'],
      }),
    ),
    properties: t.Optional(t.Union([EventProperties, t.Null()])),
    event_id: optionalString(
      LIMITS.eventId,
      'Optional client-generated id: a retry with the same id is stored once',
      'evt_01J…',
    ),
  },
  {
    additionalProperties: false,
    description: 'One analytics event',
    examples: [
      {
        site_id: 'site_abc123',
        event_type: 'page_view',
        timestamp: 1703001234567,
        session_id: 'session_xyz789',
        user_id: 'user_123',
        url: 'https://example.com/products',
        referrer: 'https://google.com',
        device_type: 'desktop',
        country: 'US',
      },
    ],
  },
)
export type EventInput = typeof EventInput.static

export const BatchInput = t.Object(
  {
    events: t.Array(EventInput, {
      minItems: 1,
      description: 'Events to store; each is validated on its own',
    }),
    api_key: t.Optional(t.String({ description: 'Public key, for browsers that cannot set headers' })),
  },
  { additionalProperties: false },
)

export const Rejected = t.Object({
  index: Type.Integer({ description: 'Position of the event in `events`', examples: [2] }),
  error: t.String({ examples: ['$.timestamp: must be within the last 30 days'] }),
  details: t.Array(t.Object({ path: t.String(), message: t.String() }), {
    description: 'Each bad field: its JSON path and what is wrong with it',
  }),
})

export const CollectResult = t.Object({
  success: t.Literal(true),
  data: t.Object({ accepted: Type.Integer({ examples: [1] }) }),
})

export const BatchResult = t.Object({
  success: t.Literal(true),
  data: t.Object({
    accepted: Type.Integer({ examples: [3] }),
    rejected: t.Array(Rejected),
  }),
})
