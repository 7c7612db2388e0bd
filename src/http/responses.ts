// Shared response schemas for the OpenAPI document: the error envelope and a helper listing the
// error statuses a route can answer.
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'

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
