// Schemas of the sites and keys API: one `t` schema per shape, registered as named OpenAPI components.
import { t } from 'elysia'

export const SiteId = t.String({
  pattern: '^[A-Za-z0-9_.-]{1,64}$',
  description: 'Site identifier: letters, digits, `_`, `.` and `-`, at most 64 characters',
  examples: ['site_abc123'],
})

export const CreateSiteBody = t.Object(
  {
    site_id: t.Optional(SiteId),
    name: t.Optional(
      t.String({ minLength: 1, maxLength: 200, description: 'Display name', examples: ['My shop'] }),
    ),
    domains: t.Optional(
      t.Array(t.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.*:-]+$' }), {
        maxItems: 50,
        description: 'Hostnames allowed to send events with the public key (empty: any origin)',
        examples: [['example.com', 'www.example.com']],
      }),
    ),
  },
  { additionalProperties: false },
)
export type CreateSiteBody = typeof CreateSiteBody.static

export const Site = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['My shop'] }),
  domains: t.Array(t.String(), { examples: [['example.com']] }),
  created_at: t.String({ format: 'date-time', examples: ['2026-11-26T08:00:00.000Z'] }),
})
export type Site = typeof Site.static

export const CreatedSite = t.Object({
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['My shop'] }),
  domains: t.Array(t.String(), { examples: [['example.com']] }),
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
