// The errors domain modules throw. They say what went wrong in the domain's terms; only the HTTP
// layer (src/http/errors.ts `toAppError`) knows which status and headers each one becomes.

/** One bad field of a request: its JSON path and what is wrong with it. */
export interface FieldIssue {
  path: string
  message: string
}

/** TypeBox paths look like `/events/0/url`; users read `$.events[0].url`. */
export function jsonPath(pointer: string): string {
  if (!pointer) return '$'
  return `$${pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')}`
}

/** A failure the caller can act on; subclasses name the kind. */
export abstract class DomainError extends Error {
  constructor(
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message)
  }
}

/** A value the caller chose is not acceptable (an unknown name, a bad period, too many buckets). */
export class ValidationError extends DomainError {}

/** The thing asked for does not exist (a site, a key). */
export class NotFoundError extends DomainError {}

/** The request clashes with what exists (a site id already taken). */
export class ConflictError extends DomainError {}

/** The caller may not do this with the credentials it sent. */
export class ForbiddenError extends DomainError {}

/** The caller's own limit is reached; it may retry after `retryAfterSeconds`. */
export class LimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}

/** The server cannot answer now (database down, too busy, too slow); retry after `retryAfterSeconds`. */
export class UnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message)
  }
}
