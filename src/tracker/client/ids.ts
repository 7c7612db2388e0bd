// Random ids for sessions and events. `crypto.randomUUID` exists only in secure contexts (https,
// localhost), so plain-http pages fall back to a time-plus-random id: good enough for dedupe.

/** A random id, unique enough to tell sessions and retried events apart. */
export function randomId(): string {
  try {
    return crypto.randomUUID()
  } catch {
    return Date.now().toString(36) + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)
  }
}
