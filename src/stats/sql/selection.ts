// The WHERE clause selecting a scope's events: one site, `from <= ts < to`, and each filter as an
// equality (or IS NULL for a missing value) on a registry expression. Every value is bound.
import type { Filter } from '../parse/filters'
import { FIELDS, NOT_BOT_SQL, propertyPath, propertySql } from '../registry'
import type { Range } from '../time/period'
import type { Params } from './params'

/** SQL of the filtered field: a registry expression, or the property's value as text. */
export function filterExpr(f: Filter, p: Params): string {
  return 'field' in f ? FIELDS[f.field] : propertySql(p.add(propertyPath(f.property)))
}

/**
 * Whether bot events are selected: only with `include_bots=true`, or when a filter on `bot_reason` asks
 * for them by name.
 */
function includesBots(filters: Filter[]): boolean {
  return filters.some(
    (f) => 'field' in f && ((f.field === 'include_bots' && f.value === 'true') || f.field === 'bot_reason'),
  )
}

/** `site_id = $ AND ts >= $ AND ts < $ [AND NOT bot] [AND filter …]`. */
export function whereSql(siteId: string, range: Range, filters: Filter[], p: Params): string {
  const parts = [`site_id = ${p.add(siteId)}`, `ts >= ${p.ms(range.from)}`, `ts < ${p.ms(range.to)}`]
  if (!includesBots(filters)) parts.push(NOT_BOT_SQL)
  for (const f of filters) {
    if ('field' in f && f.field === 'include_bots') continue
    const expr = filterExpr(f, p)
    parts.push(f.value === null ? `${expr} IS NULL` : `${expr} = ${p.add(f.value)}`)
  }
  return parts.join(' AND ')
}
