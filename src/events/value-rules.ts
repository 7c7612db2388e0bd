// The `text` and `url` rules of the event field list (events/fields.ts), written once: ingest checks
// events with them, and the stats filters and funnel steps check their values with them, so a filter
// can only ask for something an event could hold.

/** The message for a value that breaks the `url` rule. */
export const URL_RULE = 'must be an absolute http(s) URL or a path starting with /'

/**
 * What is wrong with text to be stored or matched, or undefined. NUL characters and lone UTF-16
 * surrogates pass JSON.parse and the schema but cannot be stored faithfully (DuckDB keeps UTF-8: a lone
 * surrogate would silently become U+FFFD) and break tools downstream.
 */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL (\\u0000) characters'
  if (!s.isWellFormed()) return 'must be valid Unicode (it has a lone surrogate)'
  return undefined
}

/** Whether `s` keeps the `url` rule: an absolute http(s) URL or a path starting with `/`. */
export function isUrlOrPath(s: string): boolean {
  return s.startsWith('/') || /^https?:\/\/[^\s/]/i.test(s)
}
