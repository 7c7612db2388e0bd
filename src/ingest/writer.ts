// The event writer: the only code that writes events. Appends a columnar batch to DuckDB through the
// appender on the writer connection, under the write lock, in one transaction.
import type { DuckDBAppender } from '@duckdb/node-api'
import type { Database } from '../db/open'
import { afterBatch } from '../stats/derived/session-hours'
import type { EventColumns } from './columns'
import { eventKey } from './dedupe'

function appendNullable(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull()
  else a.appendVarchar(v)
}

/**
 * Append `n` rows of `c` to the events table in one transaction; all or nothing. `inTransaction`
 * runs inside the same transaction (the write-ahead log records how far it has been applied, an
 * import its counts). `importId` tags the rows of an import (live events: null).
 */
export async function appendEvents(
  db: Database,
  c: EventColumns,
  n: number,
  inTransaction?: () => Promise<void>,
  importId: string | null = null,
): Promise<void> {
  if (n === 0 && !inTransaction) return
  await db.writeLock.run(async () => {
    await db.writer.run('BEGIN TRANSACTION')
    try {
      if (n > 0) {
        // The batch goes through a temp table so derived tables are maintained from the same rows, in the
        // same transaction (issue 13; the write-path change loads `batch_events` the same way).
        await db.writer.run('CREATE TEMP TABLE IF NOT EXISTS batch_events AS FROM events LIMIT 0')
        await appendRows(db, c, n, importId)
        await db.writer.run('INSERT INTO events SELECT * FROM batch_events')
        await afterBatch(db.writer, 'batch_events')
        await db.writer.run('DELETE FROM batch_events')
      }
      if (inTransaction) await inTransaction()
      await db.writer.run('COMMIT')
    } catch (err) {
      await db.writer.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}

/** Record, inside a flush's transaction, that the log is applied up to `seq`. */
export async function setAppliedSeq(db: Database, seq: number): Promise<void> {
  await db.writer.run('UPDATE wal_state SET applied_seq = $1 WHERE id = 1', [BigInt(seq)])
}

/** How far the log has been applied (0 for a new database). */
export async function getAppliedSeq(db: Database): Promise<number> {
  const r = await db.writer.runAndReadAll('SELECT applied_seq FROM wal_state WHERE id = 1')
  return Number(r.getRows()[0]?.[0] ?? 0)
}

/** Rows appended between yields to the event loop, so a large flush never stalls requests for long. */
const SLICE_ROWS = 1024

/**
 * Append rows column by column in table order (the event field list's order, `event_key` computed here).
 * Unrolled for speed on the hot path; test/db/event-fields.db.test.ts checks it against the field list
 * and the table (add new fields here too).
 */
async function appendRows(db: Database, c: EventColumns, n: number, importId: string | null): Promise<void> {
  const a = await db.writer.createAppender('batch_events', 'main', 'temp')
  try {
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % SLICE_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      a.appendVarchar(c.siteId[i])
      a.appendVarchar(c.eventType[i])
      a.appendBigInt(BigInt(c.ts[i]))
      a.appendVarchar(c.sessionId[i])
      appendNullable(a, c.userId[i])
      appendNullable(a, c.url[i])
      appendNullable(a, c.referrer[i])
      appendNullable(a, c.deviceType[i])
      appendNullable(a, c.country[i])
      appendNullable(a, c.properties[i])
      const eventId = c.eventId[i]
      appendNullable(a, eventId)
      a.appendBigInt(BigInt(c.receivedAt[i]))
      if (eventId === null) a.appendNull()
      else a.appendBigInt(BigInt(eventKey(c.siteId[i], eventId)))
      appendNullable(a, importId)
      appendNullable(a, c.browser[i])
      appendNullable(a, c.browserVersion[i])
      appendNullable(a, c.os[i])
      appendNullable(a, c.osVersion[i])
      appendNullable(a, c.botReason[i])
      appendNullable(a, c.region[i])
      appendNullable(a, c.city[i])
      appendNullable(a, c.visitorId[i])
      appendNullable(a, c.source[i])
      appendNullable(a, c.utmSource[i])
      appendNullable(a, c.utmMedium[i])
      appendNullable(a, c.utmCampaign[i])
      appendNullable(a, c.utmTerm[i])
      appendNullable(a, c.utmContent[i])
      appendNullable(a, c.channel[i])
      a.endRow()
    }
    a.flushSync()
  } finally {
    a.closeSync()
  }
}
