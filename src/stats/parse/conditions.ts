// The `conditions` parameter (a funnel body's `conditions`): a JSON array of conditions `[operator, name, values]`, for example
// `[["contains","url",["/blog/"]],["is_not","referrer_domain",[""]]]`. Operators come from the registry,
// names are the filter parameter names (`url`, `property.plan`), values are strings (any may match: OR).
// Each value is checked as the query parameter's value would be; a `matches` pattern is checked here, at
// parse time, so an engine never sees one it could choke on. A single-value `is` becomes the plain
// equality filter, so it plans and runs exactly as `url=/pricing` does.
import { type DomainError, ValidationError } from '../../errors'
import { LIMITS as EVENT_LIMITS } from '../../events/fields'
import {
  EQUALITY_OPERATORS,
  FILTER_FIELDS,
  FILTER_OPERATOR_NAMES,
  type FilterOperator,
  LIMITS,
  PROPERTY_FILTER_PREFIX,
  PROPERTY_KEY,
} from '../registry'
import { checkText, type Filter, type FilterTarget, fieldFilter, SPEC } from './filters'
import { checkPattern } from './pattern'

const TEXT_OPERATORS: readonly FilterOperator[] = ['contains', 'does_not_contain', 'starts_with', 'matches']

function bad(path: string, message: string): DomainError {
  return new ValidationError(`Invalid conditions: ${path.slice(2)} ${message}`, [{ path, message }])
}

/** The target of a condition's name, or a 422 at `path`. */
function targetOf(name: unknown, path: string): FilterTarget {
  if (typeof name !== 'string') throw bad(path, 'must be a filter name')
  if ((FILTER_FIELDS as string[]).includes(name)) return { field: name as (typeof FILTER_FIELDS)[number] }
  if (name.startsWith(PROPERTY_FILTER_PREFIX)) {
    const key = name.slice(PROPERTY_FILTER_PREFIX.length)
    if (PROPERTY_KEY.test(key)) return { property: key }
  }
  throw bad(path, `must be one of ${[...FILTER_FIELDS, 'property.<key>'].join(', ')}`)
}

/** One value of a condition, checked as its field's values are; null for "" (missing) in is / is_not. */
function checkValue(target: FilterTarget, op: FilterOperator, raw: unknown, path: string): string | null {
  if (typeof raw !== 'string') throw bad(path, 'must be a string')
  const label = 'field' in target ? target.field : `${PROPERTY_FILTER_PREFIX}${target.property}`
  if (TEXT_OPERATORS.includes(op)) {
    if (raw === '') throw bad(path, `must not be empty with ${op}`)
    if (op === 'matches') {
      const problem = checkPattern(raw)
      if (problem) throw bad(path, `is not an accepted pattern: ${problem}`)
      return raw
    }
    const max = 'field' in target ? SPEC[target.field].maxLength : EVENT_LIMITS.propertyValue
    checkText(label, raw, max)
    return 'field' in target && SPEC[target.field].rule === 'country' ? raw.toUpperCase() : raw
  }
  if ('property' in target) {
    if (raw === '') return null
    checkText(label, raw, EVENT_LIMITS.propertyValue)
    return raw
  }
  try {
    return fieldFilter(target.field, raw).value
  } catch (err) {
    if (err instanceof ValidationError) throw bad(path, err.message.replace(/^Invalid filter \S+: /, ''))
    throw err
  }
}

/** One condition at `$.conditions[i]`. */
function conditionOf(item: unknown, i: number): Filter {
  const at = `$.conditions[${i}]`
  if (!Array.isArray(item) || item.length !== 3) throw bad(at, 'must be [operator, name, [values]]')
  const [op, name, values] = item
  if (typeof op !== 'string' || !(FILTER_OPERATOR_NAMES as string[]).includes(op))
    throw bad(`${at}[0]`, `must be one of ${FILTER_OPERATOR_NAMES.join(', ')}`)
  const operator = op as FilterOperator
  const target = targetOf(name, `${at}[1]`)
  const spec = 'field' in target ? SPEC[target.field] : undefined
  const keyed = spec?.rule === 'flag' || spec?.level !== undefined
  if (keyed && !(EQUALITY_OPERATORS as readonly string[]).includes(operator))
    throw bad(`${at}[0]`, `must be ${EQUALITY_OPERATORS.join(' or ')} for ${name}`)
  if (!Array.isArray(values) || values.length === 0 || values.length > LIMITS.maxConditionValues)
    throw bad(`${at}[2]`, `must be a list of 1 to ${LIMITS.maxConditionValues} strings`)
  const list = values.map((v, j) => checkValue(target, operator, v, `${at}[2][${j}]`))
  if (spec?.rule === 'flag') {
    if (operator !== 'is' || list.length !== 1 || list[0] === null)
      throw bad(at, `${name} takes only ["is", "${name}", ["true"|"false"]]`)
    return { ...target, value: list[0] }
  }
  if (operator === 'is' && list.length === 1) return { ...target, value: list[0]! }
  return { ...target, op: operator, values: [...new Set(list)] }
}

/** The conditions of the `conditions` parameter (JSON text), or none when it is absent or empty. */
export function parseConditions(raw: unknown): Filter[] {
  if (raw === undefined || raw === '') return []
  let parsed: unknown = raw
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw)
    } catch {
      throw bad('$.conditions', 'must be a JSON array of [operator, name, [values]]')
    }
  }
  if (!Array.isArray(parsed)) throw bad('$.conditions', 'must be a JSON array of [operator, name, [values]]')
  if (parsed.length > LIMITS.maxConditions)
    throw bad('$.conditions', `must hold at most ${LIMITS.maxConditions} conditions`)
  return parsed.map(conditionOf)
}
