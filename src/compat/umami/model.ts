// Umami's collect payload (`POST /api/send`) as its script and `@umami/node` send it.
import { t } from 'elysia'

const Text = (max: number, description: string, example: string) =>
  t.String({ maxLength: max, description, examples: [example] })

export const UmamiPayload = t.Object(
  {
    website: Text(
      64,
      "Umami's website id: one of a site's `aliases`",
      '4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b',
    ),
    hostname: t.Optional(Text(253, 'Host name of the page', 'example.com')),
    url: t.Optional(Text(2048, 'Page path (or URL)', '/pricing?ref=nav')),
    referrer: t.Optional(Text(2048, 'Referrer URL', 'https://news.ycombinator.com/')),
    title: t.Optional(Text(500, 'Page title', 'Pricing')),
    screen: t.Optional(Text(32, 'Screen size, `WIDTHxHEIGHT`', '1920x1080')),
    language: t.Optional(Text(35, 'Browser language', 'en-US')),
    name: t.Optional(Text(64, 'Event name; without one, the event is a page view', 'Signup')),
    data: t.Optional(
      t.Record(t.String(), t.Unknown(), {
        description: 'Event data (stored as properties)',
        examples: [{ plan: 'pro' }],
      }),
    ),
    tag: t.Optional(Text(50, 'Tag of the script (`data-tag`), stored as the property `tag`', 'variant-b')),
    id: t.Optional(Text(128, 'A user id (`umami.identify`), stored as the user id', 'user_123')),
  },
  { additionalProperties: true, description: 'An Umami payload; unknown fields are ignored, as Umami does' },
)
export type UmamiPayload = typeof UmamiPayload.static

export const UmamiSend = t.Object(
  {
    type: t.Union([t.Literal('event'), t.Literal('identify')], {
      description: '`event` (page view or custom event) or `identify` (accepted, nothing stored)',
    }),
    payload: UmamiPayload,
  },
  {
    description: "Umami's `POST /api/send` body",
    examples: [
      {
        type: 'event',
        payload: {
          website: '4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b',
          hostname: 'example.com',
          url: '/pricing',
          name: 'Signup',
          data: { plan: 'pro' },
        },
      },
    ],
  },
)
export type UmamiSend = typeof UmamiSend.static

export const UmamiAnswer = t.Object(
  {},
  {
    additionalProperties: false,
    description:
      "An empty object (Umami's script reads `cache` and `disabled` from it; PULSE keeps sessions itself)",
  },
)
