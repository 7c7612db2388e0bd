// The HTTP side of errors: `AppError` (an error that already knows its status, thrown by the HTTP layer
// itself: auth, body guards, unknown parameters) and `toAppError`, the one place where the domain's
// errors (src/errors.ts) get their status and headers. The funnel in error-funnel.ts renders both.
import {
  ConflictError,
  type DomainError,
  type FieldIssue,
  ForbiddenError,
  LimitError,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from '../errors'

export type { FieldIssue } from '../errors'

/** An error with an HTTP status, rendered as `{success:false, error, status, details?}`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

/** The status of each kind of domain error. */
function statusOf(err: DomainError): number {
  if (err instanceof ValidationError) return 422
  if (err instanceof NotFoundError) return 404
  if (err instanceof ConflictError) return 409
  if (err instanceof ForbiddenError) return 403
  if (err instanceof LimitError) return 429
  if (err instanceof UnavailableError) return 503
  return 400
}

/** A domain error as the HTTP error it becomes (limits and unavailability carry Retry-After). */
export function toAppError(err: DomainError): AppError {
  const retry =
    err instanceof LimitError || err instanceof UnavailableError ? err.retryAfterSeconds : undefined
  return new AppError(
    statusOf(err),
    err.message,
    err.details,
    retry === undefined ? undefined : { 'retry-after': String(retry) },
  )
}
