// The event, defined once: every field of the `events` table in table order, with its wire name, column,
// DuckDB type, limits, rules and documentation. The ingest schema and row types, validation's row building
// (`toRow`, src/ingest/validate.ts) and the CSV line the buffer, the log and the writer hold
// (`csvLine`, src/events/csv.ts; both generated from this list at load time), the writer's column order,
// the raw-event schema and columns, the enrichable fields and the stats filters and dimensions are all
// derived from this list (test/db/event-fields.db.test.ts checks it against the table).
//
// Adding an event field:
//   1. Append one entry at the END of EVENT_FIELDS (the order is the table's column order: never insert,
//      reorder or remove). An optional text field filled at ingest is an `enriched(…)` entry.
//   2. Add a migration src/db/migrations/NNN_name.sql: `ALTER TABLE events ADD COLUMN …` with the same
//      name, type and nullability (new columns are nullable: old rows and old log records lack them),
//      and its line in src/db/migrations/index.ts.
//   3. An enriched field: the step that fills it (src/ingest/enrich/pipeline.ts).
//   4. Regenerate the SDK types (`bun src/binary/generate-sdk-types.ts`) when the field is on the wire,
//      and give it a dashboard label if the dashboard shows it.
// Nothing else is unrolled by hand: the version-2 log format (src/events/wal-format.ts) is frozen with
// the fields it had, and the reference appender of the tests (test/helpers/appender.ts) follows this list.
// The table also holds the stored keys of src/events/keys.ts (migration 009), which are not event fields:
// they follow the first `FIELDS_BEFORE_KEYS` fields, so a field added later comes after them in the table
// (the column-order test, test/db/event-fields.db.test.ts, and the reference appender follow that).

/** Where a field's value comes from. */
export type FieldSource =
  /** Sent by clients in `/collect`, validated, stored and returned. */
  | 'client'
  /** Set by the server at ingest (returned, never accepted on the wire). */
  | 'server'
  /** Computed by the writer for the server's own use; never on the wire. */
  | 'internal'

/**
 * How a field's value is checked and normalised. `text`: no NUL, no lone surrogate, `""` stored as
 * null; `url`: text that is an absolute http(s) URL or a path; `country`: two letters, stored
 * upper-case; `epoch-ms`: an integer, Unix time in milliseconds; `json`: the flat `properties` object,
 * stored as JSON text; `fingerprint`: a 64-bit hash computed by the writer.
 */
export type FieldRule = 'text' | 'url' | 'country' | 'epoch-ms' | 'json' | 'fingerprint'

/** Text of one schema property in the published API. */
export interface FieldDoc {
  description?: string
  example: unknown
}

/** One event field. */
export interface EventField {
  /** Name on the wire and in the API (JSON property, filter parameter, dimension). */
  name: string
  /** Column of the `events` table. */
  column: string
  /** Property of the in-memory row (`EventRow`). */
  key: string
  type: 'VARCHAR' | 'BIGINT' | 'JSON'
  nullable: boolean
  source: FieldSource
  rule: FieldRule
  /** Length limits of text, in characters. */
  minLength?: number
  maxLength?: number
  /** Pattern the text must match (checked by the schema). */
  pattern?: string
  /** Documentation of the field in `EventInput` (client fields). */
  input?: FieldDoc
  /** Documentation of the field in `RawEvent` (the raw events and export). */
  output?: FieldDoc
  /**
   * The field is an event filter of the stats API (`?url=/pricing`). `rank` orders the published
   * list of filters (new fields: leave it out, they are listed last); `maxLength` of a filter value
   * defaults to the field's.
   */
  filter?: { rank?: number; description: string; example: string; maxLength?: number }
  /** The field is a breakdown dimension (it must also be a filter). */
  dimension?: boolean
  /** Filled at ingest by enrichment when the sender left it out (see `enriched`). */
  enriched?: boolean
}

/** Limits of the `properties` object. */
export const PROPERTY_LIMITS = { keys: 32, keyLength: 64, valueLength: 512 } as const

/**
 * An optional text field filled at ingest by enrichment (src/ingest/enrich/) when the sender left it
 * out: accepted on the wire (a sender's value is kept), stored, returned, a filter and a dimension.
 */
function enriched<const N extends string, const K extends string>(
  name: N,
  key: K,
  maxLength: number,
  description: string,
  example: string,
) {
  return {
    name,
    column: name,
    key,
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'text',
    maxLength,
    input: { description: `${description} (filled at ingest when missing)`, example },
    output: { description, example },
    filter: { description: `Filter: ${name} equals (empty: missing)`, example },
    dimension: true,
    enriched: true,
  } as const
}

