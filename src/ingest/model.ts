// Event schemas: the wire format of `/collect` and `/collect/batch`, exactly the seed's snake_case fields.
// `EventInput` is derived from the event field list (src/events/fields.ts): one property per client field.
import { type TInteger, type TNull, type TOptional, type TString, type TUnion, Type } from '@sinclair/typebox'
import { t } from 'elysia'
import { CLIENT_FIELDS, type ClientField, LIMITS } from '../events/fields'

export { LIMITS }

const properties = CLIENT_FIELDS.find((f) => f.rule === 'json')?.input
export const EventProperties = t.Record(
  t.String({ minLength: 1, maxLength: LIMITS.propertyKey }),
  t.Union([t.String({ maxLength: LIMITS.propertyValue }), t.Number(), t.Boolean(), t.Null()]),
  {
    maxProperties: LIMITS.propertyKeys,
    description: properties?.description,
    examples: [properties?.example],
  },
)

/** The schema of one client field, by its rule and nullability. */
type InputSchema<F extends ClientField> = F['rule'] extends 'epoch-ms'
  ? TInteger
  : F['rule'] extends 'json'
    ? TOptional<TUnion<[typeof EventProperties, TNull]>>
    : F['nullable'] extends true
      ? TOptional<TUnion<[TString, TNull]>>
      : TString

function inputSchema(f: ClientField) {
  const doc = { description: f.input.description, examples: [f.input.example] }
  if (f.rule === 'epoch-ms') return Type.Integer(doc)
  if (f.rule === 'json') return t.Optional(t.Union([EventProperties, t.Null()]))
  const limits = {
    ...('minLength' in f ? { minLength: f.minLength } : {}),
    ...('maxLength' in f ? { maxLength: f.maxLength } : {}),
    ...('pattern' in f ? { pattern: f.pattern } : {}),
  }
  if (!f.nullable) return t.String({ ...limits, ...doc })
  return t.Optional(t.Union([t.String(limits), t.Null()], doc))
}

const inputProperties = Object.fromEntries(CLIENT_FIELDS.map((f) => [f.name, inputSchema(f)])) as {
  [F in ClientField as F['name']]: InputSchema<F>
}

/**
 * Wire-only fields a server-side sender (secret key) may forward for enrichment; used, then dropped:
 * never stored, returned or logged. Browser traffic gets them from the request itself.
 */
export const FORWARDED_FIELDS = {
  user_agent: t.Optional(
    t.String({
      maxLength: 1024,
      description:
        "The visitor's User-Agent, forwarded by a server (secret key): used for browser, OS, device and bot detection, never stored",
      examples: [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ],
    }),
  ),
  ip: t.Optional(
    t.String({
      maxLength: 64,
      description:
        "The visitor's IP address, forwarded by a server (secret key): used for country and the visitor id, never stored",
      examples: ['203.0.113.7'],
    }),
  ),
  webdriver: t.Optional(
    t.Boolean({
      description:
        'Set by the tracker when navigator.webdriver is true (an automated browser): the event is a bot',
      examples: [true],
    }),
  ),
}

export const EventInput = t.Object(
  { ...inputProperties, ...FORWARDED_FIELDS },
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
