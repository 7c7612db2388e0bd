// Events written by tests and benchmarks. `appendRows`: through the writer's CSV load, the path live
// events, log replay and imports take (`csvRows` → `loadCsvBatch`). `appendRowsByAppender`: the previous
// write path, kept as the reference the CSV path is checked against (test/ingest/csv.db.test.ts) and as
// the ceiling the benchmarks compare with: the DuckDB appender, one native call per value on the
// JavaScript thread, in one transaction. It shares no code with `csvLine`: it walks the field list and
// the stored keys itself (`event_key` from `eventKey`, the keys from `textKey`).
import type { DuckDBAppender } from '@duckdb/node-api'
import type { Database } from '../../src/db/open'
import { csvRows } from '../../src/events/csv'
import { eventKey } from '../../src/events/dedupe'
import { EVENT_FIELDS, type EventField, type EventRow, FIELDS_BEFORE_KEYS } from '../../src/events/fields'
import { EVENT_KEYS, textKey } from '../../src/events/keys'
import { loadCsvBatch } from '../../src/events/writer'

/**
 * Append `rows` (received at `receivedAt`) to the events table in one transaction through the CSV load;
 * `inTransaction` runs inside it; `importId` tags the rows of an import.
 */
export async function appendRows(
  db: Database,
  rows: EventRow[],
  receivedAt: number,
  inTransaction?: () => Promise<void>,
  importId: string | null = null,
): Promise<void> {
  if (rows.length === 0 && !inTransaction) return
  const chunks = rows.length > 0 ? [Buffer.from(csvRows(rows, receivedAt, importId))] : []
  await loadCsvBatch(db, { chunks, rows: rows.length }, inTransaction)
}

/** The text each stored key is the key of (src/events/keys.ts `EVENT_KEYS`), from a row. */
const KEY_TEXT: Record<(typeof EVENT_KEYS)[number]['column'], (r: EventRow) => string | null> = {
  session_key: (r) => r.sessionId,
  visitor_key: (r) => r.userId ?? r.visitorId ?? r.sessionId,
  url_key: (r) => r.url,
}

/** The value of column `f` of a row, as the writer stores it. */
function columnValue(
  f: EventField,
  r: EventRow,
  receivedAt: number,
  importId: string | null,
): string | number | bigint | null {
  if (f.source === 'client') return (r as unknown as Record<string, string | number | null>)[f.key]
  if (f.name === 'received_at') return receivedAt
  if (f.name === 'event_key') return r.eventId === null ? null : eventKey(r.siteId, r.eventId)
  if (f.name === 'import_id') return importId
  throw new Error(`no value for the ${f.source} field ${f.name}`)
}

function appendValue(a: DuckDBAppender, type: string, v: string | number | bigint | null): void {
  if (v === null) a.appendNull()
  else if (type === 'BIGINT') a.appendBigInt(BigInt(v))
  else a.appendVarchar(v as string)
}

/**
 * The columns of the `events` table in its order, from the field list: the fields of migration 009's time,
 * the stored keys, then the fields added since.
 */
export const TABLE_COLUMNS: readonly ({ field: EventField } | { key: (typeof EVENT_KEYS)[number] })[] = [
  ...EVENT_FIELDS.slice(0, FIELDS_BEFORE_KEYS).map((field) => ({ field })),
  ...EVENT_KEYS.map((key) => ({ key })),
  ...EVENT_FIELDS.slice(FIELDS_BEFORE_KEYS).map((field) => ({ field })),
]

/** Append `rows` with the DuckDB appender, every column of the table in its order, in one transaction. */
export async function appendRowsByAppender(
  db: Database,
  rows: readonly EventRow[],
  receivedAt: number,
  importId: string | null = null,
): Promise<void> {
  await db.writeLock.run(async () => {
    await db.writer.run('BEGIN TRANSACTION')
    try {
      const a = await db.writer.createAppender('events')
      try {
        for (const r of rows) {
          for (const c of TABLE_COLUMNS) {
            if ('field' in c) {
              appendValue(a, c.field.type, columnValue(c.field, r, receivedAt, importId))
              continue
            }
            const key = textKey(KEY_TEXT[c.key.column](r))
            if (key === null) a.appendNull()
            else a.appendUBigInt(key)
          }
          a.endRow()
        }
        a.flushSync()
      } finally {
        a.closeSync()
      }
      await db.writer.run('COMMIT')
    } catch (err) {
      await db.writer.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}
