// GET /api/v1/events: raw events newest first, one page at a time. The cursor is an opaque
// base64url of "ts.rowid" of the page's last event; the next page starts strictly after it.
import { ValidationError } from '../../errors'
import { PUBLIC_FIELDS } from '../../events/fields'
import type { EventReader } from '../../events/store'
import type { RawEvent } from '../model/raw'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { buildEventsPage, type Cursor } from '../sql/events'

/** Encode a cursor. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.ts}.${c.rowid}`).toString('base64url')
}

/** Decode a cursor; anything malformed is a 422. */
export function decodeCursor(raw: string): Cursor {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? Buffer.from(raw, 'base64url').toString() : ''
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(text)
  if (!m)
    throw new ValidationError('Invalid cursor: pass back next_cursor from the previous page', [
      { path: '$.cursor', message: 'is not a cursor returned by this endpoint' },
    ])
  return { ts: Number(m[1]), rowid: Number(m[2]) }
}

/** How each public field's stored value becomes its API value, in field-list order. */
const CONVERT = PUBLIC_FIELDS.map((f) => ({
  name: f.name,
  read:
    f.rule === 'epoch-ms'
      ? (v: unknown) => Number(v)
      : f.rule === 'json'
        ? (v: unknown) => (v == null ? null : JSON.parse(v as string))
        : (v: unknown) => v ?? null,
}))

/** One stored row, keyed by wire name (properties as JSON text) → the API's event. */
export function toRawEvent(r: Record<string, unknown>): RawEvent {
  const out: Record<string, unknown> = {}
  for (const c of CONVERT) out[c.name] = c.read(r[c.name])
  return out as RawEvent
}

/** Windows tried before the whole range: the newest rows usually lie in the last hour or day. */
const WINDOWS_MS = [3_600_000, 86_400_000, 7 * 86_400_000]

/**
 * The newest `n` events after `after`. The ones of a window ending where the page starts, if there are
 * `n` of them, are the answer (every event outside is older than every event inside); such a window
 * reads a few row groups (rows are stored roughly in time order) where the whole range reads them all.
 */
async function newestRows(
  reader: EventReader,
  scope: Pick<Scope, 'siteId' | 'range' | 'filters'>,
  n: number,
  after: Cursor | undefined,
  opts: ReadOptions,
) {
  const top = after ? Math.min(scope.range.to, after.ts + 1) : scope.range.to
  for (const w of WINDOWS_MS) {
    if (top - w <= scope.range.from) break
    const range = { from: top - w, to: scope.range.to }
    const q = buildEventsPage(scope.siteId, range, scope.filters, n, after, opts)
    const rows = await reader.rows<Record<string, unknown>>(q.sql, q.params)
    if (rows.length >= n) return rows
  }
  const q = buildEventsPage(scope.siteId, scope.range, scope.filters, n, after, opts)
  return reader.rows<Record<string, unknown>>(q.sql, q.params)
}

/** One page of events and the cursor of the next page (null on the last). */
export async function getEventsPage(
  reader: EventReader,
  scope: Pick<Scope, 'siteId' | 'range' | 'filters'>,
  limit: number,
  cursor?: string,
  opts: ReadOptions = {},
) {
  const after = cursor ? decodeCursor(cursor) : undefined
  const rows = await newestRows(reader, scope, limit + 1, after, opts)
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
