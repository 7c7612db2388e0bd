// Text from events (URLs, property values, event types) is attacker-chosen: before it reaches a model,
// strip control characters and bidirectional-text controls, which can hide or reorder what is shown.

// C0/C1 controls except tab and newline; bidi embeddings, overrides, isolates and marks; zero-width and BOM.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** `s` without control and bidirectional-text characters. */
export function stripUnsafeText(s: string): string {
  return s.replace(UNSAFE, '')
}

/** A JSON value with every string (keys too) stripped. */
export function sanitizeJson(v: unknown): unknown {
  if (typeof v === 'string') return stripUnsafeText(v)
  if (Array.isArray(v)) return v.map(sanitizeJson)
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [stripUnsafeText(k), sanitizeJson(x)]))
  return v
}
