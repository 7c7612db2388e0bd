// The CSV write path against the appender it replaced: arbitrary text (quotes, commas, newlines, CR,
// unicode, JSON, empty strings, NULLs) loaded through `csvRows` → COPY must store exactly the rows the
// reference appender (test/helpers/append-events.ts) stores, column for column, including `event_key` and `import_id`. Also covers the field order
// against the table's columns.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import fc from 'fast-check'
import { migrate } from '../../src/db/migrate'
import { type Database, openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { csvLine } from '../../src/events/csv'
import { EVENT_FIELDS, type EventRow } from '../../src/events/fields'
import { EVENT_KEYS } from '../../src/events/keys'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import { appendRows, appendRowsByAppender } from '../helpers/append-events'

let viaCsv: Database
let viaAppender: Database
beforeAll(async () => {
  viaCsv = await openDatabase(':memory:')
  viaAppender = await openDatabase(':memory:')
  await migrate(viaCsv.writer)
  await migrate(viaAppender.writer)
})
afterAll(() => {
  viaCsv.close()
  viaAppender.close()
})

// Text as the validator lets it through: well-formed Unicode without NUL; biased towards CSV's specials.
const special = fc.constantFrom(
  '"',
  ',',
  '\n',
  '\r',
  '\r\n',
  '""',
  ' ',
  '\\',
  "'",
  'é',
  '日本',
  '🎉',
  '\t',
  '{"a":"b,c"}',
)
const text = fc
  .array(fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join('').replaceAll('\u0000', ''))
const nullable = fc.option(text, { nil: null })
const required = text.filter((s) => s.length > 0)

const rowArb: fc.Arbitrary<EventRow> = fc.record({
  ...Object.fromEntries(Object.keys(NO_ENRICHMENT).map((k) => [k, nullable])),
  siteId: required,
  eventType: required,
  ts: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  sessionId: required,
  userId: nullable,
  url: nullable,
  referrer: nullable,
  deviceType: nullable,
  country: nullable,
  properties: fc.option(
    fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean())).map((o) => JSON.stringify(o)),
    { nil: null },
  ),
  eventId: nullable,
}) as fc.Arbitrary<EventRow>

async function stored(db: Database) {
  // The stored keys as text: exact (queryRows turns integers into numbers), the appender's own XXH64
  // against the encoder's.
  const keys = EVENT_KEYS.map((k) => `${k.column}::VARCHAR AS ${k.column}`).join(', ')
  const rows = await queryRows(db.reader, `SELECT * REPLACE (${keys}) FROM events ORDER BY rowid`)
  await db.writer.run('DELETE FROM events')
  return rows
}

describe('CSV write path', () => {
  test('csvLine writes every column of the table in table order, the stored keys last', async () => {
    const [{ n }] = await queryRows<{ n: number }>(
      viaCsv.reader,
      "SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'events'",
    )
    expect(n).toBe(EVENT_FIELDS.length + EVENT_KEYS.length)
    const r = { ...NO_ENRICHMENT, siteId: 's', eventType: 'e', ts: 1, sessionId: 'x' } as EventRow
    expect(csvLine(r, 2).split(',').length).toBe(EVENT_FIELDS.length + EVENT_KEYS.length)
  })

  test('stores exactly what the appender stores, for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        fc.option(required, { nil: null }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        async (rows, importId, receivedAt) => {
          await appendRows(viaCsv, rows, receivedAt, undefined, importId)
          await appendRowsByAppender(viaAppender, rows, receivedAt, importId)
          expect(await stored(viaCsv)).toEqual(await stored(viaAppender))
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)
})
