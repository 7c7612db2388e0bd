// The storage seam: everything that writes or reads events goes through an `EventStore`, so the engine
// under it (DuckDB, the default: `duckdb-store.ts`) is a choice of configuration, not a fork of the code.
// Writes are batches of the event CSV (src/events/csv.ts), appended idempotently by write-ahead-log position;
// deletes name what they match; reads see an `EventReader` (bound-parameter SQL in the store's dialect,
// answered as plain rows) within the read limits; an export holds a lease and streams rows.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import { queryRows } from '../db/rows'
import type { Dialect } from './dialect'
import type { ReadLease } from './read-gate'
import type { CsvBatch } from './writer'

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

/**
 * A read slot held for a streamed export on an engine without DuckDB connections (ClickHouse): its reads go
 * through `reader`, spelled in `dialect`. (DuckDB lends a `ReadLease` instead: a connection of its own.)
 */
export interface ReaderLease {
  reader: EventReader
  dialect: Dialect
  /** Give the slot back (idempotent). */
  release(discard?: boolean): void
}

/**
 * Which events a delete removes: a whole site's, one user's on a site, a site's events whose time `ts` is
 * before `before` (epoch ms: the retention prune), or one import's.
 */
export type EventMatch =
  | { siteId: string; userId?: undefined; before?: undefined }
  | { siteId: string; userId: string; before?: undefined }
  | { siteId: string; before: number; userId?: undefined }
  | { importId: string }

/** Options of `EventStore.append`. */
export interface AppendOptions {
  /**
   * The write-ahead-log position the batch brings the store up to (live events; 0 or absent for
   * imports). The batch and the position are stored as one unit; a batch whose position is already
   * stored is not stored again, so a retried or replayed append is harmless.
   */
  upTo?: number
  /** Metadata work (an import's counts) done in the same unit as the events, where the engine can. */
  within?: () => Promise<void>
}

/** The one interface through which events are stored, deleted and read. */
export interface EventStore {
  /** The engine's name, for /health and logs. */
  readonly engine: string
  /** How the engine spells what SQL engines spell differently; the stats builders emit through it. */
  readonly dialect: Dialect
  /** Resolves when the store can take work, else throws `UnavailableError` (503) with the cause. */
  ensureAvailable(): Promise<void>
  /** Why the store cannot take work now (while it recovers), or null. */
  unavailableCause?(): string | null
  /** How far the write-ahead log is stored (0 for a new store). */
  appliedPosition(): Promise<number>
  /** Store `batch` (all or nothing), idempotently by `opts.upTo`. */
  append(batch: CsvBatch, opts?: AppendOptions): Promise<void>
  /**
   * Delete the events `match` names, with whatever the store derives from them, and run `within`
   * (metadata deletes) in the same unit where the engine can; returns the events deleted.
   */
  deleteEvents(match: EventMatch, within?: () => Promise<void>): Promise<number>
  /** Run `read` within the read limits of `keyId` (concurrency, queue, time limit). */
  read<T>(keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T>
  /** Hold a read slot of `keyId` with a connection of its own, for a streamed export; release it after. */
  lease(keyId: string): Promise<ReadLease>
  /** Engines without DuckDB connections: hold a read slot of `keyId` for a streamed export instead of `lease`. */
  holdReader?(keyId: string): Promise<ReaderLease>
  /**
   * Engines whose events are not in the DuckDB file: the admin SQL console's one read query, checked by
   * the engine's own parser, at most `maxRows` rows (columns with their engine types).
   */
  console?(
    sql: string,
    maxRows: number,
  ): Promise<{ columns: { name: string; type: string }[]; rows: unknown[][]; truncated: boolean }>
}
