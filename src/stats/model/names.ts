// Registry names as schemas. A name a user chooses (metric, period, interval, dimension, compare mode,
// export format) is an `enum` in the OpenAPI document, so generated clients get literal types; an
// unknown one still gets the 422 of src/stats/parse/names.ts that lists the allowed names: the schema's
// custom-error hook reruns that same check and hands its ValidationError to the error funnel.
import { t } from 'elysia'
import { ValidationError } from '../../errors'
import { pick } from '../parse/names'

interface NameOptions {
  description: string
  examples?: string[]
}

/** What Elysia passes to a schema's `error` function: `found` is the whole query or body. */
interface ErrorContext {
  found?: unknown
}

/**
 * Elysia's custom-error hook for the field `param`: `check` (a parser of src/stats/parse) runs on the
 * raw value and its ValidationError becomes the response. A repeated parameter (an array) is its own error.
 */
export function friendlyError(param: string, check: (raw: string) => unknown) {
  return ({ found }: ErrorContext): ValidationError => {
    const raw = found && typeof found === 'object' ? (found as Record<string, unknown>)[param] : undefined
    if (typeof raw !== 'string')
      return new ValidationError(`${param} must be given once, as text`, [
        { path: `$.${param}`, message: 'must be a single string' },
      ])
    try {
      check(raw)
    } catch (err) {
      if (err instanceof ValidationError) return err
    }
    return new ValidationError(`Invalid ${param}`, [{ path: `$.${param}`, message: 'is not valid' }])
  }
}

/** The list as Elysia's UnionEnum wants it: a non-empty tuple. */
function nonEmpty<T extends string>(names: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = names
  if (first === undefined) throw new Error('a name list must not be empty')
  return [first, ...rest]
}

/**
 * A closed list of names in a response: `{type: string, enum}` in the document. `default: undefined`
 * drops the default UnionEnum would add (the first name), which would be wrong for most fields.
 */
export function nameEnum<T extends string>(names: readonly T[], options: Partial<NameOptions> = {}) {
  return t.UnionEnum(nonEmpty(names), { default: undefined, ...options })
}

/**
 * A request field taking one of `names`: an enum in the document; an unknown name is the registry's
 * 422 (`Unknown metric "x": allowed are …`). Elysia must not fill in a default either: the handler
 * needs to see whether the field was sent (`metric` and `metrics` exclude each other).
 */
export function nameParam<T extends string>(param: string, names: readonly T[], options: NameOptions) {
  return t.UnionEnum(nonEmpty(names), {
    default: undefined,
    ...options,
    error: friendlyError(param, (raw) => pick(param, raw, names)),
  })
}

/** A regular-expression alternative of `names` (registry names: letters, digits and `_` only). */
export function alternation(names: readonly string[]): string {
  return `(?:${names.join('|')})`
}
