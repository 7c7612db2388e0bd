// The candidate write paths for a flush of events into DuckDB, each writing one batch in one transaction
// on the writer connection under the write lock (as the real flush does): (a) the appender, row by row
// (the previous writer); (b) data chunks built column by column; (c) the production path — CSV text,
// a file in the load directory, read_csv into TEMP batch_events with the keys, INSERT INTO events (src/events/writer.ts);
// (d) INSERT … SELECT FROM read_csv of the same file straight into events; (e) COPY it into a TEMP table,
// then INSERT INTO events (the writer before the stored keys: `COPY events FROM` cannot compute them);
// (f) INSERT … SELECT from read_ndjson; every path stores the keys of src/events/keys.ts; (g) a Bun Worker that owns the appender (on its own database file:
// two instances on one file in one process are not refused by DuckDB, so sharing the server's file this
// way would corrupt it — the worker would have to own every read as well). CSV text is built inside the
// timing (the production path builds it at acknowledgement; the cost is the same, counted here).
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type DuckDBAppender, DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api'
import type { Database } from '../../src/db/open'
import { csvRows } from '../../src/events/csv'
import { eventKey } from '../../src/events/dedupe'
import { EVENT_FIELDS, FIELDS_BEFORE_KEYS } from '../../src/events/fields'
import { EVENT_KEYS, textKey } from '../../src/events/keys'
import { appendRows, appendRowsByAppender } from '../helpers/append-events'
import type { RowBatch } from './events'

/** Writes the rows of `batch`; `dir` is a scratch directory for files (the database's load directory). */
export type WriteMethod = (db: Database, batch: RowBatch, dir: string) => Promise<void>

