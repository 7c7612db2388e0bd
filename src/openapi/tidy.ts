// The published document, made strict: Elysia's generated document is correct in spirit but trips
// strict tools. `tidyDocument` is a list of named, pure steps over a copy of it; each says which
// validator or generator it satisfies. Facts only the handlers know (hand-built answers, hand-read
// query parameters) are added from `overlay.ts`.

import { ROUTE_PERMISSIONS } from '../accounts/routes-table'
import { OPERATION_IDS } from './operation-ids'
import { applyOverlay } from './overlay'

type Json = any
type Doc = Record<string, Json>

const COMPONENT = '#/components/schemas/'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Elysia's document → the published one (a new object; `raw` is not changed). */
export function tidyDocument(raw: Doc): Doc {
  // A JSON copy: TypeBox schemas carry symbols and functions that only their serialisation drops.
  const doc = JSON.parse(JSON.stringify(raw))
  referenceModels(doc)
  collapseCoercions(doc)
  mapsWithoutNamedKeys(doc)
  jsonBodiesOnly(doc)
  applyOverlay(doc)
  nameOperations(doc)
  declareDraining(doc)
  declareBodyLimit(doc)
  declareRetryAfter(doc)
  declareAccess(doc)
  dropUnusedComponents(doc)
  // Relative: the API is at the root of whichever origin serves this document (behind a proxy too).
  doc.servers = [{ url: '/', description: 'The PULSE server that serves this document' }]
  return doc
}

/** Each operation of `doc`, with its path and method. */
export function operationsOf(doc: Doc): { path: string; method: string; op: Json }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  )
}

/** Replace every node of `node` for which `fn` returns a value (depth first, parents first). */
function rewrite(node: Json, fn: (n: Json) => Json | undefined): Json {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, fn))
  if (node === null || typeof node !== 'object') return node
  const replaced = fn(node)
  if (replaced !== undefined) return replaced
  for (const k of Object.keys(node)) node[k] = rewrite(node[k], fn)
  return node
}

/**
 * `.model()` schemas are inlined by Elysia with `"$id": "#/components/schemas/X"`: JSON Schema 2020-12
 * forbids a fragment in `$id` (Ajv refuses the whole document) and generators emit each copy as a new
 * type. Use a `$ref` to the component instead, and drop the components' own `$id`.
 */
function referenceModels(doc: Doc) {
  const toRef = (n: Json) =>
    typeof n.$id === 'string' && n.$id.startsWith(COMPONENT) ? { $ref: n.$id } : undefined
  doc.paths = rewrite(doc.paths, toRef)
  const schemas = doc.components?.schemas ?? {}
  for (const [name, schema] of Object.entries(schemas) as [string, Json][]) {
    delete schema.$id
    for (const k of Object.keys(schema)) schema[k] = rewrite(schema[k], toRef)
    schemas[name] = schema
  }
}

/**
 * Elysia's `t.Integer`/`t.Numeric` are `anyOf [string with format "integer"|"numeric", number]`, so a
 * query string can be coerced. The document describes the decoded value: an integer (no format that
 * JSON Schema or the OpenAPI registry does not know, no `string | number` in generated clients).
 */
function collapseCoercions(doc: Doc) {
  const isCoercion = (s: Json) => s?.type === 'string' && (s.format === 'integer' || s.format === 'numeric')
  doc.paths = rewrite(doc.paths, collapse)
  const schemas = doc.components?.schemas ?? {}
  for (const name of Object.keys(schemas)) schemas[name] = rewrite(schemas[name], collapse)
  function collapse(n: Json): Json | undefined {
    if (!Array.isArray(n.anyOf) || !n.anyOf.some(isCoercion)) return undefined
    const rest = n.anyOf.filter((s: Json) => !isCoercion(s)).map((s: Json) => rewrite(s, collapse))
    const { anyOf: _, ...outer } = n
    if (rest.length === 1) return { ...rest[0], ...outer }
    return { ...outer, anyOf: rest }
  }
}

/**
 * Maps as `additionalProperties` + `propertyNames`, which every generator types as a record:
 * - `patternProperties` (TypeBox `t.Record`) is typed `object` by some generators;
 * - named `properties` beside an `additionalProperties` schema (funnel `filters`, which a schema
 *   marks with `propertyNames`) give `{ url?: string; [k: string]: string }`, which does not compile
 *   under --strict in oazapfts' and orval's output. The key names stay exact in `propertyNames`.
 */
