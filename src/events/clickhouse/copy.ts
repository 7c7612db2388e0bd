// Moving an installation to ClickHouse (`pulse migrate clickhouse`): the events of a DuckDB file are copied
// into ClickHouse's `events`, one (site, UTC day) at a time, then the counts per site and day are compared.
// - Only reads DuckDB: a failed or interrupted run leaves the DuckDB data as it was.
// - Resumable and idempotent: a day whose count in ClickHouse already equals DuckDB's is skipped; any other
//   day is sent again in the same chunks (rows in (ts, rowid) order, `CHUNK_ROWS` each) under the same
//   deduplication tokens, so the chunks an interrupted run stored are dropped by ClickHouse, not doubled.
// - The rows go as the CSV the flushes send (the event fields, then the stored keys, exactly as DuckDB
//   holds them), under tokens `pulse/migrate/<site>.<day>.<chunk>`: their `log_node` is `migrate`, their
//   `log_seq` 0, so no node's log position moves. DuckDB's applied log position is then recorded for this
//   node in `log_positions`, so a server started on ClickHouse replays only the log records DuckDB lacked.
import type { ClickHouseClient } from '@clickhouse/client'
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import { EVENT_FIELDS } from '../fields'
import { INSERT_COLUMNS } from './schema'
import { INSERT_SETTINGS } from './store'

const DAY = 86_400_000

/** What the copy needs of DuckDB: reads only (a connection, or a pool's reader). */
export type DuckDBReads = Pick<DuckDBConnection, 'runAndReadAll'>

/** Rows of `sql` as objects (64-bit integers stay bigints: callers convert). */
async function rowsOf<T>(duck: DuckDBReads, sql: string, params: DuckDBValue[] = []): Promise<T[]> {
  return (await duck.runAndReadAll(sql, params)).getRowObjectsJS() as T[]
}

/** Rows per insert (one block each). */
export const CHUNK_ROWS = 50_000

/** One (site, UTC day) with its event count in each engine. */
export interface DayCount {
  siteId: string
  /** Days since 1970-01-01 (UTC). */
  day: number
  duckdb: number
  clickhouse: number
}

/** Options of `copyEventsToClickHouse`. */
export interface CopyOptions {
  /** This node's identity: its position is set to DuckDB's applied position. */
  node: string
  /** Rows per insert (default `CHUNK_ROWS`). */
  chunkRows?: number
  /** After each insert: rows copied so far of `total`. */
  onProgress?: (copied: number, total: number) => void
}

/** What a run did and found. */
export interface CopyReport {
  /** Events in DuckDB. */
  events: number
  /** Days (site, day) copied now; days skipped because ClickHouse already had them all. */
  daysCopied: number
  daysSkipped: number
  /** Rows sent now (ClickHouse drops chunks it already stored). */
  rowsSent: number
  /** The log position recorded for the node. */
  position: number
  /** Every (site, day) after the copy, with both counts; `mismatched` are those that differ. */
  days: DayCount[]
  mismatched: DayCount[]
}

/** The columns sent that are integers (BIGINT fields, the UBIGINT stored keys); the others are text. */
const NUMERIC = new Set<string>(
  INSERT_COLUMNS.filter((c) => {
    const f = EVENT_FIELDS.find((x) => x.column === c)
    return f === undefined || f.type === 'BIGINT'
  }),
)

/** Each column to send, in INSERT_COLUMNS order; integers as exact decimal text (never a JS number). */
const SELECT_LIST = INSERT_COLUMNS.map((c) => (NUMERIC.has(c) ? `CAST(${c} AS VARCHAR) AS ${c}` : c)).join(
  ', ',
)

