// Pure mapping of a Plausible payload to PULSE events: names (`pageview` → `page_view`), properties and
// revenue (as the properties `revenue` and `currency`). The site lookup is passed in.
import { AppError } from '../../http/errors'
import type { MappedEvent } from '../ingest'
import type { PlausibleEvent } from './model'

/** A property value PULSE stores: primitives as they are, anything else as JSON text. */
function flatValue(v: unknown): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  return JSON.stringify(v) ?? null
}

/** An object given as an object or as JSON text; undefined for anything else. */
function objectOf(v: unknown, field: string): Record<string, unknown> | undefined {
  if (v === undefined || v === null || v === '') return undefined
  let o = v
  if (typeof v === 'string')
    try {
      o = JSON.parse(v)
    } catch {
      throw new AppError(400, `Invalid event: $.${field} is not valid JSON`, [
        { path: `$.${field}`, message: 'is not valid JSON' },
      ])
    }
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new AppError(400, `Invalid event: $.${field} must be an object`, [
      { path: `$.${field}`, message: 'must be an object' },
    ])
  return o as Record<string, unknown>
}

/** The event's properties: its props, plus `revenue` and `currency` from its revenue. */
export function propertiesOf(
  e: PlausibleEvent,
): Record<string, string | number | boolean | null> | undefined {
  const props = objectOf(e.props ?? e.p ?? e.meta ?? e.m, 'props') ?? {}
  const out: Record<string, string | number | boolean | null> = {}
  for (const k of Object.keys(props)) if (k !== '__proto__') out[k] = flatValue(props[k])
  const revenue = objectOf(e.revenue ?? e.$, 'revenue')
  if (revenue) {
    const amount = Number(revenue.amount)
    if (!Number.isFinite(amount) || typeof revenue.currency !== 'string')
      throw new AppError(400, 'Invalid event: $.revenue needs a numeric amount and a currency', [
        { path: '$.revenue', message: 'needs a numeric amount and a currency' },
      ])
    out.revenue = amount
    out.currency = revenue.currency.toUpperCase()
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** The required fields (long or short key); a 400 naming the first one missing. */
export function requiredOf(e: PlausibleEvent): { name: string; url: string; domains: string[] } {
  const name = e.name ?? e.n
  const url = e.url ?? e.u
  const domain = e.domain ?? e.d
  for (const [field, v] of [
    ['name', name],
    ['url', url],
    ['domain', domain],
  ] as const)
    if (!v)
      throw new AppError(400, `Invalid event: $.${field} is required`, [
        { path: `$.${field}`, message: 'is required' },
      ])
  const domains = [
    ...new Set(
      (domain as string)
        .split(',')
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]
  return { name: name as string, url: url as string, domains }
}

/** PULSE's event type of a Plausible event name. */
export const eventTypeOf = (name: string) => (name === 'pageview' ? 'page_view' : name)

/** One PULSE event per site the payload's domains name (`siteIds`, already looked up). */
export function mapPlausible(e: PlausibleEvent, siteIds: string[]): MappedEvent[] {
  const { name, url } = requiredOf(e)
  const properties = propertiesOf(e)
  const referrer = e.referrer ?? e.r ?? null
  return siteIds.map((site_id) => ({
    site_id,
    event_type: eventTypeOf(name),
    url,
    referrer: referrer || null,
    ...(properties ? { properties } : {}),
  }))
}
