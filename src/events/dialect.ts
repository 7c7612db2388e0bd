// The SQL dialect of an engine that stores events: every construct the read builders (src/stats/sql/) and
// the stored keys (keys.ts) spell differently from one engine to another goes through a `Dialect`, so a
// second engine implements the same plans by providing its own object, not by rewriting finished SQL
// (in ClickHouse `//` starts a comment, placeholders carry their type, `md5_number_lower` is not a function).
// Everything else the builders write is SQL that both DuckDB and ClickHouse read the same way.

/** The type of a bound value, for engines whose placeholders carry it (ClickHouse's `{p1:String}`). */
/** A bound value's type; `uint` is an unsigned 64-bit integer beyond the signed range (a stored key, XXH64). */
export type ParamType = 'text' | 'int' | 'uint' | 'float' | 'bool'

/** How one engine spells the constructs that differ between engines. */
export interface Dialect {
  readonly name: string
  /**
   * The placeholder of the `index`-th bound value (from 1) of `type`. `arithmetic`: the value takes part
   * in arithmetic and must be typed as a 64-bit integer there (DuckDB would infer HUGEINT from a bigint).
   */
  param(index: number, type: ParamType, arithmetic?: boolean): string
  /** Integer division, truncating (both operands integers, each one term: parenthesise sums). */
  intDiv(a: string, b: string): string
  /** The stored 64-bit key of a text (the low 64 bits of its MD5, unsigned; NULL text, NULL key). */
  key(text: string): string
  /** The `value` of the row with the smallest (or greatest) tuple `order`, compared left to right. */
  argMin(value: string, order: readonly string[]): string
  argMax(value: string, order: readonly string[]): string
  /** The value to bind that addresses the property `key` of the JSON `properties` column. */
  propertyPath(key: string): string
  /** SQL of that address built from a SQL text expression holding a key (a column of the goals). */
  propertyPathSql(keyExpr: string): string
  /** A property of the JSON text `json` as text (NULL when absent), at `path` (bound or `propertyPathSql`). */
  property(json: string, path: string): string
  /** The month index `year * 12 + month - 1` of a wall-clock epoch-ms value (the bucket key of `month`). */
  epochMonth(localMs: string): string
  /** The number of distinct non-null values of `expr` (of the rows where `where` holds, if given). */
  countDistinct(expr: string, where?: string): string
  /** The number of rows where `cond` holds. */
  countIf(cond: string): string
  /** `expr` as a signed 64-bit integer (sums, booleans). */
  toInt64(expr: string): string
  /** A common table expression `name` over `sql`, inlined where it is read (never materialised). */
  cte(name: string, sql: string): string
  /** `text` LIKE `pattern`, where `\` escapes `%`, `_` and itself in the pattern. */
  like(text: string, pattern: string): string
  /** Capture group `group` of the first match of the RE2 `pattern` (a constant) in `text`, '' when none. */
  regexpExtract(text: string, pattern: string, group: number): string
  /** Any one value of `expr` in the group. */
  anyValue(expr: string): string
  /** The `q` quantile of `expr`, interpolated linearly between the two nearest values (R's type 7). */
  quantileCont(expr: string, q: number): string
  /** `text` as a DOUBLE, NULL when it is not a number. */
  tryDouble(text: string): string
  /** One row per top-level key of the JSON object `json` (a set-returning expression for a SELECT list). */
  jsonKeys(json: string): string
  /** `a = b`, NULL equal to NULL (a join condition). */
  nullSafeEq(a: string, b: string): string
  /** A column identifying an event row, ordered by write (the raw-event and export cursors). */
  readonly rowId: string
  /** Aggregate: a mask with bit `index` set for each row (`index` from 0 to 127). */
  bitMaskAgg(index: string): string
  /** Whether bit `index` of `mask` is set. */
  bitTest(mask: string, index: string): string
  /** A relation of the integers 0 … count−1 in column `column` (`count` a bound integer). */
  series(count: string, column: string): string
  /**
   * SQL true when some row of `relation` where `filter` holds satisfies `cond`, which names the row's
   * `columns` unqualified beside the outer row's columns (a correlated EXISTS). Absent: the builders write
   * `EXISTS (SELECT 1 FROM (relation) WHERE filter AND cond)`, as DuckDB does.
   */
  existsIn?(relation: string, filter: string, columns: readonly string[], cond: string): string
}

/** A constant pattern for a string literal: one with a quote is a programming error. */
export function noQuote(pattern: string): string {
  if (pattern.includes("'")) throw new Error('a constant pattern holds a quote')
  return pattern
}

/** DuckDB: the embedded default. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  param: (index, _type, arithmetic) => (arithmetic ? `CAST($${index} AS BIGINT)` : `$${index}`),
  intDiv: (a, b) => `${a} // ${b}`,
  key: (text) => `md5_number_lower(${text})`,
  argMin: (value, order) => `arg_min(${value}, (${order.join(', ')}))`,
  argMax: (value, order) => `arg_max(${value}, (${order.join(', ')}))`,
  // A quoted JSON path, so dots stay inside the key.
  propertyPath: (key) => `$."${key}"`,
  propertyPathSql: (keyExpr) => `'$."' || ${keyExpr} || '"'`,
  property: (json, path) => `json_extract_string(${json}, ${path})`,
  epochMonth: (ms) => `year(epoch_ms(${ms})) * 12 + month(epoch_ms(${ms})) - 1`,
  countDistinct: (expr, where) => `count(DISTINCT ${expr})${where ? ` FILTER (WHERE ${where})` : ''}`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  toInt64: (expr) => `${expr}::BIGINT`,
  cte: (name, sql) => `${name} AS NOT MATERIALIZED (${sql})`,
  like: (text, pattern) => `${text} LIKE ${pattern} ESCAPE '\\'`,
  // DuckDB string literals keep backslashes as they are; the patterns are constants without quotes.
  regexpExtract: (text, pattern, group) => `regexp_extract(${text}, '${noQuote(pattern)}', ${group})`,
  anyValue: (expr) => `any_value(${expr})`,
  quantileCont: (expr, q) => `quantile_cont(${expr}, ${Number(q)})`,
  tryDouble: (text) => `TRY_CAST(${text} AS DOUBLE)`,
  jsonKeys: (json) => `unnest(json_keys(${json}))`,
  nullSafeEq: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  rowId: 'rowid',
  bitMaskAgg: (i) => `bit_or(1::UHUGEINT << ${i}::UHUGEINT)`,
  bitTest: (mask, i) => `(${mask} >> ${i}::UHUGEINT) & 1::UHUGEINT = 1::UHUGEINT`,
  series: (count, column) => `range(0, ${count}) t(${column})`,
}
