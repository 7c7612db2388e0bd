// The storage seam: everything that writes or reads events goes through `EventStore`, so the engine under
// it (DuckDB, the default; ClickHouse, for sites that outgrow one machine) is a choice of configuration.
// Readers see an `EventReader`: bound-parameter SQL in the store's dialect, answered as plain rows.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import { queryRows } from '../db/rows'

/** Runs read SQL (built in the store's dialect, values bound) and answers plain rows (bigints as numbers). */
export interface EventReader {
  /** The rows of `sql` with `params` bound in order. */
  rows<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
}

/** An `EventReader` on one DuckDB connection. */
export function duckdbReader(conn: DuckDBConnection): EventReader {
  return {
    rows: <T>(sql: string, params: readonly unknown[] = []) =>
      queryRows<T>(conn, sql, params as DuckDBValue[]),
  }
}
