// Events as CSV text in the events table's column order: the event fields, then the stored keys
// (src/events/keys.ts, hashed here, once per row, where the text already is). The form the log and the
// buffer hold them in and the writer bulk-loads (`read_csv`), so no per-value native call runs on the
// JavaScript thread and DuckDB hashes nothing.
// Dialect (the writer's COPY options must match): comma, `"` quotes with `""` inside, no header, `\n`
// between rows. NULL is an empty unquoted field; an empty string is `""` (read with
// ALLOW_QUOTED_NULLS false), so every value round-trips exactly.

import { eventKey } from './dedupe'
import { EVENT_FIELDS, type EventField, type EventRow } from './fields'
import { generateFunction, identifier } from './generate'
import { createKeyText } from './keys'

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

/** A field's value as an expression of the generated `csvLine` (its parameters: r, receivedAt, importId, eventKeyOf). */
function fieldExpression(f: EventField): string {
  if (f.source === 'client')
    return f.type === 'BIGINT' ? `r.${identifier(f.key)}` : `text(r.${identifier(f.key)})`
  switch (f.name) {
    case 'received_at':
      return 'receivedAt'
    case 'event_key':
      return 'key(r.siteId, r.eventId, eventKeyOf)'
    case 'import_id':
      return 'text(importId)'
    default:
      throw new Error(`csvLine: no value for the ${f.source} field ${f.name}`)
  }
}

/** Keys of sessions and visitors (often the same text), and of pages: separate caches, as they repeat differently. */
const personKey = createKeyText()
const urlKey = createKeyText()

/** The CSV of the stored keys (session_key, visitor_key, url_key) of a row, after the fields. */
const KEYS_EXPRESSION = [
  'personKey(r.sessionId)',
  'personKey(r.userId ?? r.visitorId ?? r.sessionId)',
  'r.url == null ? "" : urlKey(r.url)',
]
  .map((e) => `\${${e}}`)
  .join(',')

/**
 * One row as a CSV line (with its `\n`), in table order, the stored keys last; `event_key` is `eventKeyOf` when given (≥ 0: the
 * dedupe claim's fingerprint), else computed here. Generated from the field list at load time: one
 * template literal over every field, as the hand-unrolled version was; test/ingest/csv.db.test.ts checks
 * what it stores against the appender, column for column.
 */
export const csvLine: (
  r: EventRow,
  receivedAt: number,
  importId?: string | null,
  eventKeyOf?: number,
) => string = generateFunction(
  'csvLine',
  ['r', 'receivedAt', 'importId', 'eventKeyOf'],
  `if (importId === undefined) importId = null\nif (eventKeyOf === undefined) eventKeyOf = -1\nreturn \`${EVENT_FIELDS.map((f) => `\${${fieldExpression(f)}}`).join(',')},${KEYS_EXPRESSION}\\n\``,
  { text, key, personKey, urlKey },
)

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
