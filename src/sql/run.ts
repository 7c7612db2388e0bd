// Running one admin read query: inside a READ ONLY transaction (so even a SELECT that would write — a
// sequence's nextval — fails), streamed and cut at the row cap, always rolled back.
import type { DuckDBConnection } from '@duckdb/node-api'
import { AppError } from '../http/errors'
import { prepareReadQuery } from './guard'

/** The answer of a query: column names and types, rows as arrays, and whether the cap cut it. */
export interface SqlResult {
  columns: { name: string; type: string }[]
  rows: unknown[][]
  truncated: boolean
}

/** A DuckDB value as JSON: BIGINT as a number while exact (else a string), dates and others as text. */
export function jsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (typeof v === 'bigint')
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : v.toString()
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  if (typeof v === 'string' || typeof v === 'boolean') return v
  if (Array.isArray(v)) return v.map(jsonValue)
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64')
  if (typeof v === 'object' && v.constructor === Object)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]))
  return String(v)
}

/** Run `sql` (one SELECT, checked first) on `conn`, reading at most `maxRows` rows. */
export async function runReadOnlySql(
  conn: DuckDBConnection,
  sql: string,
  maxRows: number,
): Promise<SqlResult> {
  await conn.run('BEGIN TRANSACTION READ ONLY')
  try {
    const prepared = await prepareReadQuery(conn, sql)
    try {
      const reader = await prepared.streamAndReadUntil(maxRows + 1)
      const names = reader.columnNames()
      const types = reader.columnTypes().map((ty) => ty.toString())
      const rows = reader.getRowsJS().slice(0, maxRows + 1)
      const truncated = rows.length > maxRows
      return {
        columns: names.map((name, i) => ({ name, type: types[i] })),
        rows: rows.slice(0, maxRows).map((r) => r.map(jsonValue)),
        truncated,
      }
    } catch (err) {
      if (err instanceof AppError) throw err
      throw new AppError(
        422,
        `query failed: ${String((err as Error).message)
          .split('\n')[0]
          .slice(0, 300)}`,
        [{ path: '$.query', message: 'failed while running' }],
      )
    } finally {
      prepared.destroySync()
    }
  } finally {
    await conn.run('ROLLBACK').catch(() => undefined)
  }
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** RFC 4180 CSV of a result, with a header row. */
export function toCsv(result: SqlResult): string {
  const lines = [result.columns.map((c) => csvCell(c.name)).join(',')]
  for (const r of result.rows) lines.push(r.map(csvCell).join(','))
  return `${lines.join('\r\n')}\r\n`
}
