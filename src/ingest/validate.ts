// Validation of one event: the compiled schema check, then the rules a schema cannot say
// (timestamp window, URL shape). Returns the normalised row or the list of bad fields.
import { Type } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors'
import { type FieldIssue, jsonPath } from '../errors'
import { CLIENT_FIELDS, type ClientField, type EventRow } from '../events/fields'
import { generateFunction, identifier } from '../events/generate'
import { isUrlOrPath, textProblem, URL_RULE } from '../events/value-rules'
import { EventInput, LIMITS } from './model'

const check = TypeCompiler.Compile(EventInput)
/**
 * The same check, fast: TypeBox compiles `additionalProperties: false` as an array literal built and
 * searched for every key of every event; here the properties are checked by the compiled schema
 * without that rule, and the keys against a Set. Exactly `check.Check` (the tests compare them); a
 * failure goes to `check.Errors` for the messages.
 */
const checkProperties = TypeCompiler.Compile(Type.Object(EventInput.properties))
const KNOWN_FIELDS = new Set(Object.keys(EventInput.properties))

/** Whether `value` (an object) passes the `EventInput` schema; see `checkProperties`. */
export function checkEvent(value: object): boolean {
  if (!checkProperties.Check(value)) return false
  for (const k of Object.getOwnPropertyNames(value)) if (!KNOWN_FIELDS.has(k)) return false
  return true
}
const FUTURE_MS = 5 * 60_000
const DAY_MS = 86_400_000

/** A validated event, normalised for storage; its type is derived from the event field list. */
export type { EventRow }

/** Options of `validateEvent`. */
export interface ValidateOptions {
  now: number
  maxEventAgeDays: number
  /** Prefix for JSON paths, e.g. `$.events[3]`. */
  path?: string
  /**
   * The event was parsed from strictly decoded UTF-8 JSON text without any `\u` escape: then no text in
   * it can hold a NUL (JSON refuses raw control characters) or a lone surrogate, and the text rule's scan
   * of every field is skipped (property names are still checked for length and `__proto__`).
   */
  plainText?: boolean
}

export type Validated = { ok: true; row: EventRow } | { ok: false; issues: FieldIssue[] }

function schemaIssues(value: unknown, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  for (const e of check.Errors(value)) {
    if (e.type === ValueErrorType.ObjectAdditionalProperties) {
      const known = new Set(Object.keys(EventInput.properties))
      const unknown =
        value && typeof value === 'object' ? Object.keys(value).filter((k) => !known.has(k)) : []
      for (const k of unknown) {
        const path = `${prefix}.${k}`
        if (!seen.has(path)) issues.push({ path, message: `unknown field "${k}"${hint(k)}` })
        seen.add(path)
      }
      continue
    }
    const leaf = deepest(e)
    const path = prefix + jsonPath(leaf.path).slice(1)
    if (seen.has(path)) continue
    seen.add(path)
    issues.push({ path, message: messageOf(leaf) })
    if (issues.length >= 20) break
  }
  return issues
}

/** For a union of a type with null, the error of the non-null variant (it says what was expected). */
function deepest(e: ValueError): ValueError {
  if (e.type !== ValueErrorType.Union) return e
  for (const variant of e.errors) {
    const first = variant.First()
    if (first && first.schema.type !== 'null')
      return first.path.length > e.path.length || first.type !== ValueErrorType.Union ? deepest(first) : first
  }
  return e
}

function messageOf(e: ValueError): string {
  if (e.type === ValueErrorType.ObjectRequiredProperty) return 'is required'
  if (
    /^\/properties\/./.test(e.path) &&
    !/^\/properties\/[^/]+\//.test(e.path) &&
    e.type !== ValueErrorType.StringMaxLength
  )
    return 'expected a string, a finite number, a boolean or null'
  if (e.type === ValueErrorType.Union) return `has the wrong type (${typeOf(e.value)})`
  return e.message.replace(/^Expected/, 'expected')
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v
}

function hint(field: string): string {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  return snake !== field && snake in EventInput.properties ? ` (did you mean "${snake}"?)` : ''
}

/** Fields whose text is checked for NUL characters and lone surrogates: every text and URL field. */
export const TEXT_FIELDS = CLIENT_FIELDS.filter((f) => f.rule === 'text' || f.rule === 'url').map(
  (f) => f.name,
)