async function inTransaction(db: Database, work: () => Promise<void> | void): Promise<void> {
  await db.writeLock.run(async () => {
    await db.writer.run('BEGIN TRANSACTION')
    try {
      await work()
      await db.writer.run('COMMIT')
    } catch (err) {
      await db.writer.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}

/** Every event field's column, in list order (event_key computed, import_id null); BIGINTs as numbers. */
function fieldColumns({ rows, receivedAt }: RowBatch): unknown[][] {
  return EVENT_FIELDS.map((f) => {
    if (f.key === 'eventKey')
      return rows.map((r) => (r.eventId === null ? null : eventKey(r.siteId, r.eventId)))
    if (f.key === 'importId') return new Array(rows.length).fill(null)
    if (f.key === 'receivedAt') return new Array(rows.length).fill(receivedAt)
    return rows.map((r) => (r as unknown as Record<string, unknown>)[f.key])
  })
}

/** Every table column in table order: the fields, with the stored keys after those of migration 009's time. */
function tableColumns(batch: RowBatch): unknown[][] {
  const keys = (text: (r: RowBatch['rows'][number]) => string | null) =>
    batch.rows.map((r) => textKey(text(r)))
  const fields = fieldColumns(batch)
  return [
    ...fields.slice(0, FIELDS_BEFORE_KEYS),
    keys((r) => r.sessionId),
    keys((r) => r.userId ?? r.visitorId ?? r.sessionId),
    keys((r) => r.url),
    ...fields.slice(FIELDS_BEFORE_KEYS),
  ]
}

/** (a) The previous writer: appender, one native call per value. */
export const appenderRows: WriteMethod = (db, b) => appendRowsByAppender(db, b.rows, b.receivedAt)

/** (b) `DuckDBDataChunk`s of up to 2048 rows filled column by column, then `appendDataChunk`. */
export const dataChunks: WriteMethod = (db, batch) =>
  inTransaction(db, async () => {
    const a: DuckDBAppender = await db.writer.createAppender('events')
    try {
      const types: DuckDBType[] = Array.from({ length: a.columnCount }, (_, i) => a.columnType(i))
      const columns = tableColumns(batch)
      const n = batch.rows.length
      const bigint = new Set(
        EVENT_FIELDS.flatMap((f, i) =>
          f.type !== 'BIGINT' ? [] : i < FIELDS_BEFORE_KEYS ? [i] : [i + EVENT_KEYS.length],
        ),
      )
      for (let start = 0; start < n; start += 2048) {
        const size = Math.min(2048, n - start)
        const chunk = DuckDBDataChunk.create(types, size)
        for (let ci = 0; ci < columns.length; ci++) {
          const slice = columns[ci].slice(start, start + size)
          chunk.setColumnValues(
            ci,
            (bigint.has(ci)
              ? (slice as (number | null)[]).map((v) => (v === null ? null : BigInt(v)))
              : slice) as Parameters<DuckDBDataChunk['setColumnValues']>[1],
          )
        }
        a.appendDataChunk(chunk)
      }
      a.flushSync()
    } finally {
      a.closeSync()
    }
  })

/** (c) The production path: CSV text → file → read_csv into TEMP batch_events (keys computed) → INSERT INTO events. */
export const csvLoad: WriteMethod = (db, b) => appendRows(db, b.rows, b.receivedAt)

let fileSeq = 0
const CSV_OPTS =
  "FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NEW_LINE '\\n', NULLSTR '', ALLOW_QUOTED_NULLS false, AUTO_DETECT false"
/** The CSV's columns: the event fields, then the stored keys (hashed by the encoder, src/events/csv.ts). */
const READ_CSV_COLUMNS = `{${[
  ...EVENT_FIELDS.map((f) => `'${f.column}': '${f.type}'`),
  ...EVENT_KEYS.map((k) => `'${k.column}': 'UBIGINT'`),
].join(', ')}}`

async function csvFile(b: RowBatch, dir: string): Promise<string> {
  const path = join(dir, `${process.pid}-b${++fileSeq}.csv`)
  await Bun.write(path, csvRows(b.rows, b.receivedAt))
  return path
}

/** (d) INSERT INTO events SELECT * FROM read_csv(file) — no temp table. */
export const readCsv: WriteMethod = async (db, batch, dir) => {
  const path = await csvFile(batch, dir)
  await inTransaction(db, async () => {
    await db.writer.run(
      `INSERT INTO events BY NAME SELECT * FROM read_csv($1, columns = ${READ_CSV_COLUMNS}, header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, auto_detect = false)`,
      [path],
    )
  })
  rmSync(path)
}

/** (e) COPY the file into a TEMP table of the events' columns, then INSERT INTO events. */
export const copyCsv: WriteMethod = async (db, batch, dir) => {
  const path = await csvFile(batch, dir)
  await inTransaction(db, async () => {
    await db.writer.run(
      `CREATE OR REPLACE TEMP TABLE copy_events AS SELECT ${[...EVENT_FIELDS.map((f) => f.column), ...EVENT_KEYS.map((k) => k.column)].join(', ')} FROM events LIMIT 0`,
    )
    await db.writer.run(`COPY copy_events FROM $1 (${CSV_OPTS})`, [path])
    await db.writer.run('INSERT INTO events BY NAME SELECT * FROM copy_events')
    await db.writer.run('DROP TABLE copy_events')
  })
  rmSync(path)
}

/** (h) The ceiling of issue 28: `COPY events FROM` the same CSV, nothing else (no temp table, no derived table). */
export const copyBare: WriteMethod = async (db, batch, dir) => {
  const path = await csvFile(batch, dir)
  await inTransaction(db, async () => {
    await db.writer.run(`COPY events FROM $1 (${CSV_OPTS})`, [path])
  })
  rmSync(path)
}

/** (f) Write an NDJSON file from the rows (timed), then `INSERT … SELECT * FROM read_ndjson(…)`. */
export const insertNdjson: WriteMethod = async (db, batch, dir) => {
  const path = join(dir, `${process.pid}-b${++fileSeq}.ndjson`)
  const columns = fieldColumns(batch)
  const n = batch.rows.length
  const lines: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const o: Record<string, unknown> = {}
    for (let ci = 0; ci < EVENT_FIELDS.length; ci++) o[EVENT_FIELDS[ci].column] = columns[ci][i]
    const r = batch.rows[i]
    // The keys as JSON numbers would lose bits: as decimal strings, cast by read_ndjson's column types.
    o.session_key = String(textKey(r.sessionId))
    o.visitor_key = String(textKey(r.userId ?? r.visitorId ?? r.sessionId))
    o.url_key = r.url === null ? null : String(textKey(r.url))
    lines[i] = JSON.stringify(o)
  }
  await Bun.write(path, `${lines.join('\n')}\n`)
  await inTransaction(db, async () => {
    await db.writer.run(
      `INSERT INTO events BY NAME SELECT * FROM read_ndjson($1, columns = ${READ_CSV_COLUMNS}, format = 'newline_delimited')`,
      [path],
    )
  })
  rmSync(path)
}

let worker: Worker | undefined
let workerCalls = 0
const workerWaits = new Map<number, { resolve: () => void; reject: (e: Error) => void }>()

/** (g) Post the rows to a Worker that appends them with the appender to its own database file. */
export const workerAppender: WriteMethod = (db, batch) => {
  if (!worker) {
    worker = new Worker(new URL('./write-worker.ts', import.meta.url).href)
    worker.onmessage = (e: MessageEvent<{ id: number; error?: string }>) => {
      const w = workerWaits.get(e.data.id)
      workerWaits.delete(e.data.id)
      if (e.data.error) w?.reject(new Error(e.data.error))
      else w?.resolve()
    }
  }
  const id = ++workerCalls
  return new Promise<void>((resolve, reject) => {
    workerWaits.set(id, { resolve, reject })
    worker!.postMessage({ id, path: join(dirname(db.path), 'worker', 'w.duckdb'), batch })
  })
}

/** Close the worker's database and stop it (between runs). */
export async function stopWorker(): Promise<void> {
  if (!worker) return
  await new Promise<void>((resolve) => {
    const id = ++workerCalls
    workerWaits.set(id, { resolve, reject: () => resolve() })
    worker!.postMessage({ id, close: true })
  })
  worker.terminate()
  worker = undefined
}

/** A write method with its table label; `checked` false when it writes somewhere else (the worker). */
export interface WriteMethodSpec {
  name: string
  label: string
  write: WriteMethod
  checked?: boolean
}

/** The methods by short name, in table order. */
export const WRITE_METHODS: WriteMethodSpec[] = [
  { name: 'appender', label: '(a) appender row by row (previous writer)', write: appenderRows },
  { name: 'chunks', label: '(b) DuckDBDataChunk + appendDataChunk', write: dataChunks },
  {
    name: 'csv-load',
    label: '(c) CSV → read_csv TEMP batch_events + keys → INSERT (chosen)',
    write: csvLoad,
  },
  { name: 'read-csv', label: '(d) INSERT…SELECT read_csv (CSV built incl.)', write: readCsv },
  { name: 'copy-csv', label: '(e) COPY TEMP csv → INSERT + keys (CSV built incl.)', write: copyCsv },
  { name: 'copy-bare', label: '(h) COPY events FROM csv, nothing else (ceiling)', write: copyBare },
  // read_ndjson re-escapes the JSON text of `properties` into the VARCHAR column: not stored exactly.
  { name: 'ndjson', label: '(f) INSERT…SELECT read_ndjson (inexact!)', write: insertNdjson, checked: false },
  {
    name: 'worker',
    label: '(g) Bun Worker owning an appender (own file)',
    write: workerAppender,
    checked: false,
  },
]
