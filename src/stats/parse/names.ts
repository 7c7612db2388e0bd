// Checking names against the registry: an unknown metric, period, interval, dimension, format or query
// parameter is a 422 whose message lists the allowed values.
import { ValidationError } from '../../errors'

/** Pick `name` from `allowed` or throw 422 naming the parameter and the allowed values. */
export function pick<T extends string>(param: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(name)) return name as T
  throw new ValidationError(`Unknown ${param} "${name.slice(0, 64)}": allowed are ${allowed.join(', ')}`, [
    { path: `$.${param}`, message: `must be one of ${allowed.join(', ')}` },
  ])
}

/** A comma-separated list of names, each picked from `allowed`, without duplicates. */
export function pickList<T extends string>(param: string, list: string, allowed: readonly T[]): T[] {
  const names = list.split(',').map((s) => s.trim())
  if (names.some((n) => n === ''))
    throw new ValidationError(`${param} must be a comma-separated list of names`, [
      { path: `$.${param}`, message: `must be a comma-separated list of ${allowed.join(', ')}` },
    ])
  return [...new Set(names.map((n) => pick(param, n, allowed)))]
}

/**
 * Refuse query parameters that are not in `allowed` (and not `property.<key>` when `properties`), so
 * a misspelt filter is an error instead of a silently unfiltered answer.
 */
export function checkParamNames(
  query: Record<string, unknown>,
  allowed: readonly string[],
  properties: boolean,
): void {
  for (const name of Object.keys(query)) {
    if (allowed.includes(name)) continue
    if (properties && name.startsWith('property.')) continue
    const list = properties ? [...allowed, 'property.<key>'] : allowed
    throw new ValidationError(`Unknown parameter "${name.slice(0, 64)}": allowed are ${list.join(', ')}`, [
      { path: `$.${name.slice(0, 64)}`, message: 'is not a parameter of this endpoint' },
    ])
  }
}