/** Fields that must hold an absolute http(s) URL or a path. */
export const URL_FIELDS = CLIENT_FIELDS.filter((f) => f.rule === 'url').map((f) => f.name)

/**
 * Text fields and properties must keep the text rule (`textProblem`); `__proto__` as a property name is refused so no consumer of `properties` can ever be tricked into a prototype write.
 */
function textIssues(e: EventInput, prefix: string, plainText = false): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!plainText)
    for (const f of TEXT_FIELDS) {
      const v = e[f]
      const problem = typeof v === 'string' ? textProblem(v) : undefined
      if (problem) issues.push({ path: `${prefix}.${f}`, message: problem })
    }
  if (e.properties)
    for (const k of Object.keys(e.properties)) {
      const v = e.properties[k]
      const problem =
        k === '__proto__'
          ? 'is a reserved name'
          : k.length < 1 || k.length > LIMITS.propertyKey
            ? `property names must be 1 to ${LIMITS.propertyKey} characters`
            : plainText
              ? undefined
              : (textProblem(k) ?? (typeof v === 'string' ? textProblem(v) : undefined))
      if (problem) issues.push({ path: propertyPath(prefix, k), message: problem })
    }
  return issues
}

/** `$.properties.plan`, or `$.properties["odd key"]` when the name is not an identifier. */
function propertyPath(prefix: string, k: string): string {
  return `${prefix}.properties${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k.slice(0, 64))}]`}`
}

const blank = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v === '' ? null : v

/** Validate one event; `value` is whatever JSON the client sent. */
export function validateEvent(value: unknown, opts: ValidateOptions): Validated {
  const prefix = opts.path ?? '$'
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, issues: [{ path: prefix, message: 'must be a JSON object' }] }
  if (!checkEvent(value)) return { ok: false, issues: schemaIssues(value, prefix) }
  const e = value as EventInput
  const issues = textIssues(e, prefix, opts.plainText)
  const oldest = opts.now - opts.maxEventAgeDays * DAY_MS
  if (e.timestamp < 100_000_000_000 && e.timestamp > 0)
    issues.push({
      path: `${prefix}.timestamp`,
      message: 'looks like seconds; send Unix time in milliseconds',
    })
  else if (e.timestamp < oldest)
    issues.push({
      path: `${prefix}.timestamp`,
      message: `must be within the last ${opts.maxEventAgeDays} days`,
    })
  else if (e.timestamp > opts.now + FUTURE_MS)
    issues.push({ path: `${prefix}.timestamp`, message: 'must not be more than 5 minutes in the future' })
  for (const f of URL_FIELDS) {
    const url = blank(e[f])
    if (url !== null && !isUrlOrPath(url)) issues.push({ path: `${prefix}.${f}`, message: URL_RULE })
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, row: toRow(e, opts.now) }
}

/** A client field's stored value as an expression of the generated `toRow` (its parameters: e, now). */
function rowExpression(f: ClientField): string {
  const name: string = f.name
  const v = `e.${identifier(name)}`
  switch (f.rule) {
    case 'epoch-ms':
      // Up to 5 minutes ahead is client clock skew: store the receive time, so "now" queries count it.
      return `Math.min(${v}, now)`
    case 'country':
      return `${v} ? ${v}.toUpperCase() : null`
    case 'json':
      return `${v} && Object.keys(${v}).length > 0 ? JSON.stringify(${v}) : null`
    case 'text':
    case 'url':
      return f.nullable ? `blank(${v})` : v
    default:
      throw new Error(`toRow: no rule for the client field ${name}`)
  }
}

/**
 * The stored form of a valid event: empty text → null, country upper-cased, properties as JSON text
 * (none: null), the timestamp at most `now`. Generated from the field list at load time (one object
 * literal, in field order, as the hand-unrolled version was); test/ingest/event-fields.test.ts checks it
 * against a reference driven by the list's rules.
 */
export const toRow: (e: EventInput, now: number) => EventRow = generateFunction(
  'toRow',
  ['e', 'now'],
  `return {\n${CLIENT_FIELDS.map((f) => `  ${identifier(f.key)}: ${rowExpression(f)},`).join('\n')}\n}`,
  { blank },
)

/** One line summarising issues, e.g. `$.timestamp: must be within the last 30 days`. */
export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ')
}
