// Functions generated from the event field list at load time (`new Function`): the per-row hot paths
// (`toRow` in src/ingest/validate.ts, `csvLine` in src/events/csv.ts) are one straight-line expression
// per field, as fast as the hand-unrolled code they replaced, with nothing to keep in step by hand when a
// field is added. Only names from the field list (checked to be identifiers) go into the source; values
// never do.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** `name`, after checking it is a plain identifier (a field's key or wire name in generated source). */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${JSON.stringify(name)}`)
  return name
}

/**
 * A function `name(params…) { body }` compiled once; `scope` holds the helpers the body calls. The
 * source is named (`sourceURL`) so stack traces and profiles show `generated/<name>.js`.
 */
export function generateFunction<F>(
  name: string,
  params: readonly string[],
  body: string,
  scope: Record<string, unknown> = {},
): F {
  const helpers = Object.keys(scope).map(identifier)
  const source = `"use strict"\nreturn function ${identifier(name)}(${params.map(identifier).join(', ')}) {\n${body}\n}\n//# sourceURL=generated/${name}.js`
  return new Function(...helpers, source)(...helpers.map((h) => scope[h])) as F
}
