// Strict JSON parsing for request bodies: JSON.parse, then two checks it does not make. Nesting deeper
// than any valid payload (the batch body is 4 levels deep) is refused, so no later recursive step can
// overflow the stack. Duplicate keys are refused, because which copy wins differs between parsers
// (a proxy validating the first `site_id` while PULSE stores the last is a classic smuggling trick).
// The duplicate check is cheap on the hot path: the keys found in the text (a scan from quote to quote)
// are counted against the own keys of the parsed objects; only on a mismatch does a slower scan name the key.
import { AppError } from './errors'

/** Deepest nesting of arrays and objects accepted in a request body. */
export const MAX_JSON_DEPTH = 32

/** Parse `text` as JSON; 400 when invalid, nested deeper than `MAX_JSON_DEPTH` or holding duplicate keys. */
export function parseJsonStrict(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new AppError(400, `Request body is not valid JSON: ${(err as Error).message.slice(0, 120)}`)
  }
  if (value === null || typeof value !== 'object') return value
  const parsedKeys = countParsedKeys(value)
  if (parsedKeys < 0)
    throw new AppError(400, `Request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels`)
  if (countTextKeys(text) !== parsedKeys) {
    const dup = findDuplicateKey(text)
    throw new AppError(
      400,
      `Request body has a duplicate key${dup ? ` "${dup.slice(0, 64)}"` : ''}: each key may appear once per object`,
    )
  }
  return value
}

/** Own keys of every object in `root` (iteratively: no recursion on hostile input); -1 when too deep. */
function countParsedKeys(root: object): number {
  let keys = 0
  const stack: unknown[] = [root]
  const depths: number[] = [1]
  while (stack.length > 0) {
    const v = stack.pop()
    const depth = depths.pop() as number
    if (depth > MAX_JSON_DEPTH) return -1
    if (Array.isArray(v)) {
      for (const item of v)
        if (item !== null && typeof item === 'object') {
          stack.push(item)
          depths.push(depth + 1)
        }
    } else {
      const obj = v as Record<string, unknown>
      for (const k of Object.keys(obj)) {
        keys++
        const item = obj[k]
        if (item !== null && typeof item === 'object') {
          stack.push(item)
          depths.push(depth + 1)
        }
      }
    }
  }
  return keys
}

/** End index (the closing quote) of the JSON string starting at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let j = start + 1
  for (;;) {
    j = text.indexOf('"', j)
    if (j === -1) return -1
    let backslashes = 0
    for (let k = j - 1; text.charCodeAt(k) === 92; k--) backslashes++
    if (backslashes % 2 === 0) return j
    j++
  }
}

/** Index of the first non-whitespace character at or after `i`. */
function skipSpace(text: string, i: number): number {
  let c = text.charCodeAt(i)
  while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++i)
  return i
}

/** Strings followed by `:` in valid JSON text: its object keys, duplicates included. */
function countTextKeys(text: string): number {
  let n = 0
  let i = text.indexOf('"')
  while (i !== -1) {
    const end = stringEnd(text, i)
    if (end === -1) return n
    const next = skipSpace(text, end + 1)
    if (text.charCodeAt(next) === 58) n++
    i = text.indexOf('"', next)
  }
  return n
}

/** The first key that appears twice in one object of valid JSON `text` (slow path, errors only). */
export function findDuplicateKey(text: string): string | undefined {
  const scopes: (Set<string> | null)[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 123) scopes.push(new Set())
    else if (c === 91) scopes.push(null)
    else if (c === 125 || c === 93) scopes.pop()
    else if (c === 34) {
      const end = stringEnd(text, i)
      if (end === -1) return undefined
      const next = skipSpace(text, end + 1)
      const scope = scopes[scopes.length - 1]
      if (scope && text.charCodeAt(next) === 58) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        if (scope.has(key)) return key
        scope.add(key)
      }
      i = end
    }
  }
  return undefined
}
