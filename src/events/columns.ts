// A columnar batch of events: one array per column, as the buffer holds them and the writer appends them.
// The columns are the buffered fields of the event field list (src/events/fields.ts).
import { BUFFERED_FIELDS, type EventColumns, type EventRow } from './fields'

/** Events as parallel column arrays; the type is derived from the event field list. */
export type { EventColumns }

/** An empty column set: one empty array per buffered field. */
export function emptyColumns(): EventColumns {
  const c: Record<string, unknown[]> = {}
  for (const f of BUFFERED_FIELDS) c[f.key] = []
  return c as EventColumns
}

/**
 * Append one row to the columns. Unrolled for speed on the hot path; test/ingest/event-fields.test.ts
 * checks it against the field list (add new fields here too).
 */
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
  c.browser.push(r.browser)
  c.browserVersion.push(r.browserVersion)
  c.os.push(r.os)
  c.osVersion.push(r.osVersion)
  c.botReason.push(r.botReason)
  c.region.push(r.region)
  c.city.push(r.city)
  c.visitorId.push(r.visitorId)
  c.source.push(r.source)
  c.utmSource.push(r.utmSource)
  c.utmMedium.push(r.utmMedium)
  c.utmCampaign.push(r.utmCampaign)
  c.utmTerm.push(r.utmTerm)
  c.utmContent.push(r.utmContent)
  c.channel.push(r.channel)
  c.receivedAt.push(receivedAt)
}

/** `a` followed by `b`, as new arrays (used to put back rows of a failed flush). */
export function concatColumns(a: EventColumns, b: EventColumns): EventColumns {
  const out: Record<string, unknown[]> = {}
  for (const { key } of BUFFERED_FIELDS) out[key] = (a[key] as unknown[]).concat(b[key])
  return out as EventColumns
}
