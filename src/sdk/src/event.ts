// The event a developer passes to `trackEvent` (camelCase, as in the seed's SDK example) and its
// mapping to the wire format of /collect/batch (snake_case, generated from the server's schema).
import type { components } from './openapi-types.js'

/** The wire event, exactly the server's `EventInput` schema. */
export type WireEvent = components['schemas']['EventInput']

/** A primitive property value (the server stores flat properties). */
export type PropertyValue = string | number | boolean | null

/** One event to track. */
export interface TrackEventInput {
  /** Type of event: `page_view`, `click`, `form_submit`, `user_signup`, `purchase`, … */
  eventType: string
  /** Session identifier. */
  sessionId: string
  /** Page URL: absolute (`https://…`) or a path (`/products`). */
  url?: string
  /** `desktop`, `mobile` or `tablet`. */
  deviceType?: string
  /** User identifier. */
  userId?: string
  /** Referrer URL. */
  referrer?: string
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country?: string
  /** Flat custom properties (at most 32 keys). */
  properties?: Record<string, PropertyValue>
  /** When it happened: Unix milliseconds or a Date. Defaults to now. */
  timestamp?: number | Date
  /** Client id of this event; the SDK makes one. A retry sends the same id. */
  eventId?: string
}

/** A random id: `crypto.randomUUID` where available (Node 19+, Bun, Deno, browsers on https). */
export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (c?.randomUUID) return c.randomUUID()
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
}

/** Map a `TrackEventInput` to the wire format; optional fields left out are not sent. */
export function toWireEvent(siteId: string, e: TrackEventInput, now: number): WireEvent {
  const ts = e.timestamp instanceof Date ? e.timestamp.getTime() : (e.timestamp ?? now)
  const wire: WireEvent = {
    site_id: siteId,
    event_type: e.eventType,
    timestamp: ts,
    session_id: e.sessionId,
    event_id: e.eventId ?? randomId(),
  }
  if (e.url !== undefined) wire.url = e.url
  if (e.referrer !== undefined) wire.referrer = e.referrer
  if (e.deviceType !== undefined) wire.device_type = e.deviceType
  if (e.userId !== undefined) wire.user_id = e.userId
  if (e.country !== undefined) wire.country = e.country
  if (e.properties !== undefined) wire.properties = e.properties
  return wire
}
