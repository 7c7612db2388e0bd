// Event filters from query parameters (`url=/pricing`, `property.plan=pro`) or a funnel body's
// `filters` object. Field names come from the registry, property keys must match PROPERTY_KEY, and a
// value no stored event could hold (by the ingest rules) is a 422. An empty value means "missing".

import { type DomainError, ValidationError } from '../../errors'
import { LIMITS as EVENT_LIMITS } from '../../events/fields'
import { isUrlOrPath, textProblem, URL_RULE } from '../../events/value-rules'
import {
  FILTER_FIELDS,
  FILTERS,
  type Field,
  type FilterField,
  type FilterOperator,
  PROPERTY_FILTER_PREFIX,
  PROPERTY_KEY,
} from '../registry'

/** What a filter compares: a registry field, or a custom property by its key. */
export type FilterTarget = { field: Field } | { property: string }
/** One equality filter (`url=/pricing`): the target and its value; `null` matches a missing value. */
export type EqualityFilter = FilterTarget & { value: string | null }
/**
 * One condition of the `filters` parameter (src/stats/parse/conditions.ts): an operator and its values,
 * any of which may match (OR); `null` is a missing value (only in `is` / `is_not`).
 */
export type ConditionFilter = FilterTarget & { op: FilterOperator; values: (string | null)[] }
/** A filter: an equality from a query parameter, or a condition with an operator. */
export type Filter = EqualityFilter | ConditionFilter

/** Each filter field's rules, from the registry (and so from the event field list). */
export const SPEC = Object.fromEntries(FILTERS.map((f) => [f.name, f])) as Record<Field, FilterField>

export function invalid(name: string, message: string): DomainError {
  return new ValidationError(`Invalid filter ${name.slice(0, 80)}: ${message}`, [
    { path: `$.${name.slice(0, 80)}`, message },
  ])
}

export function checkText(name: string, value: string, max: number): void {
  if (value.length > max) throw invalid(name, `must be at most ${max} characters`)
  const problem = textProblem(value)
  if (problem) throw invalid(name, problem)
}

export function fieldFilter(field: Field, raw: string): EqualityFilter {
  if (raw === '') return { field, value: null }
  const spec = SPEC[field]
  checkText(field, raw, spec.maxLength)
  if (spec.rule === 'flag') {
    if (raw !== 'true' && raw !== 'false') throw invalid(field, 'must be true or false')
    return { field, value: raw }
  }
  if (spec.rule === 'country') {
    if (!/^[A-Za-z]{2}$/.test(raw)) throw invalid(field, 'must be a two-letter country code')
    return { field, value: raw.toUpperCase() }
  }
  if (spec.rule === 'url' && !isUrlOrPath(raw)) throw invalid(field, URL_RULE)
  return { field, value: raw }
}

/** The filter named `name` with value `raw`, or undefined when `name` is not a filter. */
export function parseFilter(name: string, raw: string): EqualityFilter | undefined {
  if ((FILTER_FIELDS as string[]).includes(name)) return fieldFilter(name as Field, raw)
  if (!name.startsWith(PROPERTY_FILTER_PREFIX)) return undefined
  const key = name.slice(PROPERTY_FILTER_PREFIX.length)
  if (!PROPERTY_KEY.test(key))
    throw invalid(name, 'property keys are 1 to 64 letters, digits, _ . : or - (not starting with . : or -)')
  if (raw === '') return { property: key, value: null }
  checkText(name, raw, EVENT_LIMITS.propertyValue)
  return { property: key, value: raw }
}

function isFilterName(name: string): boolean {
  return (FILTER_FIELDS as string[]).includes(name) || name.startsWith(PROPERTY_FILTER_PREFIX)
}

/** Every filter among `entries` (other names are ignored: the caller checks names). */
export function parseFilters(entries: Record<string, unknown>): EqualityFilter[] {
  const out: EqualityFilter[] = []
  for (const [name, raw] of Object.entries(entries)) {
    if (raw === undefined || !isFilterName(name)) continue
    if (typeof raw !== 'string') throw invalid(name, 'must be a string')
    const f = parseFilter(name, raw)
    if (f) out.push(f)
  }
  return out
}

/**
 * Check a locked filter of a read-only key or share link as a read would (422 for an unknown name or a bad
 * value), so a key is never made that no read could use.
 */
export function checkLockedFilters(filters: Record<string, string>): void {
  for (const [name, raw] of Object.entries(filters)) {
    if (!isFilterName(name)) throw invalid(name, 'is not a filter')
    parseFilter(name, raw)
  }
}
