// Ajv (JSON Schema 2020-12, strict) over the published document: every component, parameter, body and
// response schema compiles, and `validatorFor` checks a real answer against the declared one.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

type Json = any

const BASE = 'pulse:openapi'

/** A strict Ajv that knows the document's components, referenced as `#/components/schemas/X`. */
export function schemaChecker(doc: Json) {
  // The OpenAPI 3.1 dialect adds these annotation keywords to JSON Schema 2020-12.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
  addFormats(ajv)
  for (const k of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(k)
  const rebase = (n: Json): Json =>
    Array.isArray(n)
      ? n.map(rebase)
      : n && typeof n === 'object'
        ? Object.fromEntries(
            Object.entries(n).map(([k, v]) => [
              k,
              k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
                ? `${BASE}/${v.slice(21)}`
                : rebase(v),
            ]),
          )
        : n
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    ajv.addSchema({ ...rebase(schema), $id: `${BASE}/${name}` })
  const cache = new Map<Json, ValidateFunction>()
  /** A compiled validator of `schema` (a schema of the document). */
  const compile = (schema: Json): ValidateFunction => {
    const fn = cache.get(schema) ?? ajv.compile(rebase(schema))
    cache.set(schema, fn)
    return fn
  }
  return { ajv, compile, errorsText: (fn: ValidateFunction) => ajv.errorsText(fn.errors) }
}

/** Every schema of the document with a JSON pointer-ish label: components, parameters, bodies, answers. */
export function schemasOf(doc: Json): [string, Json][] {
  const out: [string, Json][] = []
  for (const [name, s] of Object.entries(doc.components?.schemas ?? {})) out.push([`components/${name}`, s])
  for (const [path, item] of Object.entries(doc.paths ?? {}) as [string, Json][])
    for (const [method, op] of Object.entries(item) as [string, Json][]) {
      const at = `${method.toUpperCase()} ${path}`
      for (const p of op.parameters ?? []) out.push([`${at} parameter ${p.name}`, p.schema])
      for (const [type, c] of Object.entries(op.requestBody?.content ?? {}) as [string, Json][])
        if (c.schema) out.push([`${at} body ${type}`, c.schema])
      for (const [status, r] of Object.entries(op.responses ?? {}) as [string, Json][])
        for (const [type, c] of Object.entries(r.content ?? {}) as [string, Json][])
          if (c.schema) out.push([`${at} ${status} ${type}`, c.schema])
    }
  return out
}
