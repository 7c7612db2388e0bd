// The response envelope and the error type every layer throws; the funnel in error-funnel.ts renders it.

/** One bad field in a validation error: its JSON path and what is wrong with it. */
export interface FieldIssue {
  path: string
  message: string
}

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

/** `{success:false, error, status}` (plus `details` for validation errors). */
export function errorBody(status: number, error: string, details?: FieldIssue[]) {
  return details && details.length > 0
    ? { success: false as const, error, status, details }
    : { success: false as const, error, status }
}

/** A JSON Response with the error envelope. */
export function errorResponse(err: AppError): Response {
  return new Response(JSON.stringify(errorBody(err.status, err.message, err.details)), {
    status: err.status,
    headers: { 'content-type': 'application/json', ...err.headers },
  })
}

/** `{success:true, data}`. */
export function ok<T>(data: T): { success: true; data: T } {
  return { success: true, data }
}
