// The stored keys of the events table (migration 009): 64-bit keys of the strings that reads count
// distinct and group by, computed once when a row is written instead of hashed (or hashed as strings)
// by every read. A key is the low 64 bits of the MD5 of the text (`md5_number_lower`: the same value on
// every DuckDB version, unlike `hash()`); NULL text gives a NULL key. They are not event fields (not in
// the write-ahead log, the CSV or the API): every path that writes `events` computes them from the row's
// text (the writer in SQL, the reference appender with `textKey`), and test/db/event-keys.db.test.ts
// checks each path.
import { createHash } from 'node:crypto'
import { type Dialect, duckdbDialect } from './dialect'

/** SQL of a 64-bit key of a text value (NULL stays NULL), in `dialect` (DuckDB by default: the writer's). */
export const keySql = (text: string, dialect: Dialect = duckdbDialect) => dialect.key(text)

/** The visitor of the `visitors` metric: the user id when sent, else the cookieless visitor id, else the session. */
export const VISITOR_TEXT_SQL = 'coalesce(user_id, visitor_id, session_id)'

/** The key columns, in table order (after the event fields), with the text each is the key of. */
export const EVENT_KEYS = [
  { column: 'session_key', text: 'session_id', nullable: false },
  { column: 'visitor_key', text: VISITOR_TEXT_SQL, nullable: false },
  { column: 'url_key', text: 'url', nullable: true },
] as const

/** SQL of the key columns computed from a relation with the event fields: `md5_number_lower(…) AS session_key, …`. */
export const EVENT_KEYS_SQL = EVENT_KEYS.map((k) => `${keySql(k.text)} AS ${k.column}`).join(', ')

/**
 * SQL of `select` (rows with event field columns, by name, or named by `columns`) with the key columns
 * added: for `INSERT INTO events BY NAME ${withEventKeys(…)}`. The row must have the columns the keys
 * read (session_id, user_id, visitor_id, url).
 */
export function withEventKeys(select: string, columns?: string): string {
  return `SELECT *, ${EVENT_KEYS_SQL} FROM (${select}) AS keyed${columns ? `(${columns})` : ''}`
}

/** `md5_number_lower(text)` computed in JavaScript (the reference appender's keys); null stays null. */
export function textKey(text: string | null): bigint | null {
  if (text === null) return null
  return createHash('md5').update(text, 'utf8').digest().readBigUInt64LE(8)
}
