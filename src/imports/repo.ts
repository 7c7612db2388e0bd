// The `imports` table and the import-tagged events: one query function each. Writes run on the writer
// connection under the write lock, like every other write.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { EventStore } from '../events/store'
import type { ImportRecord } from './model'

/** Counts added by one batch of an import. */
export interface CountsDelta {
  imported: number
  skipped: number
  invalid: number
  ignored: number
}

/** Record a new import (or nothing if `importId` is already recorded: a later part of the same file). */
export async function insertImport(
  db: Database,
  rec: { importId: string; source: string; siteId: string; fileName: string; at: number },
): Promise<void> {
  await db.writeLock.run(() =>
    db.writer.run(
      `INSERT INTO imports (import_id, source, site_id, file_name, started_at)
       VALUES ($1, $2, $3, $4, make_timestamp($5::BIGINT * 1000)) ON CONFLICT DO NOTHING`,
      [rec.importId, rec.source, rec.siteId, rec.fileName, BigInt(rec.at)],
    ),
  )
}

/** Add a batch's counts to its import (called inside the batch's transaction, under the write lock). */
export async function addImportCounts(
  db: Database,
  importId: string,
  d: CountsDelta,
  at: number,
): Promise<void> {
  await db.writer.run(
    `UPDATE imports SET imported = imported + $2, skipped = skipped + $3, invalid = invalid + $4,
       ignored = ignored + $5, finished_at = make_timestamp($6::BIGINT * 1000) WHERE import_id = $1`,
    [importId, BigInt(d.imported), BigInt(d.skipped), BigInt(d.invalid), BigInt(d.ignored), BigInt(at)],
  )
}

/** One import, or undefined. */
export async function getImport(db: Database, importId: string): Promise<ImportRecord | undefined> {
  return (await selectImports(db, 'WHERE import_id = $1', [importId]))[0]
}

/** Every import, newest first. */
export function listImports(db: Database): Promise<ImportRecord[]> {
  return selectImports(db, '', [])
}

async function selectImports(db: Database, where: string, params: string[]): Promise<ImportRecord[]> {
  return queryRows<ImportRecord>(
    db.reader,
    `SELECT import_id, source, site_id, file_name, imported, skipped, invalid, ignored, started_at, finished_at
     FROM imports ${where} ORDER BY started_at DESC, import_id`,
    params,
  )
}

/** Delete an import's events (through the event store) and its record in one unit; returns the events deleted. */
export function deleteImport(db: Database, events: EventStore, importId: string): Promise<number> {
  return events.deleteEvents({ importId }, async () => {
    await db.writer.run('DELETE FROM imports WHERE import_id = $1', [importId])
  })
}

/** Of `keys` (event fingerprints), those already stored (in `events` when that engine is not DuckDB). */
export async function storedEventKeys(
  db: Database,
  keys: number[],
  events?: EventStore,
): Promise<Set<number>> {
  if (keys.length === 0) return new Set()
  // The list is bound as one text value and cast: never SQL text built from data.
  // ClickHouse: the engine's own array cast; a bound String, as with DuckDB.
  if (events?.dialect.name === 'clickhouse') {
    const list = `[${keys.join(',')}]`
    const rows = await events.read('admin', (r) =>
      r.rows<{ k: number }>(
        `SELECT DISTINCT event_key AS k FROM events WHERE event_key IN (SELECT arrayJoin(CAST(${events.dialect.param(1, 'text')} AS Array(Int64))))`,
        [list],
      ),
    )
    return new Set(rows.map((r) => Number(r.k)))
  }
  const rows = await queryRows<{ k: number }>(
    db.reader,
    'SELECT DISTINCT event_key AS k FROM events WHERE event_key IN (SELECT unnest($1::VARCHAR::BIGINT[]))',
    [`[${keys.join(',')}]`],
  )
  return new Set(rows.map((r) => r.k))
}
