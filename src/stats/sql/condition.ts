// The SQL of one condition of the `filters` parameter on an expression: `is` / `is_not` as IN lists
// (a missing value as IS NULL), the text operators as LIKE patterns or a regular expression, any value
// matching (OR). Every value is bound; LIKE's wildcards in a value are escaped, so a value is literal.
// The negated operators keep rows where the expression is NULL (a missing field contains nothing).
import type { ConditionFilter } from '../parse/filters'
import type { Params } from './params'
import { regexpMatchSql } from './regexp'

/** `value` as a literal inside a LIKE pattern (the dialect's LIKE escapes with a backslash). */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`)

/** SQL true for an `is` list: `expr` equals a listed value, or is NULL when `null` is listed. */
function isAnySql(expr: string, values: (string | null)[], p: Params): string {
  const present = values.filter((v): v is string => v !== null)
  const parts: string[] = []
  if (values.length !== present.length) parts.push(`${expr} IS NULL`)
  if (present.length > 0) parts.push(`${expr} IN (${present.map((v) => p.add(v)).join(', ')})`)
  return anyOf(parts)
}

/** SQL of the condition `c` on the text expression `expr`. */
export function conditionSql(expr: string, c: Pick<ConditionFilter, 'op' | 'values'>, p: Params): string {
  const d = p.dialect
  const texts = c.values.filter((v): v is string => v !== null)
  switch (c.op) {
    case 'is':
      return isAnySql(expr, c.values, p)
    case 'is_not':
      // NULL IN (…) is NULL: a missing value is kept unless "" (null) is listed.
      return c.values.includes(null)
        ? `(${expr} IS NOT NULL${texts.length ? ` AND ${expr} NOT IN (${texts.map((v) => p.add(v)).join(', ')})` : ''})`
        : `(${expr} IS NULL OR ${expr} NOT IN (${texts.map((v) => p.add(v)).join(', ')}))`
    case 'contains':
      return anyOf(texts.map((v) => d.like(expr, p.add(`%${likeLiteral(v)}%`))))
    case 'does_not_contain':
      return `(${expr} IS NULL OR NOT (${anyOf(texts.map((v) => d.like(expr, p.add(`%${likeLiteral(v)}%`))))}))`
    case 'starts_with':
      return anyOf(texts.map((v) => d.like(expr, p.add(`${likeLiteral(v)}%`))))
    case 'matches':
      return anyOf(texts.map((v) => regexpMatchSql(d, expr, p.add(v))))
  }
}
