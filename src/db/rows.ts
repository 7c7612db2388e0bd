// Reading helpers: run a prepared, parameterised query and convert DuckDB values (BIGINT, timestamps) to JSON-friendly JS.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'

/** A SQL statement and its bound parameter values. */
export interface Query {
  sql: string
  params: DuckDBValue[]
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v)
  if (v instanceof Date) return v.toISOString()
  if (Array.isArray(v)) return v.map(plain)
  return v
}

/** Run `sql` with bound `params` and return plain objects (bigints become numbers). */
export async function queryRows<T = Record<string, unknown>>(
  conn: Pick<DuckDBConnection, 'runAndReadAll'>,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params)
  const rows = reader.getRowObjectsJS()
  return rows.map((r) => {
    const o: Record<string, unknown> = {}
    for (const k in r) o[k] = plain(r[k])
    return o as T
  })
}
