// GET /health: liveness with the ingest buffer depth and the last flush time.
import { Elysia, t } from 'elysia'
import type { EventBuffer } from '../ingest/buffer'

export const Health = t.Object({
  status: t.Union([t.Literal('ok'), t.Literal('degraded')], {
    description: '`degraded` while flushes are failing',
  }),
  buffer_depth: t.Integer({
    description: 'Events accepted but not yet written to DuckDB',
    examples: [12],
    minimum: 0,
  }),
  last_flush_at: t.Union([t.String({ format: 'date-time' }), t.Null()], {
    description: 'Time of the last successful flush',
  }),
  flushed_events: t.Integer({ description: 'Events written since start', minimum: 0 }),
  last_flush_error: t.Union([t.String(), t.Null()]),
  uptime_s: t.Number(),
})

/** The health route. */
export function healthRoutes(buffer: EventBuffer, startedAt: number, clock: () => number) {
  return new Elysia({ name: 'health' }).get(
    '/health',
    () => ({
      status: buffer.lastError ? ('degraded' as const) : ('ok' as const),
      buffer_depth: buffer.depth,
      last_flush_at: buffer.lastFlushAt === null ? null : new Date(buffer.lastFlushAt).toISOString(),
      flushed_events: buffer.flushedRows,
      last_flush_error: buffer.lastError,
      uptime_s: Math.round((clock() - startedAt) / 1000),
    }),
    { detail: { summary: 'Health and ingest buffer state', tags: ['Health'] }, response: { 200: Health } },
  )
}
