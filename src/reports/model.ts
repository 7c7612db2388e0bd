// Schemas of the reports API (webhooks, digests, alert rules, deliveries): one `t` schema per shape,
// registered as named OpenAPI components.
import { t } from 'elysia'
import { Int } from '../http/envelope'

const id = (description: string, example: string) => t.String({ description, examples: [example] })
const created = t.String({ format: 'date-time', examples: ['2026-11-26T08:00:00.000Z'] })
const email = t.String({
  format: 'email',
  maxLength: 254,
  description: 'Recipient address',
  examples: ['owner@example.com'],
})
const WebhookFormat = t.Union([t.Literal('json'), t.Literal('slack'), t.Literal('discord')], {
  description:
    '`json`: the PULSE payload (`{type, site_id, …}`); `slack`: `{text}` for a Slack incoming webhook; `discord`: `{content}` for a Discord webhook. All are signed alike.',
  examples: ['json'],
})
const Frequency = t.Union([t.Literal('daily'), t.Literal('weekly'), t.Literal('monthly')], {
  description:
    'daily: the previous day; weekly: the previous Monday-to-Monday week; monthly: the previous month',
  examples: ['weekly'],
})
const AlertKind = t.Union([t.Literal('spike'), t.Literal('drop'), t.Literal('goal')], {
  description:
    '`spike`: visitors in the last `window_minutes` above `threshold`; `drop`: visitors in the last `window_minutes` below `threshold` × the same window a week earlier (a broken tracker shows here); `goal`: conversions of `goal` in the window below `threshold`',
  examples: ['spike'],
})

export const CreateWebhookBody = t.Object(
  {
    url: t.String({
      pattern: '^https?://',
      maxLength: 2048,
      description: 'Where to POST (http or https)',
      examples: ['https://hooks.example.com/pulse'],
    }),
    format: t.Optional(WebhookFormat),
  },
  { additionalProperties: false },
)
export type CreateWebhookBody = typeof CreateWebhookBody.static