/** Every column of `events`, in table order (also the write-ahead log's tuple order: append only). */
export const EVENT_FIELDS = [
  {
    name: 'site_id',
    column: 'site_id',
    key: 'siteId',
    type: 'VARCHAR',
    nullable: false,
    source: 'client',
    rule: 'text',
    minLength: 1,
    maxLength: 64,
    input: { description: 'Site identifier', example: 'site_abc123' },
    output: { example: 'site_abc123' },
  },
  {
    name: 'event_type',
    column: 'event_type',
    key: 'eventType',
    type: 'VARCHAR',
    nullable: false,
    source: 'client',
    rule: 'text',
    minLength: 1,
    maxLength: 64,
    input: {
      description: 'Type of event (page_view, click, form_submit, user_signup, purchase, …)',
      example: 'page_view',
    },
    output: { example: 'page_view' },
    filter: { rank: 1, description: 'Filter: event type equals (empty: missing)', example: 'page_view' },
    dimension: true,
  },
  {
    name: 'timestamp',
    column: 'ts',
    key: 'ts',
    type: 'BIGINT',
    nullable: false,
    source: 'client',
    rule: 'epoch-ms',
    input: {
      description:
        'Unix timestamp in milliseconds; within the last PULSE_MAX_EVENT_AGE_DAYS and at most 5 minutes ahead',
      example: 1703001234567,
    },
    output: { description: 'Event time, epoch ms', example: 1763640000000 },
  },
  {
    name: 'session_id',
    column: 'session_id',
    key: 'sessionId',
    type: 'VARCHAR',
    nullable: false,
    source: 'client',
    rule: 'text',
    minLength: 1,
    maxLength: 128,
    input: { description: 'Session identifier', example: 'session_xyz789' },
    output: { example: 'session_xyz789' },
  },
  {
    name: 'user_id',
    column: 'user_id',
    key: 'userId',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'text',
    maxLength: 128,
    input: { description: 'User identifier', example: 'user_123' },
    output: { description: 'User identifier', example: 'user_123' },
    filter: { rank: 7, description: 'Filter: user id equals', example: 'user_123' },
  },
  {
    name: 'url',
    column: 'url',
    key: 'url',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'url',
    maxLength: 2048,
    input: {
      description: 'Page URL: absolute (https://…) or a path (/products)',
      example: 'https://example.com/products',
    },
    output: { description: 'Page URL', example: 'https://example.com/products' },
    filter: { rank: 2, description: 'Filter: URL equals (empty: missing)', example: '/pricing' },
    dimension: true,
  },
  {
    name: 'referrer',
    column: 'referrer',
    key: 'referrer',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'text',
    maxLength: 2048,
    input: { description: 'Referrer URL', example: 'https://google.com' },
    output: { description: 'Referrer URL', example: 'https://google.com' },
    filter: {
      rank: 3,
      description: 'Filter: referrer equals (empty: no referrer)',
      example: 'https://google.com',
    },
    dimension: true,
  },
  {
    name: 'device_type',
    column: 'device_type',
    key: 'deviceType',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'text',
    maxLength: 32,
    input: { description: 'Device type (desktop, mobile, tablet)', example: 'desktop' },
    output: { description: 'Device type', example: 'desktop' },
    filter: { rank: 5, description: 'Filter: device type equals', example: 'mobile' },
    dimension: true,
  },
  {
    name: 'country',
    column: 'country',
    key: 'country',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'country',
    pattern: '^[A-Za-z]{2}$',
    input: { description: 'Country code (ISO 3166-1 alpha-2)', example: 'US' },
    output: { description: 'Country code', example: 'US' },
    filter: {
      rank: 6,
      description: 'Filter: country code equals (case-insensitive)',
      example: 'US',
      maxLength: 2,
    },
    dimension: true,
  },
  {
    name: 'properties',
    column: 'properties',
    key: 'properties',
    type: 'JSON',
    nullable: true,
    source: 'client',
    rule: 'json',
    input: {
      description: `Flat custom properties: string, number, boolean or null values; at most ${PROPERTY_LIMITS.keys} keys`,
      example: { plan: 'premium', amount: 49.9 },
    },
    output: { description: 'Custom properties', example: { plan: 'premium' } },
  },
  {
    name: 'event_id',
    column: 'event_id',
    key: 'eventId',
    type: 'VARCHAR',
    nullable: true,
    source: 'client',
    rule: 'text',
    maxLength: 64,
    input: {
      description: 'Optional client-generated id: a retry with the same id is stored once',
      example: 'evt_01J…',
    },
    output: { description: 'Client-generated id', example: 'evt_1' },
  },
  {
    name: 'received_at',
    column: 'received_at',
    key: 'receivedAt',
    type: 'BIGINT',
    nullable: false,
    source: 'server',
    rule: 'epoch-ms',
    output: { description: 'Server receive time, epoch ms', example: 1763640000123 },
  },
  {
    name: 'event_key',
    column: 'event_key',
    key: 'eventKey',
    type: 'BIGINT',
    nullable: true,
    source: 'internal',
    rule: 'fingerprint',
  },
  {
    name: 'import_id',
    column: 'import_id',
    key: 'importId',
    type: 'VARCHAR',
    nullable: true,
    source: 'internal',
    rule: 'text',
  },
  enriched('browser', 'browser', 64, 'Browser name, from the User-Agent or Client Hints', 'Chrome'),
  enriched('browser_version', 'browserVersion', 32, 'Browser major version', '131'),
  enriched('os', 'os', 64, 'Operating system name', 'Windows'),
  enriched('os_version', 'osVersion', 32, 'Operating system version', '10'),
  enriched(
    'bot_reason',
    'botReason',
    32,
    'Why the event is a bot (ua, headless, webdriver, referrer_spam, burst); null for people. Bot events are left out of every stat unless include_bots=true',
    'ua',
  ),
  enriched('region', 'region', 128, 'Region, from the IP with a city database (PULSE_GEOIP_DB)', 'Bavaria'),
  enriched('city', 'city', 128, 'City, from the IP with a city database (PULSE_GEOIP_DB)', 'Munich'),
  enriched(
    'visitor_id',
    'visitorId',
    128,
    'Cookieless visitor id: keyed hash of (daily salt, site, IP, User-Agent)',
    'v_3f9a0c…',
  ),
  enriched('source', 'source', 128, 'Traffic source: from utm_source/ref/source, or the referrer', 'Google'),
  enriched('utm_source', 'utmSource', 256, 'utm_source of the page URL', 'newsletter'),
  enriched('utm_medium', 'utmMedium', 256, 'utm_medium of the page URL', 'email'),
  enriched('utm_campaign', 'utmCampaign', 256, 'utm_campaign of the page URL', 'black_friday'),
  enriched('utm_term', 'utmTerm', 256, 'utm_term of the page URL', 'running shoes'),
  enriched('utm_content', 'utmContent', 256, 'utm_content of the page URL', 'banner'),
  enriched('channel', 'channel', 32, "Channel, by GA4's default channel rules", 'Organic Search'),
] as const satisfies readonly EventField[]

