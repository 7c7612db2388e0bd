// The candidate write paths for a flush of columnar events into DuckDB, each writing one batch in one
// transaction on the writer connection under the write lock (as the real flush does): (a) the real writer
// (appender, row by row), (b) data chunks built column by column, (c) COPY from a CSV file written from
// the columns, (d) INSERT … SELECT from read_ndjson of an NDJSON file written from the columns.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { type DuckDBAppender, DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api'
import { BUFFERED_FIELDS } from '../../src/db/event-fields'
import type { Database } from '../../src/db/open'
import type { EventColumns } from '../../src/ingest/columns'
import { appendEvents } from '../../src/ingest/writer'
import { EVENT_COLUMNS } from './event-columns'

/** Writes `n` rows of `cols`; `dir` is a scratch directory for files; `prepared` from the method's `prepare`. */
export type WriteMethod = (
  db: Database,
  cols: EventColumns,
  n: number,
  dir: string,
  prepared?: string,
) => Promise<void>

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

/** Column arrays in table order; BIGINT columns as bigint as DuckDB values want them. */
function tableColumns(c: EventColumns): unknown[][] {
  return BUFFERED_FIELDS.map((f) => c[f.key])
}

/** (a) The production writer: appender, one native call per value. */
export const appenderRows: WriteMethod = (db, cols, n) => appendEvents(db, cols, n)

/** (b) `DuckDBDataChunk`s of up to 2048 rows filled column by column, then `appendDataChunk`. */
export const dataChunks: WriteMethod = (db, cols, n) =>
  inTransaction(db, async () => {
    const a: DuckDBAppender = await db.writer.createAppender('events')
    try {
      const types: DuckDBType[] = Array.from({ length: a.columnCount }, (_, i) => a.columnType(i))
      const columns = tableColumns(cols)
      const bigint = new Set([EVENT_COLUMNS.indexOf('ts'), EVENT_COLUMNS.indexOf('received_at')])
      for (let start = 0; start < n; start += 2048) {
        const size = Math.min(2048, n - start)
        const chunk = DuckDBDataChunk.create(types, size)
        for (let ci = 0; ci < columns.length; ci++) {
          const slice = columns[ci].slice(start, start + size)
          chunk.setColumnValues(
            ci,
            (bigint.has(ci) ? (slice as number[]).map(BigInt) : slice) as Parameters<
              DuckDBDataChunk['setColumnValues']
            >[1],
          )
        }
        a.appendDataChunk(chunk)
      }
      a.flushSync()
    } finally {
      a.closeSync()
    }
  })

function csvField(v: string | number | null): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(v)
  // Quote only what needs it; `""` inside quotes is a quote. No stored value is '' (the validator maps
  // blanks to NULL), so an empty unquoted field can mean NULL.
  if (/[",\n\r]/.test(v)) return `"${v.replaceAll('"', '""')}"`
  return v
}

/** The columns as CSV text, in table order, no header. */
export function toCsv(cols: EventColumns, n: number): string {
  const columns = tableColumns(cols) as (string | number | null)[][]
  const lines: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    let line = csvField(columns[0][i])
    for (let ci = 1; ci < columns.length; ci++) line += `,${csvField(columns[ci][i])}`
    lines[i] = line
  }
  return `${lines.join('\n')}\n`
}

let fileSeq = 0

/** Write the columns as a CSV file in `dir`; returns its path. */
export async function writeCsvFile(cols: EventColumns, n: number, dir: string): Promise<string> {
  const path = join(dir, `batch-${++fileSeq}.csv`)
  await Bun.write(path, toCsv(cols, n))
  return path
}

/** `COPY events FROM` a CSV file in one transaction, then delete the file. */
async function copyFrom(db: Database, path: string): Promise<void> {
  await inTransaction(db, async () => {
    await db.writer.run(
      `COPY events FROM '${path}' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '', AUTO_DETECT false)`,
    )
  })
  rmSync(path)
}

/** (c) Write a CSV file from the columns (timed), then `COPY events FROM` it: no JavaScript per value. */
export const copyCsv: WriteMethod = async (db, cols, n, dir) => copyFrom(db, await writeCsvFile(cols, n, dir))

/**
 * (e) `COPY events FROM` a CSV file that already exists, written outside the timing: the cost of a flush
 * when the write-ahead log is itself CSV and a sealed log segment is the bulk-load source.
 */
export const copyLogSegment: WriteMethod = async (db, _cols, _n, _dir, prepared) => copyFrom(db, prepared!)

const NDJSON_COLUMNS = `{${EVENT_COLUMNS.map((c) => `'${c}': '${c === 'ts' || c === 'received_at' ? 'BIGINT' : 'VARCHAR'}'`).join(', ')}}`

/** (d) Write an NDJSON file from the columns (timed), then `INSERT … SELECT * FROM read_ndjson(…)`. */
export const insertNdjson: WriteMethod = async (db, cols, n, dir) => {
  const path = join(dir, `batch-${++fileSeq}.ndjson`)
  const columns = tableColumns(cols)
  const lines: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const o: Record<string, unknown> = {}
    for (let ci = 0; ci < EVENT_COLUMNS.length; ci++) o[EVENT_COLUMNS[ci]] = columns[ci][i]
    lines[i] = JSON.stringify(o)
  }
  await Bun.write(path, `${lines.join('\n')}\n`)
  await inTransaction(db, async () => {
    await db.writer.run(
      `INSERT INTO events SELECT * FROM read_ndjson('${path}', columns = ${NDJSON_COLUMNS}, format = 'newline_delimited')`,
    )
  })
  rmSync(path)
}

/** A write method with its table label; `prepare` runs untimed before `write`. */
export interface WriteMethodSpec {
  name: string
  label: string
  write: WriteMethod
  prepare?: (cols: EventColumns, n: number, dir: string) => Promise<string>
}

/** The methods by short name, in table order. */
export const WRITE_METHODS: WriteMethodSpec[] = [
  { name: 'appender', label: '(a) appender row by row (src/ingest/writer.ts)', write: appenderRows },
  { name: 'chunks', label: '(b) DuckDBDataChunk + appendDataChunk', write: dataChunks },
  { name: 'copy-csv', label: '(c) COPY FROM csv (file write included)', write: copyCsv },
  { name: 'ndjson', label: '(d) INSERT…SELECT read_ndjson (file incl.)', write: insertNdjson },
  {
    name: 'copy-segment',
    label: '(e) COPY FROM csv already on disk (WAL segment)',
    write: copyLogSegment,
    prepare: writeCsvFile,
  },
]
