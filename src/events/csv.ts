// Events as CSV text in the events table's column order: the form the buffer holds them in and the writer
// bulk-loads (`COPY batch_events FROM <file>`), so no per-value native call runs on the JavaScript thread.
// Dialect (the writer's COPY options must match): comma, `"` quotes with `""` inside, no header, `\n`
// between rows. NULL is an empty unquoted field; an empty string is `""` (read with
// ALLOW_QUOTED_NULLS false), so every value round-trips exactly.

import { eventKey } from './dedupe'
import type { EventColumns, EventRow } from './fields'

const NEEDS_QUOTES = /[",\n\r]/

/** One text value as a CSV field. */
function text(v: string | null): string {
  if (v === null) return ''
  if (v === '') return '""'
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v
}

/** The `event_key` field: the fingerprint of (site, event id) (`known` when the caller has it, -1 for
 * none), or NULL without an event id. */
function key(siteId: string, eventId: string | null, known: number): string {
  if (eventId === null) return ''
  return String(known >= 0 ? known : eventKey(siteId, eventId))
}

/**
 * One row as a CSV line (with its `\n`), in table order; `event_key` is `eventKeyOf` when given (≥ 0: the
 * dedupe claim's fingerprint), else computed here. Unrolled for speed on the hot path;
 * test/ingest/csv.db.test.ts checks it against the appender and the table (add new fields here too, in
 * table order).
 */
export function csvLine(
  r: EventRow,
  receivedAt: number,
  importId: string | null = null,
  eventKeyOf = -1,
): string {
  return `${text(r.siteId)},${text(r.eventType)},${r.ts},${text(r.sessionId)},${text(r.userId)},${text(r.url)},${text(r.referrer)},${text(r.deviceType)},${text(r.country)},${text(r.properties)},${text(r.eventId)},${receivedAt},${key(r.siteId, r.eventId, eventKeyOf)},${text(importId)},${text(r.browser)},${text(r.browserVersion)},${text(r.os)},${text(r.osVersion)},${text(r.botReason)},${text(r.region)},${text(r.city)},${text(r.visitorId)},${text(r.source)},${text(r.utmSource)},${text(r.utmMedium)},${text(r.utmCampaign)},${text(r.utmTerm)},${text(r.utmContent)},${text(r.channel)}\n`
}

/** Rows accepted together (one request, one log record) as CSV text; `keys[i]`, when given, is row i's
 * `event_key` already computed (see `EventIdIndex.claim`). */
export function csvRows(
  rows: EventRow[],
  receivedAt: number,
  importId: string | null = null,
  keys?: readonly number[],
): string {
  let out = ''
  for (let i = 0; i < rows.length; i++) out += csvLine(rows[i], receivedAt, importId, keys ? keys[i] : -1)
  return out
}

/** The first `n` rows of a column set as CSV text (imports build columns; each row keeps its `receivedAt`). */
export function csvColumns(c: EventColumns, n: number, importId: string | null = null): string {
  let out = ''
  for (let i = 0; i < n; i++)
    out += csvLine(
      {
        siteId: c.siteId[i],
        eventType: c.eventType[i],
        ts: c.ts[i],
        sessionId: c.sessionId[i],
        userId: c.userId[i],
        url: c.url[i],
        referrer: c.referrer[i],
        deviceType: c.deviceType[i],
        country: c.country[i],
        properties: c.properties[i],
        eventId: c.eventId[i],
        browser: c.browser[i],
        browserVersion: c.browserVersion[i],
        os: c.os[i],
        osVersion: c.osVersion[i],
        botReason: c.botReason[i],
        region: c.region[i],
        city: c.city[i],
        visitorId: c.visitorId[i],
        source: c.source[i],
        utmSource: c.utmSource[i],
        utmMedium: c.utmMedium[i],
        utmCampaign: c.utmCampaign[i],
        utmTerm: c.utmTerm[i],
        utmContent: c.utmContent[i],
        channel: c.channel[i],
      },
      c.receivedAt[i],
      importId,
    )
  return out
}
