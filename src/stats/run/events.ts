// GET /api/v1/events: raw events newest first, one page at a time. The cursor is an opaque
// base64url of "ts.rowid" of the page's last event; the next page starts strictly after it.
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryRows } from '../../db/rows'
import { AppError } from '../../http/errors'
import type { Scope } from '../parse/scope'
import { buildEventsPage, type Cursor } from '../sql/events'

/** A stored event as the API returns it (`properties` parsed back into an object). */
export interface RawEvent {
  site_id: string
  event_type: string
  timestamp: number
  session_id: string
  user_id: string | null
  url: string | null
  referrer: string | null
  device_type: string | null
  country: string | null
  properties: Record<string, unknown> | null
  event_id: string | null
  received_at: number
}

/** Encode a cursor. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.ts}.${c.rowid}`).toString('base64url')
}

/** Decode a cursor; anything malformed is a 422. */
export function decodeCursor(raw: string): Cursor {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? Buffer.from(raw, 'base64url').toString() : ''
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(text)
  if (!m)
    throw new AppError(422, 'Invalid cursor: pass back next_cursor from the previous page', [
      { path: '$.cursor', message: 'is not a cursor returned by this endpoint' },
    ])
  return { ts: Number(m[1]), rowid: Number(m[2]) }
}

/** One stored row (properties as JSON text) → the API's event. */
export function toRawEvent(r: Record<string, unknown>): RawEvent {
  return {
    site_id: r.site_id as string,
    event_type: r.event_type as string,
    timestamp: Number(r.timestamp),
    session_id: r.session_id as string,
    user_id: (r.user_id as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    referrer: (r.referrer as string | null) ?? null,
    device_type: (r.device_type as string | null) ?? null,
    country: (r.country as string | null) ?? null,
    properties: r.properties == null ? null : JSON.parse(r.properties as string),
    event_id: (r.event_id as string | null) ?? null,
    received_at: Number(r.received_at),
  }
}

/** One page of events and the cursor of the next page (null on the last). */
export async function getEventsPage(
  conn: DuckDBConnection,
  scope: Pick<Scope, 'siteId' | 'range' | 'filters'>,
  limit: number,
  cursor?: string,
) {
  const after = cursor ? decodeCursor(cursor) : undefined
  const q = buildEventsPage(scope.siteId, scope.range, scope.filters, limit + 1, after)
  const rows = await queryRows<Record<string, unknown>>(conn, q.sql, q.params)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    events: page.map(toRawEvent),
    next_cursor:
      rows.length > limit && last
        ? encodeCursor({ ts: Number(last.timestamp), rowid: Number(last.rid) })
        : null,
  }
}