const NEEDS_QUOTES = /[",\n\r]/

/** One value as a field of the flushes' CSV (src/events/csv.ts): NULL empty, '' quoted. */
function field(column: string, v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  if (NUMERIC.has(column)) return s
  if (s === '') return '""'
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** Events per (site, day) in DuckDB. */
async function duckdbDays(duck: DuckDBReads): Promise<Map<string, DayCount>> {
  const rows = await rowsOf<{ site_id: string; day: bigint; n: bigint }>(
    duck,
    `SELECT site_id, ts // ${DAY} AS day, count(*) AS n FROM events GROUP BY ALL ORDER BY ALL`,
  )
  return new Map(
    rows.map((r) => [
      `${r.site_id}\u0000${r.day}`,
      { siteId: r.site_id, day: Number(r.day), duckdb: Number(r.n), clickhouse: 0 },
    ]),
  )
}

/** Events per (site, day) in ClickHouse. */
async function clickhouseDays(ch: ClickHouseClient): Promise<Map<string, number>> {
  const rs = await ch.query({
    query: `SELECT site_id, intDiv(ts, ${DAY}) AS day, count() AS n FROM events GROUP BY site_id, day`,
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ site_id: string; day: number; n: number }>()
  return new Map(rows.map((r) => [`${r.site_id}\u0000${Number(r.day)}`, Number(r.n)]))
}

/** Both engines' counts per (site, day), every day of either. */
export async function compareDays(duck: DuckDBReads, ch: ClickHouseClient): Promise<DayCount[]> {
  const days = await duckdbDays(duck)
  for (const [k, n] of await clickhouseDays(ch)) {
    const d = days.get(k)
    if (d) d.clickhouse = n
    else {
      const [siteId, day] = k.split('\u0000')
      days.set(k, { siteId, day: Number(day), duckdb: 0, clickhouse: n })
    }
  }
  return [...days.values()].sort((a, b) =>
    a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : a.day - b.day,
  )
}

/** Send one (site, day) in chunks of `size` rows; returns the rows sent. */
async function copyDay(
  duck: DuckDBReads,
  ch: ClickHouseClient,
  d: DayCount,
  size: number,
  sent: (n: number) => void,
): Promise<number> {
  let after: { ts: string; rid: string } | undefined
  let total = 0
  for (let chunk = 0; ; chunk++) {
    const cursor = after ? 'AND (ts > $4::BIGINT OR (ts = $4::BIGINT AND rowid > $5::BIGINT))' : ''
    const params: (string | bigint)[] = [d.siteId, BigInt(d.day * DAY), BigInt((d.day + 1) * DAY)]
    if (after) params.push(after.ts, after.rid)
    const reader = await duck.runAndReadAll(
      `SELECT ${SELECT_LIST}, CAST(ts AS VARCHAR) AS c_ts, CAST(rowid AS VARCHAR) AS c_rid FROM events WHERE site_id = $1 AND ts >= $2 AND ts < $3 ${cursor} ORDER BY ts, rowid LIMIT ${size}`,
      params,
    )
    const rows = reader.getRowObjectsJS() as Record<string, unknown>[]
    if (rows.length === 0) break
    let csv = ''
    for (const r of rows) csv += `${INSERT_COLUMNS.map((c) => field(c, r[c])).join(',')}\n`
    await ch.exec({
      query: `INSERT INTO events (${INSERT_COLUMNS.join(', ')}) FORMAT CSV`,
      values: csv as never,
      clickhouse_settings: {
        ...INSERT_SETTINGS,
        insert_deduplication_token: `pulse/migrate/${Bun.hash.xxHash64(d.siteId)}.${d.day}.${chunk}`,
      },
    })
    total += rows.length
    sent(rows.length)
    const last = rows[rows.length - 1]
    after = { ts: String(last.c_ts), rid: String(last.c_rid) }
    if (rows.length < size) break
  }
  return total
}

/**
 * Copy every event of `duck` into ClickHouse's `events` (migrated), resumably; record DuckDB's applied log
 * position for `opts.node`; return both engines' counts per site and day.
 */
export async function copyEventsToClickHouse(
  duck: DuckDBReads,
  ch: ClickHouseClient,
  opts: CopyOptions,
): Promise<CopyReport> {
  const size = opts.chunkRows ?? CHUNK_ROWS
  const before = await compareDays(duck, ch)
  const events = before.reduce((s, d) => s + d.duckdb, 0)
  let copied = before.reduce((s, d) => s + (d.duckdb === d.clickhouse ? d.duckdb : 0), 0)
  let rowsSent = 0
  let daysCopied = 0
  let daysSkipped = 0
  opts.onProgress?.(copied, events)
  for (const d of before) {
    if (d.duckdb === 0) continue
    if (d.duckdb === d.clickhouse) {
      daysSkipped++
      continue
    }
    rowsSent += await copyDay(duck, ch, d, size, (n) => {
      copied += n
      opts.onProgress?.(copied, events)
    })
    daysCopied++
  }
  const [w] = await rowsOf<{ p: bigint }>(duck, 'SELECT applied_seq AS p FROM wal_state WHERE id = 1')
  const position = Number(w?.p ?? 0)
  if (position > 0)
    await ch.command({
      query: 'INSERT INTO log_positions (node, position) VALUES ({n:String}, {p:UInt64})',
      query_params: { n: opts.node, p: position },
    })
  const days = await compareDays(duck, ch)
  return {
    events,
    daysCopied,
    daysSkipped,
    rowsSent,
    position,
    days,
    mismatched: days.filter((d) => d.duckdb !== d.clickhouse),
  }
}
