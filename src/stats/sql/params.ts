// Bound parameters of one statement: every value a user sends becomes a placeholder of the engine's
// dialect (DuckDB `$n`, ClickHouse `{pn:Type}`), never SQL text. The dialect travels with the parameters,
// so every builder that binds a value also spells its engine-specific constructs through `p.dialect`.
import type { DuckDBValue } from '@duckdb/node-api'
import { type Dialect, duckdbDialect, type ParamType } from '../../events/dialect'

/** The type of a bound value, from its JavaScript type. */
function typeOf(value: DuckDBValue): ParamType {
  if (typeof value === 'string') return 'text'
  // A stored key (XXH64, src/events/keys.ts) may exceed Int64: typed Int64 it would never equal its column.
  if (typeof value === 'bigint') return value > 9223372036854775807n ? 'uint' : 'int'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'boolean') return 'bool'
  throw new Error('a bound value is a string, number, bigint or boolean')
}

/** Collects parameter values and hands out their placeholders. */
export class Params {
  readonly values: DuckDBValue[] = []

  constructor(readonly dialect: Dialect = duckdbDialect) {}

  /** Bind `value`; returns its placeholder (`$1`, `$2`, … in DuckDB). */
  add(value: DuckDBValue): string {
    this.values.push(value)
    return this.dialect.param(this.values.length, typeOf(value))
  }

  /** Bind an epoch-ms time as BIGINT. */
  ms(value: number): string {
    return this.add(BigInt(value))
  }

  /** Bind a whole number used in arithmetic, typed BIGINT (a bare bigint parameter would be HUGEINT). */
  bigint(value: number): string {
    this.values.push(BigInt(value))
    return this.dialect.param(this.values.length, 'int', true)
  }
}
