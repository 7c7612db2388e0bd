// A columnar batch of events: one array per column, as the buffer holds them and the writer appends them.
import type { EventRow } from './validate'

/** Events as parallel column arrays. */
export interface EventColumns {
  siteId: string[]
  eventType: string[]
  ts: number[]
  sessionId: string[]
  userId: (string | null)[]
  url: (string | null)[]
  referrer: (string | null)[]
  deviceType: (string | null)[]
  country: (string | null)[]
  properties: (string | null)[]
  eventId: (string | null)[]
  receivedAt: number[]
}

/** An empty column set. */
export function emptyColumns(): EventColumns {
  return {
    siteId: [],
    eventType: [],
    ts: [],
    sessionId: [],
    userId: [],
    url: [],
    referrer: [],
    deviceType: [],
    country: [],
    properties: [],
    eventId: [],
    receivedAt: [],
  }
}

/** Append one row to the columns. */
export function pushRow(c: EventColumns, r: EventRow, receivedAt: number): void {
  c.siteId.push(r.siteId)
  c.eventType.push(r.eventType)
  c.ts.push(r.ts)
  c.sessionId.push(r.sessionId)
  c.userId.push(r.userId)
  c.url.push(r.url)
  c.referrer.push(r.referrer)
  c.deviceType.push(r.deviceType)
  c.country.push(r.country)
  c.properties.push(r.properties)
  c.eventId.push(r.eventId)
  c.receivedAt.push(receivedAt)
}

/** `a` followed by `b`, as new arrays (used to put back rows of a failed flush). */
export function concatColumns(a: EventColumns, b: EventColumns): EventColumns {
  const out = emptyColumns()
  for (const k of Object.keys(out) as (keyof EventColumns)[])
    (out[k] as unknown[]) = (a[k] as unknown[]).concat(b[k])
  return out
}