/**
 * How many event fields come before the stored keys (src/events/keys.ts) in the table: those there were
 * when migration 009 added the keys. A column added since follows the keys (`ALTER TABLE … ADD COLUMN`
 * appends). Only code that writes by position (the tests' reference appender) needs this.
 */
export const FIELDS_BEFORE_KEYS = 29

type Fields = (typeof EVENT_FIELDS)[number]
/** A field sent by clients. */
export type ClientField = Extract<Fields, { source: 'client' }>
/** A field held in the ingest buffer: sent by clients or set by the server at ingest. */
export type BufferedField = Extract<Fields, { source: 'client' | 'server' }>
/** A field returned by the raw-event API. */
export type PublicField = BufferedField

/** The in-memory type of a stored value (JSON is kept as its text). */
type ValueOf<F extends EventField> =
  | (F['type'] extends 'BIGINT' ? number : string)
  | (F['nullable'] extends true ? null : never)

/** A validated event, normalised for storage (empty strings → null, country upper-cased). */
export type EventRow = { [F in ClientField as F['key']]: ValueOf<F> }

/** The fields sent by clients, in table order. */
export const CLIENT_FIELDS = EVENT_FIELDS.filter((f): f is ClientField => f.source === 'client')

/** A field filled at ingest by enrichment when the sender left it out. */
export type EnrichedField = Extract<Fields, { enriched: true }>

/** The fields enrichment may fill, in table order. */
export const ENRICHED_FIELDS = EVENT_FIELDS.filter(
  (f): f is EnrichedField => 'enriched' in f && f.enriched === true,
)

/** The fields held in the ingest buffer, in table order (what the writer appends, `event_key` aside). */
export const BUFFERED_FIELDS = EVENT_FIELDS.filter((f): f is BufferedField => f.source !== 'internal')

/** The fields the raw-event API returns, in table order. */
export const PUBLIC_FIELDS: readonly PublicField[] = BUFFERED_FIELDS

/** The event field with wire name `name`. */
export function eventField<N extends Fields['name']>(name: N): Extract<Fields, { name: N }> {
  const f = EVENT_FIELDS.find((x) => x.name === name)
  if (!f) throw new Error(`no event field ${name}`)
  return f as Extract<Fields, { name: N }>
}

type WithMax = Extract<ClientField, { maxLength: number }>

/** Field length limits, in characters: each text field's, and those of `properties`. */
export const LIMITS = {
  ...(Object.fromEntries(CLIENT_FIELDS.flatMap((f) => ('maxLength' in f ? [[f.key, f.maxLength]] : []))) as {
    [F in WithMax as F['key']]: F['maxLength']
  }),
  propertyKeys: PROPERTY_LIMITS.keys,
  propertyKey: PROPERTY_LIMITS.keyLength,
  propertyValue: PROPERTY_LIMITS.valueLength,
} as const
