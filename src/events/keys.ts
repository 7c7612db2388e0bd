// The stored keys of the events table: 64-bit keys of the strings that reads count distinct and group by
// (sessions, visitors, pages), computed once, in JavaScript, where the row is written as CSV
// (src/events/csv.ts), and carried in the CSV (and so the write-ahead log) as plain columns.
//
// THE DEFINITION (every engine and every path follows it): a key is XXH64 with seed 0 of the UTF-8 bytes of
// the text, as an unsigned 64-bit integer (`Bun.hash.xxHash64(text)`; ClickHouse's `xxHash64(text)`; the
// reference XXH64 of xxhash.com); NULL text gives a NULL key.
//   session_key = key(session_id), visitor_key = key(coalesce(user_id, visitor_id, session_id)),
//   url_key = key(url).
// DuckDB has no XXH64, so no SQL on DuckDB computes a stored key: rows written in SQL (the rare test or
// migration) get their keys from `fillEventKeys` (src/db/rekey.ts). Collisions are ignored, as before.
// test/events/keys.test.ts checks the reference vectors, the CSV columns and that no DuckDB SQL computes
// a stored key.
//
// `keySql` is another, SQL-side key: the low 64 bits of the MD5 of a text (`md5_number_lower`), used only
// for what SQL hashes itself per group — `session_hours.user_key` and its edge-hour reads — never for a
// stored key of `events`.
import { type Dialect, duckdbDialect } from './dialect'

/** SQL of the SQL-side key of a text (`session_hours.user_key`; not a stored event key), in `dialect`. */
export const keySql = (text: string, dialect: Dialect = duckdbDialect) => dialect.key(text)

/** The visitor of the `visitors` metric: the user id when sent, else the cookieless visitor id, else the session. */
export const VISITOR_TEXT_SQL = 'coalesce(user_id, visitor_id, session_id)'

/** The key columns, in table order (after the event fields), with the text each is the key of. */
export const EVENT_KEYS = [
  { column: 'session_key', text: 'session_id', nullable: false },
  { column: 'visitor_key', text: VISITOR_TEXT_SQL, nullable: false },
  { column: 'url_key', text: 'url', nullable: true },
] as const

/** The stored key of a text (XXH64, seed 0, of its UTF-8 bytes); null stays null. */
export function textKey(text: string | null): bigint | null {
  if (text === null) return null
  return Bun.hash.xxHash64(text)
}

/**
 * The stored key of a text as decimal CSV text, through a small cache: a batch repeats its sessions,
 * visitors and pages, and a hit (~50 ns) is an order cheaper than hashing and printing a 64-bit integer.
 */
export function createKeyText(capacity = 20_000): (text: string) => string {
  let cache = new Map<string, string>()
  return (text) => {
    let k = cache.get(text)
    if (k === undefined) {
      k = Bun.hash.xxHash64(text).toString()
      // Cleared, not evicted one by one: cheap, and the next batch refills what it uses.
      if (cache.size >= capacity) cache = new Map()
      cache.set(text, k)
    }
    return k
  }
}
