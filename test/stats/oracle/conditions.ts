// The oracle of the `conditions` parameter: each operator by its documented meaning, in plain
// TypeScript over the stored rows (String.includes / startsWith / RegExp, not SQL LIKE or RE2).
import { fieldValue, type Row } from './oracle'
import { sessionPages, sessionValue } from './sessions-goals'

/** A condition as sent: `[operator, name, values]`. */
export type Condition = [op: string, name: string, values: string[]]

type Pages = ReturnType<typeof sessionPages>

/** The value of `name` for a row (session fields from the scope's session pages). */
function rowValue(row: Row, name: string, pages: Pages): string | null {
  if (name === 'entry_page' || name === 'exit_page') return sessionValue(pages, row, name)
  return fieldValue(row, name)
}

/** Whether the value passes the condition: any value may match; negations keep missing values. */
export function holdsValue(v: string | null, op: string, values: string[], name = ''): boolean {
  const want = values.map((x) => (x === '' ? null : name === 'country' ? x.toUpperCase() : x))
  switch (op) {
    case 'is':
      return want.includes(v)
    case 'is_not':
      return !want.includes(v)
    case 'contains':
      return v !== null && values.some((x) => v.includes(x))
    case 'does_not_contain':
      return v === null || !values.some((x) => v.includes(x))
    case 'starts_with':
      return v !== null && values.some((x) => v.startsWith(x))
    case 'matches':
      return v !== null && values.some((x) => new RegExp(x).test(v))
  }
  throw new Error(`unknown operator ${op}`)
}

/** The rows of `scope` (one site's rows of the period) passing every condition. */
export function select(scope: Row[], conditions: Condition[]): Row[] {
  const pages = sessionPages(scope)
  return scope.filter((r) =>
    conditions.every(([op, name, values]) => holdsValue(rowValue(r, name, pages), op, values, name)),
  )
}
