// Bound parameters of one statement: every value a user sends becomes `$n`, never SQL text.
import type { DuckDBValue } from '@duckdb/node-api'

/** Collects parameter values and hands out their placeholders. */
export class Params {
  readonly values: DuckDBValue[] = []

  /** Bind `value`; returns its placeholder (`$1`, `$2`, …). */
  add(value: DuckDBValue): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  /** Bind an epoch-ms time as BIGINT. */
  ms(value: number): string {
    return this.add(BigInt(value))
  }

  /** Bind a whole number used in arithmetic, typed BIGINT (a bare bigint parameter would be HUGEINT). */
  bigint(value: number): string {
    return `CAST(${this.add(BigInt(value))} AS BIGINT)`
  }
}
