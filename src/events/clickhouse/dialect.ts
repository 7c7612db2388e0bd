// ClickHouse's spellings of what the read builders emit through a `Dialect` (src/events/dialect.ts):
// typed named placeholders (`{p1:String}`; the store binds `Params.values` under those names), `intDiv`
// (in ClickHouse `//` starts a comment), MD5-based keys equal to DuckDB's `md5_number_lower`, exact
// distinct counts (`uniqExact`, never the approximate `uniq`), and JSON access that gives NULL where
// DuckDB's `json_extract_string` does. Checked against the real engine by the chDB lane.
import type { Dialect, ParamType } from '../dialect'
import { noQuote } from '../dialect'

/** The ClickHouse type of a bound value. */
export const CLICKHOUSE_TYPES: Record<ParamType, string> = {
  text: 'String',
  int: 'Int64',
  uint: 'UInt64',
  float: 'Float64',
  bool: 'Bool',
}

const fromMs = (ms: string) => `fromUnixTimestamp64Milli(toInt64(${ms}), 'UTC')`

/**
 * A flat `properties` value as text, as DuckDB's `json_extract_string` gives it: a string as itself, a
 * number or boolean as its JSON text, NULL for JSON null and for a missing key.
 */
function property(json: string, key: string): string {
  const type = `JSONType(${json}, ${key})`
  return `multiIf(${type} = 'String', JSONExtractString(${json}, ${key}), ${type} = 'Null', NULL, JSONExtractRaw(${json}, ${key}))`
}

/** ClickHouse (a server over HTTP, or chDB in process). */
export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  param: (index, type) => `{p${index}:${CLICKHOUSE_TYPES[type]}}`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  key: (text) => `reinterpretAsUInt64(substring(MD5(${text}), 9, 8))`,
  argMin: (value, order) => `argMin(${value}, (${order.join(', ')}))`,
  argMax: (value, order) => `argMax(${value}, (${order.join(', ')}))`,
  // JSONExtract* take the key itself (a bound String), so a dot stays inside it.
  propertyPath: (key) => key,
  propertyPathSql: (keyExpr) => keyExpr,
  property,
  epochMonth: (ms) => `toYear(${fromMs(ms)}) * 12 + toMonth(${fromMs(ms)}) - 1`,
  countDistinct: (expr, where) => (where ? `uniqExactIf(${expr}, ${where})` : `uniqExact(${expr})`),
  countIf: (cond) => `countIf(${cond})`,
  toInt64: (expr) => `toInt64(${expr})`,
  cte: (name, sql) => `${name} AS (${sql})`,
  // ClickHouse's LIKE escapes with `\` already; the pattern is a bound value, so no literal escaping applies.
  like: (text, pattern) => `${text} LIKE ${pattern}`,
  // ClickHouse string literals treat `\` as an escape: double it so the RE2 pattern arrives as written.
  regexpExtract: (text, pattern, group) =>
    `regexpExtract(${text}, '${noQuote(pattern).replaceAll('\\', '\\\\')}', ${group})`,
  anyValue: (expr) => `any(${expr})`,
  // quantileExactInclusive interpolates as DuckDB's quantile_cont does (R's type 7); never the sampled `quantile`.
  quantileCont: (expr, q) => `quantileExactInclusive(${Number(q)})(${expr})`,
  tryDouble: (text) => `toFloat64OrNull(${text})`,
  // Nullable(String) cannot hold an array: the callers keep NULL properties out.
  jsonKeys: (json) => `arrayJoin(JSONExtractKeys(assumeNotNull(${json})))`,
  nullSafeEq: (a, b) => `isNotDistinctFrom(${a}, ${b})`,
  // A stored column (migrations.ts): DuckDB's rowid has no ClickHouse counterpart.
  rowId: 'event_seq',
  bitMaskAgg: (i) => `groupBitOr(bitShiftLeft(toUInt128(1), ${i}))`,
  // `bitTest` refuses a 128-bit mask: shift and mask instead.
  bitTest: (mask, i) => `bitAnd(bitShiftRight(${mask}, ${i}), 1) = 1`,
  // No correlated subqueries: the matching rows' columns as arrays (an uncorrelated scalar subquery
  // each), and a lambda whose parameters carry the columns' names, so `cond` reads as written.
  existsIn: (relation, filter, columns, cond) => {
    const rows = `(SELECT groupArray(tuple(${columns.join(', ')})) FROM (${relation}) AS r WHERE ${filter})`
    const arrays = columns.map((_, i) => `arrayMap(t -> t.${i + 1}, ${rows})`)
    return `arrayExists((${columns.join(', ')}) -> ${cond}, ${arrays.join(', ')})`
  },
  series: (count, column) => `(SELECT number AS ${column} FROM numbers(${count})) AS series_${column}`,
}
