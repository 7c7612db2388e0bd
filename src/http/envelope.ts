// The response envelope, once: `{success: true, data}` and `{success: false, error, status, details?}`,
// as values (`ok`, `errorResponse`) and as schemas for the OpenAPI document (`envelope`, `ErrorResponse`,
// `errors`, `errorDocs`).
import { type IntegerOptions, Type } from '@sinclair/typebox'
import { type TSchema, t } from 'elysia'
import type { FieldIssue } from '../errors'
import type { AppError } from './errors'

/** `{success:true, data}`. */
export function ok<T>(data: T): { success: true; data: T } {
  return { success: true, data }
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

/**
 * An integer in an answer. TypeBox's own `Type.Integer`: Elysia's `t.Integer` also accepts numeric
 * strings (it is `string | integer` for coercing inputs), so the document and every generated client
 * would type an answer's counts as `string | number`. Inputs keep `t.Integer`.
 */
export const Int = (options?: IntegerOptions) => Type.Integer(options)

/** The schema of `{success: true, data}` around `data`. */
export const envelope = <T extends TSchema>(data: T, examples?: unknown[]) =>
  t.Object({ success: t.Literal(true), data }, examples ? { examples } : {})

/** The schema of the error envelope. */
export const ErrorResponse = t.Object(
  {
    success: t.Literal(false),
    error: t.String({ description: 'What went wrong', examples: ['Rate limit exceeded'] }),
    status: Type.Integer({ description: 'The HTTP status, repeated', examples: [429] }),
    details: t.Optional(
      t.Array(
        t.Object({
          path: t.String({ description: 'JSON path of the bad field', examples: ['$.timestamp'] }),
          message: t.String({ examples: ['must be within the last 30 days'] }),
        }),
      ),
    ),
  },
  {
    description: 'Error envelope',
    examples: [{ success: false, error: 'Rate limit exceeded', status: 429 }],
  },
)

/** Map each status to the error envelope (for a route's `response`). */
export function errors<S extends number>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  const out = {} as Record<S, typeof ErrorResponse>
  for (const s of statuses) out[s] = ErrorResponse
  return out
}

/** OpenAPI responses for error statuses, for a route that documents its responses by hand. */
export function errorDocs(...statuses: number[]) {
  const doc = { description: 'Error envelope', content: { 'application/json': { schema: ErrorResponse } } }
  return Object.fromEntries(statuses.map((s) => [s, doc]))
}
