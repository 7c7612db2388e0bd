// One error funnel, registered before every route: thrown AppErrors, domain errors (src/errors.ts), Elysia's validation and
// parse errors and unknown errors all leave as the `{success:false, error, status}` envelope.
import { Elysia } from 'elysia'
import { describeDbError, isFatalDbError } from '../db/failure'
import { DomainError, type FieldIssue, jsonPath } from '../errors'
import type { Logger } from '../logger'
import { errorResponse } from './envelope'
import { AppError, toAppError } from './errors'

interface ValidationLike {
  all?: { path?: string; message?: string; summary?: string; schema?: { error?: unknown } }[]
  message: string
  /** The value that failed (the whole body or query). */
  value?: unknown
  /** What a schema's `error` hook returned (registry names return the registry's own ValidationError). */
  customError?: unknown
}

/** The registry's issue for a field whose schema has an `error` hook (see src/stats/model/names.ts). */
function hookIssue(err: ValidationLike, schema: { error?: unknown } | undefined): FieldIssue | undefined {
  if (typeof schema?.error !== 'function') return undefined
  const out: unknown = schema.error({ found: err.value })
  return out instanceof AppError || out instanceof DomainError ? out.details?.[0] : undefined
}

function validationIssues(err: ValidationLike): FieldIssue[] {
  const all = Array.isArray(err.all) ? err.all : []
  const issues = all.slice(0, 20).map(
    (e) =>
      hookIssue(err, e.schema) ?? {
        path: jsonPath(e.path ?? ''),
        message: e.summary ?? e.message ?? 'invalid value',
      },
  )
  return issues.filter((i, n) => issues.findIndex((j) => j.path === i.path && j.message === i.message) === n)
}

/** The Elysia plugin holding the error funnel; `onDbFatal` hears of errors that invalidated DuckDB. */
export function errorFunnel(logger: Logger, onDbFatal?: (err: unknown) => void) {
  return new Elysia({ name: 'error-funnel' }).onError({ as: 'global' }, ({ code, error, request }) => {
    if (error instanceof AppError) return errorResponse(error)
    if (error instanceof DomainError) return errorResponse(toAppError(error))
    switch (code) {
      case 'VALIDATION': {
        const custom = (error as unknown as ValidationLike).customError
        if (custom instanceof AppError) return errorResponse(custom)
        if (custom instanceof DomainError) return errorResponse(toAppError(custom))
        const details = validationIssues(error as unknown as ValidationLike)
        const where = details[0] ? `: ${details[0].path} ${details[0].message}` : ''
        return errorResponse(new AppError(422, `Validation failed${where}`, details))
      }
      case 'PARSE': {
        // A body reader's own refusal (413 over the request limit, 408, 415) keeps its status.
        const cause = (error as Error).cause
        if (cause instanceof AppError) return errorResponse(cause)
        return errorResponse(new AppError(400, 'Request body is not valid JSON'))
      }
      case 'NOT_FOUND':
        return errorResponse(new AppError(404, `Not found: ${new URL(request.url).pathname}`))
      case 'INVALID_COOKIE_SIGNATURE':
        return errorResponse(new AppError(400, 'Invalid cookie'))
      default: {
        const status =
          typeof (error as { status?: unknown }).status === 'number'
            ? (error as { status: number }).status
            : 500
        if (status >= 400 && status < 500)
          return errorResponse(new AppError(status, (error as Error).message || 'Bad request'))
        if (isFatalDbError(error)) {
          onDbFatal?.(error)
          return errorResponse(
            new AppError(
              503,
              `The database is unavailable (${describeDbError(error)}); retry shortly`,
              undefined,
              {
                'retry-after': '5',
              },
            ),
          )
        }
        logger.error('unhandled error', {
          path: new URL(request.url).pathname,
          error: (error as Error)?.stack ?? String(error),
        })
        return errorResponse(new AppError(500, 'Internal server error'))
      }
    }
  })
}