export const UpdateWebhookBody = t.Object(
  { url: t.Optional(CreateWebhookBody.properties.url), format: t.Optional(WebhookFormat) },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateWebhookBody = typeof UpdateWebhookBody.static

export const Webhook = t.Object({
  webhook_id: id('Webhook identifier', 'wh_1a2b3c4d5e6f7a8b'),
  site_id: t.String({ examples: ['site_abc123'] }),
  url: t.String({ examples: ['https://hooks.example.com/pulse'] }),
  format: WebhookFormat,
  created_at: created,
})
export type Webhook = typeof Webhook.static

export const CreatedWebhook = t.Object({
  ...Webhook.properties,
  secret: t.String({
    description: 'Signing secret (HMAC-SHA256 of `<timestamp>.<body>`), shown only once',
    examples: ['whsec_Vb7d…'],
  }),
})
export type CreatedWebhook = typeof CreatedWebhook.static

export const CreateDigestBody = t.Object(
  {
    email,
    frequency: Frequency,
    hour: t.Optional(
      t.Integer({
        minimum: 0,
        maximum: 23,
        description: 'Local hour of the send (default 8)',
        examples: [8],
      }),
    ),
    timezone: t.Optional(
      t.String({
        maxLength: 64,
        description: 'IANA time zone of the periods and the hour (default UTC)',
        examples: ['Europe/Berlin'],
      }),
    ),
  },
  { additionalProperties: false },
)
export type CreateDigestBody = typeof CreateDigestBody.static

export const UpdateDigestBody = t.Object(
  {
    email: t.Optional(email),
    frequency: t.Optional(Frequency),
    hour: CreateDigestBody.properties.hour,
    timezone: CreateDigestBody.properties.timezone,
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'The fields to change. A new schedule starts with the first period ending after now; a new address is subscribed again.',
  },
)
export type UpdateDigestBody = typeof UpdateDigestBody.static

export const Digest = t.Object({
  digest_id: id('Digest identifier', 'dg_1a2b3c4d5e6f7a8b'),
  site_id: t.String({ examples: ['site_abc123'] }),
  email: t.String({ examples: ['owner@example.com'] }),
  frequency: Frequency,
  hour: Int({ minimum: 0, maximum: 23, examples: [8] }),
  timezone: t.String({ examples: ['Europe/Berlin'] }),
  last_period: t.Union([t.String(), t.Null()], {
    description: 'First local date of the last period claimed for sending',
    examples: ['2026-11-16'],
  }),
  unsubscribed: t.Boolean({ description: 'The recipient used the unsubscribe link: nothing is sent' }),
  created_at: created,
})
export type Digest = typeof Digest.static

export const CreateAlertBody = t.Object(
  {
    kind: AlertKind,
    threshold: t.Number({
      minimum: 0,
      description: 'spike: visitors; drop: a fraction such as 0.5; goal: conversions',
      examples: [100],
    }),
    window_minutes: t.Optional(
      t.Integer({ minimum: 5, maximum: 10080, description: 'Window checked (default 60)', examples: [60] }),
    ),
    goal: t.Optional(
      t.String({
        minLength: 1,
        maxLength: 100,
        description: 'Kind goal: the goal name',
        examples: ['Signup'],
      }),
    ),
    webhook_id: t.Optional(
      t.String({ description: 'Send to this webhook of the site', examples: ['wh_1a2b'] }),
    ),
    email: t.Optional(email),
    quiet_minutes: t.Optional(
      t.Integer({
        minimum: 0,
        maximum: 10080,
        description: 'After an alert, no new alert of the rule for this long (default 60)',
        examples: [60],
      }),
    ),
  },
  { additionalProperties: false },
)
export type CreateAlertBody = typeof CreateAlertBody.static

export const UpdateAlertBody = t.Object(
  {
    threshold: t.Optional(CreateAlertBody.properties.threshold),
    window_minutes: CreateAlertBody.properties.window_minutes,
    goal: CreateAlertBody.properties.goal,
    webhook_id: CreateAlertBody.properties.webhook_id,
    email: CreateAlertBody.properties.email,
    quiet_minutes: CreateAlertBody.properties.quiet_minutes,
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      'The fields to change (the kind stays). A new `webhook_id` replaces the email, a new `email` the webhook.',
  },
)
export type UpdateAlertBody = typeof UpdateAlertBody.static

export const AlertRule = t.Object({
  rule_id: id('Alert rule identifier', 'al_1a2b3c4d5e6f7a8b'),
  site_id: t.String({ examples: ['site_abc123'] }),
  kind: AlertKind,
  threshold: t.Number({ examples: [100] }),
  window_minutes: Int({ examples: [60] }),
  goal: t.Union([t.String(), t.Null()]),
  webhook_id: t.Union([t.String(), t.Null()]),
  email: t.Union([t.String(), t.Null()]),
  quiet_minutes: Int({ examples: [60] }),
  firing: t.Boolean({ description: 'The condition held at the last check and an alert was sent' }),
  last_value: t.Union([t.Number(), t.Null()], { description: 'The value at the last check' }),
  created_at: created,
})
export type AlertRule = typeof AlertRule.static

export const Delivery = t.Object({
  delivery_id: id('Delivery identifier', 'dl_1a2b3c4d5e6f7a8b'),
  source: t.Union([t.Literal('digest'), t.Literal('alert'), t.Literal('test')]),
  channel: t.Union([t.Literal('email'), t.Literal('webhook')]),
  target: t.String({ description: 'The address or the webhook id', examples: ['owner@example.com'] }),
  status: t.Union([t.Literal('pending'), t.Literal('sending'), t.Literal('sent'), t.Literal('failed')], {
    description: '`pending`: waiting for its first or next attempt; `failed`: every attempt failed',
  }),
  attempts: Int({ minimum: 0, examples: [1] }),
  last_error: t.Union([t.String(), t.Null()], { examples: ['535 Authentication failed'] }),
  created_at: created,
  sent_at: t.Union([t.String({ format: 'date-time' }), t.Null()]),
})
export type Delivery = typeof Delivery.static
