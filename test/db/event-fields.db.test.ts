// The column-order test: the event field list against the `events` table the real migrations create
// (names, order, types, nullability; the stored keys follow the fields of migration 009's time), and the writer against both: a row with a
// different value in every field must land in the column the list names.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { migrate } from '../../src/db/migrate'
import { type Database, openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { eventKey } from '../../src/events/dedupe'
import { BUFFERED_FIELDS, EVENT_FIELDS, type EventRow } from '../../src/events/fields'
import { EVENT_KEYS } from '../../src/events/keys'
import { appendRows, TABLE_COLUMNS } from '../helpers/append-events'

let db: Database
beforeEach(async () => {
  db = await openDatabase(':memory:')
  await migrate(db.writer)
})
afterEach(() => db.close())

describe('the events table', () => {
  test('has exactly the columns of the event field list, then the stored keys, in order, with their types and nullability', async () => {
    const cols = await queryRows<{ column_name: string; column_type: string; null: string }>(
      db.writer,
      'DESCRIBE events',
    )
    expect(
      cols.map((c) => ({ column: c.column_name, type: c.column_type, nullable: c.null === 'YES' })),
    ).toEqual(
      TABLE_COLUMNS.map((c) =>
        'field' in c
          ? { column: c.field.column, type: c.field.type, nullable: c.field.nullable }
          : { column: c.key.column, type: 'UBIGINT', nullable: c.key.nullable },
      ),
    )
  })

  test('the writer appends each field to its own column (event_key computed from site and event id)', async () => {
    const values: Record<string, unknown> = {}
    BUFFERED_FIELDS.forEach((f, i) => {
      values[f.key] =
        f.type === 'BIGINT' ? 1_700_000_000_000 + i : f.type === 'JSON' ? `{"field":${i}}` : `value_${f.key}`
    })
    await appendRows(db, [values as EventRow], values.receivedAt as number)
    // The stored keys are checked by test/db/event-keys.db.test.ts.
    const keys = EVENT_KEYS.map((k) => k.column).join(', ')
    const [row] = await queryRows(db.writer, `SELECT * EXCLUDE (${keys}) FROM events`)
    const expected: Record<string, unknown> = {}
    for (const f of BUFFERED_FIELDS) expected[f.column] = values[f.key]
    expected.event_key = eventKey(values.siteId as string, values.eventId as string)
    expected.import_id = null
    expect(Object.keys(row)).toEqual(EVENT_FIELDS.map((f) => f.column))
    expect(row).toEqual(expected)
  })
})
