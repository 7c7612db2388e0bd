// Schemas of the sites and keys API: one `t` schema per shape, registered as named OpenAPI components.
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'

export const SiteId = t.String({
  pattern: '^[A-Za-z0-9_.-]{1,64}$',
  description: 'Site identifier: letters, digits, `_`, `.` and `-`, at most 64 characters',
  examples: ['site_abc123'],
})

const SiteName = t.String({
  minLength: 1,
  maxLength: 200,
  description: 'Display name',
  examples: ['My shop'],
})

const SiteDomains = t.Array(t.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.*:-]+$' }), {
  maxItems: 50,
  description:
    "Hostnames allowed to send events with the public key (empty: any origin). Plausible's `POST /api/event` finds the site by these (exact names; `*.` entries are not used for that)",
  examples: [['example.com', 'www.example.com']],
})

/** Other tools' ids of the site: Umami's `data-website-id` (a UUID) maps to the site through one. */
export const SiteAliases = t.Array(t.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }), {
  maxItems: 20,
  description:
    "Other tools' ids of this site: an Umami website id sent to `POST /api/send` is looked up here. Unique across sites",
  examples: [['4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b']],
})

/** A site's time zone: the default of reads that name none; changing it re-cuts periods, never stored times. */
export const SiteTimezone = t.String({
  pattern: '^[A-Za-z][A-Za-z0-9_+\\-/]{0,63}$',
  description:
    "IANA time zone of the site: reads that name no `timezone` cut their periods and buckets in it, and the dashboard uses it. Stored event times never change with it. null (the default) sets none: reads default to UTC and the dashboard to each viewer's zone",
  examples: ['Europe/Berlin'],
})

/** Days of events kept; null keeps everything. (TypeBox's own integer: no numeric strings.) */
export const RetentionDays = t.Union(
  [Type.Integer({ minimum: 1, maximum: 36500, examples: [395] }), t.Null()],
  {
    description:
      "Days of events kept (null: keep everything). Once a day, events before the start of the day `retention_days` days before today (in the site's time zone) are deleted, with everything derived from them",
  },
)

/** Server-side exclusion rules: matching events are dropped before storage and counted by reason. */
export const SiteExclusions = t.Object(
  {
    ips: t.Optional(
      t.Array(t.String({ minLength: 2, maxLength: 64, pattern: '^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$' }), {
        maxItems: 100,
        description: 'Visitor addresses and CIDR ranges (IPv4 or IPv6) whose events are dropped',
        examples: [['203.0.113.7', '10.0.0.0/8', '2001:db8::/32']],
      }),
    ),
    paths: t.Optional(
      t.Array(t.String({ minLength: 1, maxLength: 256, pattern: '^/' }), {
        maxItems: 100,
        description:
          'URL path patterns whose events are dropped: `*` matches within one segment, `**` across segments',
        examples: [['/admin/**', '/preview/*']],
      }),
    ),
    opt_out: t.Optional(
      t.Boolean({
        description:
          'Honour the "don\'t count me" flag (default true): browsers with `localStorage.pulse_ignore` (Plausible: `plausible_ignore`, Umami: `umami.disabled`) set by a page of the site are dropped',
        examples: [true],
      }),
    ),
  },
  { additionalProperties: false, description: 'Server-side exclusion rules of a site' },
)
export type SiteExclusions = typeof SiteExclusions.static

export const CreateSiteBody = t.Object(
  {
    site_id: t.Optional(SiteId),
    name: t.Optional(SiteName),
    domains: t.Optional(SiteDomains),
    aliases: t.Optional(SiteAliases),
    exclusions: t.Optional(SiteExclusions),
    timezone: t.Optional(t.Union([SiteTimezone, t.Null()])),
    retention_days: t.Optional(RetentionDays),
  },
  { additionalProperties: false },
)
export type CreateSiteBody = typeof CreateSiteBody.static

export const UpdateSiteBody = t.Object(
  {
    name: t.Optional(SiteName),
    domains: t.Optional(SiteDomains),
    aliases: t.Optional(SiteAliases),
    exclusions: t.Optional(SiteExclusions),
    timezone: t.Optional(t.Union([SiteTimezone, t.Null()])),
    retention_days: t.Optional(RetentionDays),
  },
  {
    additionalProperties: false,
    description: 'The settings to change; the others are kept. `retention_days: null` removes the limit',
  },
)
export type UpdateSiteBody = typeof UpdateSiteBody.static

export const Site = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['My shop'] }),
  domains: t.Array(t.String(), { examples: [['example.com']] }),
  aliases: t.Array(t.String(), { examples: [['4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b']] }),
  exclusions: SiteExclusions,
  timezone: t.Union([t.String(), t.Null()], {
    description:
      "IANA time zone of the site; null: none set (reads default to UTC, the dashboard to the viewer's zone)",
    examples: ['Europe/Berlin'],
  }),
  retention_days: RetentionDays,
  created_at: t.String({ format: 'date-time', examples: ['2026-11-26T08:00:00.000Z'] }),
})
export type Site = typeof Site.static

export const CreatedSite = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['My shop'] }),
  domains: t.Array(t.String(), { examples: [['example.com']] }),
  aliases: t.Array(t.String(), { examples: [[]] }),
  exclusions: SiteExclusions,
  timezone: t.Union([t.String(), t.Null()], { examples: [null] }),
  retention_days: RetentionDays,
  public_key: t.String({ description: 'Shown only once', examples: ['pk_Q2h5…'] }),
  secret_key: t.String({ description: 'Shown only once', examples: ['sk_Vb7d…'] }),
})
export type CreatedSite = typeof CreatedSite.static

export const ApiKeyInfo = t.Object({
  key_id: t.String({ examples: ['key_1a2b3c4d5e6f7a8b'] }),
  site_id: t.String({ examples: ['site_abc123'] }),
  kind: t.Union([t.Literal('public'), t.Literal('secret')]),
  key_prefix: t.String({ description: 'First characters of the key', examples: ['pk_Q2h5'] }),
  created_at: t.String({ format: 'date-time' }),
  revoked_at: t.Union([t.String({ format: 'date-time' }), t.Null()]),
})
export type ApiKeyInfo = typeof ApiKeyInfo.static

export const CreateKeyBody = t.Object(
  {
    kind: t.Union([t.Literal('public'), t.Literal('secret')], {
      description: 'Key kind',
      examples: ['secret'],
    }),
  },
  { additionalProperties: false },
)

export const CreatedKey = t.Object({
  key_id: t.String(),
  site_id: t.String(),
  kind: t.Union([t.Literal('public'), t.Literal('secret')]),
  key: t.String({ description: 'The key itself, shown only once', examples: ['sk_Vb7d…'] }),
})
export type CreatedKey = typeof CreatedKey.static
