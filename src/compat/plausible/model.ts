// Plausible's Events API payload (`POST /api/event`), long and short keys, as its script and clients send it.
import { t } from 'elysia'

const Props = t.Union(
  [
    t.Record(t.String(), t.Union([t.String(), t.Number(), t.Boolean(), t.Null()])),
    t.String({ description: 'The same object as JSON text (older scripts)' }),
    t.Null(),
  ],
  { description: "Custom properties (stored as the event's `properties`)", examples: [{ plan: 'pro' }] },
)

const Revenue = t.Union(
  [
    t.Object({
      amount: t.Union([t.Number(), t.String()], { examples: [29.99] }),
      currency: t.String({ minLength: 3, maxLength: 3, examples: ['EUR'] }),
    }),
    t.String({ description: 'The same object as JSON text' }),
    t.Null(),
  ],
  { description: 'Revenue of the event: stored as the properties `revenue` (a number) and `currency`' },
)

const Text = (description: string, example: string) =>
  t.String({ maxLength: 2048, description, examples: [example] })
const Flag = t.Union([t.Boolean(), t.Integer(), t.Null()])

/** A Plausible event; each field may also come under its one-letter key (`n`, `u`, `d`, `r`, `p`, `$`, `i`). */
export const PlausibleEvent = t.Object(
  {
    name: t.Optional(Text('Event name; `pageview` is a page view', 'pageview')),
    n: t.Optional(Text('`name`', 'pageview')),
    url: t.Optional(Text('Page URL', 'https://example.com/pricing')),
    u: t.Optional(Text('`url`', 'https://example.com/pricing')),
    domain: t.Optional(
      Text(
        "The site's domain, as listed in its `domains`; several, comma-separated, record to each",
        'example.com',
      ),
    ),
    d: t.Optional(Text('`domain`', 'example.com')),
    referrer: t.Optional(t.Union([Text('Referrer URL', 'https://news.ycombinator.com/'), t.Null()])),
    r: t.Optional(t.Union([Text('`referrer`', 'https://news.ycombinator.com/'), t.Null()])),
    props: t.Optional(Props),
    p: t.Optional(Props),
    meta: t.Optional(Props),
    m: t.Optional(Props),
    revenue: t.Optional(Revenue),
    $: t.Optional(Revenue),
    interactive: t.Optional(Flag),
    i: t.Optional(Flag),
    h: t.Optional(Flag),
  },
  {
    additionalProperties: true,
    description:
      "Plausible's Events API payload. `name`, `url` and `domain` are required (long or short key); unknown fields are ignored, as Plausible does",
    examples: [{ name: 'pageview', url: 'https://example.com/pricing', domain: 'example.com' }],
  },
)
export type PlausibleEvent = typeof PlausibleEvent.static
