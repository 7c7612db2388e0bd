// Checking a goal's fields across each other, and turning a page pattern into a LIKE pattern: `*` is
// any run of characters; `%`, `_` and `\` are escaped with `\` so they match themselves. The result
// is stored and compared as a value (LIKE … ESCAPE '\'), never spliced into SQL.

import { ValidationError } from '../errors'
import { PROPERTY_KEY } from '../events/property-names'
import { textProblem } from '../events/value-rules'
import type { GoalSpec } from './model'

/** The LIKE pattern (escape character `\`) of a page-path pattern with `*` wildcards. */
export function likePattern(path: string): string {
  return path.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll('*', '%')
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`Invalid goal: ${field} ${message}`, [{ path: `$.${field}`, message }])
}

/** Check a goal's fields together; a ValidationError (422) names the first bad one. */
export function checkGoal(g: GoalSpec): GoalSpec {
  for (const [field, value] of Object.entries(g)) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined
    if (problem) throw invalid(field, problem)
  }
  if (g.name.trim() === '') throw invalid('name', 'must not be blank')
  if (g.kind === 'event') {
    if (!g.event_type) throw invalid('event_type', 'is required for an event goal')
    if (g.page_path !== null) throw invalid('page_path', 'is only for a page goal')
  } else {
    if (!g.page_path) throw invalid('page_path', 'is required for a page goal')
    if (!g.page_path.startsWith('/') && !g.page_path.startsWith('*'))
      throw invalid('page_path', 'must be a path pattern starting with / (or *)')
    if (/[?#\s]/.test(g.page_path))
      throw invalid('page_path', 'must not contain ?, # or white space (it matches the path only)')
    if (g.event_type !== null) throw invalid('event_type', 'is only for an event goal')
  }
  if (g.property_key !== null && !PROPERTY_KEY.test(g.property_key))
    throw invalid('property_key', 'must be 1 to 64 letters, digits, _ . : or - (not starting with . : or -)')
  if ((g.property_key === null) !== (g.property_value === null))
    throw invalid(
      g.property_key === null ? 'property_key' : 'property_value',
      'property_key and property_value go together',
    )
  return g
}
