// The ClickHouse tables, derived from the event field list (src/events/fields.ts) and the stored keys
// (src/events/keys.ts), and the numbered migrations that create them. Every statement is idempotent
// (`IF NOT EXISTS`), so two nodes migrating at once, or a migration retried after a failure, are harmless.
//
// `events` is a MergeTree ordered by (site_id, ts): every read names one site and a time range, so the
// primary index skips all other granules. It has no PARTITION BY on purpose: an insert of one flush
// (one block: see store.ts) then writes exactly one part, which is atomic, and that atomicity is what
// makes the log position carried by the rows exact. Beyond the event fields it stores:
// - the keys (`session_key`, `visitor_key`, `url_key`): plain columns, sent in the CSV as the encoder
//   hashed them (XXH64, src/events/keys.ts; ClickHouse's `xxHash64` gives the same values);
// - `log_node`, `log_seq`: the node and write-ahead-log position of the flush that stored the row, read
//   from the insert's `insert_deduplication_token` (`pulse/<node>/<position>`), so rows and position are
//   stored by one atomic insert (ClickHouse has no transaction spanning two tables);
// - `event_seq`: the raw-event and export cursor's tie-breaker (DuckDB's rowid has no counterpart): the
//   low 53 bits of a Snowflake id (time-ordered, unique per server; it fits a JavaScript number).
import { EVENT_FIELDS } from '../fields'
import { EVENT_KEYS } from '../keys'
import { GOALS_DDL } from './goals'

const TYPES = { VARCHAR: 'String', BIGINT: 'Int64', JSON: 'String' } as const

/** The ClickHouse type of one event field's column. */
function columnType(f: (typeof EVENT_FIELDS)[number]): string {
  const t = TYPES[f.type]
  return f.nullable ? `Nullable(${t})` : t
}

/** The event field columns in field-list order, then the stored keys: the columns of the CSV a flush inserts. */
export const INSERT_COLUMNS = [...EVENT_FIELDS.map((f) => f.column), ...EVENT_KEYS.map((k) => k.column)]

const TOKEN = "getSetting('insert_deduplication_token')"

/** Columns beyond the event fields and keys, each with its DEFAULT (computed at insert, never sent). */
const DERIVED_COLUMNS = [
  `log_node LowCardinality(String) DEFAULT splitByChar('/', ${TOKEN})[2]`,
  `log_seq UInt64 DEFAULT toUInt64OrZero(splitByChar('/', ${TOKEN})[3])`,
  'event_seq UInt64 DEFAULT bitAnd(generateSnowflakeID(session_id), 9007199254740991)',
]

/** The DDL of `events` (unqualified: the client's database). */
export const EVENTS_DDL = `CREATE TABLE IF NOT EXISTS events (${[
  ...EVENT_FIELDS.map((f) => `${f.column} ${columnType(f)}`),
  ...EVENT_KEYS.map((k) => `${k.column} ${k.nullable ? 'Nullable(UInt64)' : 'UInt64'}`),
  ...DERIVED_COLUMNS,
].join(', ')}) ENGINE = MergeTree ORDER BY (site_id, ts) SETTINGS non_replicated_deduplication_window = 10000`

/** One numbered migration: statements run in order, each idempotent. */
export interface ClickHouseMigration {
  version: number
  name: string
  statements: readonly string[]
}

/** Every migration, in order. Append only; never edit one that has shipped. */
export const CLICKHOUSE_MIGRATIONS: readonly ClickHouseMigration[] = [
  {
    version: 1,
    name: 'events',
    statements: [
      EVENTS_DDL,
      // How far each node's log is stored, kept apart from the rows so deleting rows never moves it back.
      'CREATE TABLE IF NOT EXISTS log_positions (node String, position UInt64, at DateTime64(3) DEFAULT now64(3)) ENGINE = ReplacingMergeTree(position) ORDER BY node',
    ],
  },
  { version: 2, name: 'goals mirror', statements: GOALS_DDL },
]

/** The table that records applied migrations. */
export const MIGRATIONS_DDL =
  'CREATE TABLE IF NOT EXISTS pulse_migrations (version UInt32, name String, applied_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY version'