function mapsWithoutNamedKeys(doc: Doc) {
  const fix = (n: Json): Json | undefined => {
    const pattern = n.patternProperties && Object.keys(n.patternProperties)
    if (pattern?.length === 1 && !n.properties) {
      const { patternProperties, additionalProperties: _, ...rest } = n
      const value = rewrite(patternProperties[pattern[0]], fix)
      return {
        ...rest,
        ...(pattern[0] === '^(.*)$' ? {} : { propertyNames: { pattern: pattern[0] } }),
        additionalProperties: value,
      }
    }
    if (n.propertyNames && n.properties && typeof n.additionalProperties === 'object') {
      const { properties: _, ...rest } = n
      return rest
    }
    return undefined
  }
  doc.paths = rewrite(doc.paths, fix)
  const schemas = doc.components?.schemas ?? {}
  for (const name of Object.keys(schemas)) schemas[name] = rewrite(schemas[name], fix)
}

/**
 * Elysia offers every object body also as a form (urlencoded, multipart). The API is JSON: nested
 * shapes (funnel steps, filters) cannot be sent as a form, and generators would pick a form encoder.
 */
function jsonBodiesOnly(doc: Doc) {
  for (const { op } of operationsOf(doc)) {
    const content = op.requestBody?.content
    if (!content?.['application/json']) continue
    delete content['application/x-www-form-urlencoded']
    delete content['multipart/form-data']
  }
}

/** Stable, readable operation ids (`getStats`, `listSites`), so generated method names read well. */
function nameOperations(doc: Doc) {
  for (const { path, method, op } of operationsOf(doc)) {
    const id = OPERATION_IDS[`${method.toUpperCase()} ${path}`]
    if (id) op.operationId = id
  }
}

/** While the server shuts down, every route but /health answers 503 with Retry-After (`app.ts`). */
function declareDraining(doc: Doc) {
  for (const { path, op } of operationsOf(doc)) {
    if (path === '/health' || op.responses?.['503']) continue
    op.responses = { ...op.responses, 503: errorAnswer('Unavailable: the server is shutting down') }
  }
}

/**
 * The listening server refuses a body over its request limit on every route, with the error envelope
 * (`http/request-limit.ts`); a route's own smaller limit is the same 413.
 */
function declareBodyLimit(doc: Doc) {
  for (const { op } of operationsOf(doc)) {
    if (op.responses?.['413']) continue
    op.responses = {
      ...op.responses,
      413: {
        description: 'Request body too large',
        content: { 'application/json': { schema: { $ref: `${COMPONENT}ErrorResponse` } } },
      },
    }
  }
}

/**
 * Every 429 and 503 error carries `Retry-After` (`toAppError` gives one to each limit and unavailability,
 * and the HTTP layer's own 429/503 set it); /health's 503 is its state, not a refusal.
 */
function declareRetryAfter(doc: Doc) {
  for (const { path, op } of operationsOf(doc))
    for (const status of ['429', '503']) {
      const answer = op.responses?.[status]
      if (!answer || path === '/health') continue
      op.responses[status] = { ...answer, headers: { ...answer.headers, 'Retry-After': RETRY_AFTER } }
    }
}

const RETRY_AFTER = {
  description: 'Seconds to wait before retrying',
  required: true,
  schema: { type: 'integer', minimum: 0 },
}

/**
 * Every guarded route can refuse its caller (src/accounts/guard.ts): 401 without usable credentials, 403
 * without the permission, 410 for a revoked or expired share link. `x-pulse-permission` names the
 * permission the route needs (docs/access.md lists who holds which).
 */
function declareAccess(doc: Doc) {
  const refusal = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: `${COMPONENT}ErrorResponse` } } },
  })
  for (const { path, method, op } of operationsOf(doc)) {
    const permission = ROUTE_PERMISSIONS[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`]
    if (permission === undefined) continue
    op['x-pulse-permission'] = permission
    if (permission === 'open' || permission === 'ingest') continue
    op.responses = {
      401: refusal('No usable credentials'),
      403: refusal('The credentials lack the permission this route needs'),
      410: refusal('The share link is revoked or expired'),
      ...op.responses,
    }
  }
}

/** The error-envelope response, with a description. */
export function errorAnswer(description: string) {
  return {
    description,
    headers: { 'Retry-After': RETRY_AFTER },
    content: { 'application/json': { schema: { $ref: `${COMPONENT}ErrorResponse` } } },
  }
}

/** Components nothing refers to are noise for readers and generators (Redocly: no-unused-components). */
function dropUnusedComponents(doc: Doc) {
  const schemas = doc.components?.schemas ?? {}
  const used = new Set<string>()
  const visit = (n: Json) => {
    rewrite(structuredClone(n), (x) => {
      if (typeof x.$ref === 'string' && x.$ref.startsWith(COMPONENT)) {
        const name = x.$ref.slice(COMPONENT.length)
        if (!used.has(name)) {
          used.add(name)
          if (schemas[name]) visit(schemas[name])
        }
      }
      return undefined
    })
  }
  visit(doc.paths)
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name]
}
