// Stored keys (src/events/keys.ts) for rows written in SQL: DuckDB has no XXH64, so the keys of such rows
// are computed here, in JavaScript, and joined back by their text. Used by migration 011 (which re-keys
// the rows stored with the MD5 keys of release 009) and by tests and benchmarks that insert rows in bulk
// with `withPendingKeys`. Only the distinct texts cross into JavaScript (reading every row out of DuckDB
// was measured 20× slower: ~6 µs a row against ~0.3 µs). One step per key column, each its own transaction,
// and the caller learns each step done, so a long run is resumable and shows progress.
import type { DuckDBConnection } from '@duckdb/node-api'

/**
 * The stored keys as src/events/keys.ts defines them (XXH64, seed 0, of the UTF-8 text), restated here
 * because db/ may not import events/ (events/ reads through db/); test/events/keys.test.ts checks both agree.
 */
export const REKEY_COLUMNS = [
  { column: 'session_key', text: 'session_id' },
  { column: 'visitor_key', text: 'coalesce(user_id, visitor_id, session_id)' },
  { column: 'url_key', text: 'url' },
] as const
const textKey = (text: string) => Bun.hash.xxHash64(text)

/** The steps of `fillEventKeys`, in order: one per stored key column. */
export const FILL_KEY_STEPS = REKEY_COLUMNS.length

/** Options of `fillEventKeys`. */
export interface FillKeysOptions {
  /** The first step to run (resume where a run stopped: the steps before it are done). */
  from?: number
  /** Commit each step (false: the caller holds a transaction). */
  transactions?: boolean
  /** Inside each step's transaction, once it is done: the next step, the distinct texts keyed. */
  onStep?: (next: number, texts: number) => Promise<void> | void
  /** Only the rows inserted with `withPendingKeys` whose keys are not filled yet (default: every row). */
  pendingOnly?: boolean
}

/** The key columns in the order they are filled: session_key last, as its placeholder 0 marks a row pending. */
const ORDER = [...REKEY_COLUMNS].reverse()

/**
 * SQL of `select` (rows with event field columns, named by `columns` when given) with placeholder keys:
 * `INSERT INTO events BY NAME ${withPendingKeys(…)}`, then `fillEventKeys(conn, { pendingOnly: true })`
 * before anything reads them (a session_key of 0 marks a row pending).
 */
export function withPendingKeys(select: string, columns?: string): string {
  return `SELECT *, 0::UBIGINT AS session_key, 0::UBIGINT AS visitor_key, NULL::UBIGINT AS url_key FROM (${select}) AS pending${columns ? `(${columns})` : ''}`
}

/** Compute the stored keys of the events (of `where`) from their text and store them; returns the texts keyed. */
export async function fillEventKeys(conn: DuckDBConnection, opts: FillKeysOptions = {}): Promise<number> {
  const transactions = opts.transactions ?? true
  const pending = opts.pendingOnly ? 'session_key = 0' : ''
  const where = pending ? ` WHERE ${pending}` : ''
  let texts = 0
  for (let step = opts.from ?? 0; step < ORDER.length; step++) {
    const { column, text } = ORDER[step]
    if (transactions) await conn.run('BEGIN TRANSACTION')
    try {
      const distinct = (await conn.runAndReadAll(`SELECT DISTINCT ${text} FROM events${where}`)).getRows()
      await conn.run('CREATE OR REPLACE TEMP TABLE event_rekey (t VARCHAR, k UBIGINT)')
      const app = await conn.createAppender('event_rekey', 'main', 'temp')
      for (const [t] of distinct) {
        if (t === null) continue
        app.appendVarchar(t as string)
        app.appendUBigInt(textKey(t as string))
        app.endRow()
      }
      app.closeSync()
      const also = pending ? ` AND events.${pending}` : ''
      // NULL text matches nothing and keeps its NULL key (only url can be NULL).
      await conn.run(
        `UPDATE events SET ${column} = r.k FROM event_rekey r WHERE ${text.replace(/\b(user_id|visitor_id|session_id|url)\b/g, 'events.$1')} = r.t${also}`,
      )
      await conn.run('DROP TABLE event_rekey')
      texts += distinct.length
      await opts.onStep?.(step + 1, distinct.length)
      if (transactions) await conn.run('COMMIT')
    } catch (err) {
      if (transactions) await conn.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  }
  return texts
}
