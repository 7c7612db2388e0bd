// Refusing query parameters an endpoint does not know: a client that sends `?dry_run=true` must learn
// that nothing of the sort exists, rather than have its request carried out as if it were absent.
import { AppError } from './errors'

/** Throw 422 naming every parameter of `query` not in `allowed`, and listing the allowed ones. */
export function refuseUnknownParams(query: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name))
  if (unknown.length === 0) return
  const names = unknown.slice(0, 20).map((n) => `"${n.slice(0, 64)}"`)
  const list = allowed.length > 0 ? `allowed are ${allowed.join(', ')}` : 'this endpoint takes none'
  throw new AppError(
    422,
    `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${names.join(', ')}: ${list}`,
    unknown
      .slice(0, 20)
      .map((n) => ({ path: `$.${n.slice(0, 64)}`, message: `unknown query parameter; ${list}` })),
  )
}
