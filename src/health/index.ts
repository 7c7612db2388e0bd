// GET /health: 200 while the server can do its job, 503 otherwise, so a supervisor or load balancer can
// act. Without credentials it says only that (status, version, uptime): nothing about tenants, volume
// or paths. With the admin token it adds the reason and every component's details.
// (Integers use TypeBox's own `Type.Integer`: Elysia's `t.Integer` also accepts numeric strings, which
// the generated client types would then carry.)
import { Type } from '@sinclair/typebox'
import { Elysia, t } from 'elysia'
import type { Clock } from '../clock'
import { requireAdmin } from '../http/auth'
import { errors } from '../http/envelope'
import type { HealthSource } from './state'

const status = t.Union([t.Literal('ok'), t.Literal('degraded'), t.Literal('unavailable')], {
  description:
    '`ok` (HTTP 200); `degraded`: serving, but part of the job is failing, e.g. events cannot be written to the database (503); `unavailable`: cannot serve, e.g. shutting down (503)',
})
const version = t.String({ description: 'PULSE version', examples: ['0.1.0'] })
const uptime = Type.Integer({ description: 'Seconds since start', minimum: 0, examples: [3600] })

export const HealthPublic = t.Object(
  { status, version, uptime_s: uptime },
  {
    description: 'Health without credentials',
    examples: [{ status: 'ok', version: '0.1.0', uptime_s: 3600 }],
  },
)

export const HealthAdmin = t.Object(
  {
    status,
    version,
    uptime_s: uptime,
    reason: t.Union([t.String(), t.Null()], {
      description: 'Why the status is not `ok` (null when it is)',
      examples: ['writing events to the database is failing'],
    }),
    details: t.Object(
      {
        buffer_depth: t.Optional(
          Type.Integer({ description: 'Events accepted but not yet written to DuckDB', minimum: 0 }),
        ),
        last_flush_at: t.Optional(
          t.Union([t.String({ format: 'date-time' }), t.Null()], {
            description: 'Time of the last successful flush',
          }),
        ),
        flushed_events: t.Optional(Type.Integer({ description: 'Events written since start', minimum: 0 })),
        last_flush_error: t.Optional(
          t.Union([t.String(), t.Null()], { description: 'The error of the last flush, if it failed' }),
        ),
        draining: t.Optional(t.Boolean({ description: 'Shutting down' })),
        retention: t.Optional(
          t.Object(
            {
              sites: Type.Integer({ description: 'Sites with a retention limit', minimum: 0 }),
              last_prune_at: t.Union([t.String({ format: 'date-time' }), t.Null()], {
                description: 'When the daily prune last deleted for a site (null: not since start)',
              }),
              last_pruned_events: Type.Integer({ description: 'Events that prune deleted', minimum: 0 }),
              last_error: t.Union([t.String(), t.Null()], {
                description: 'Why that prune failed, if it did',
              }),
            },
            { description: "The daily retention prune (sites' `retention_days`)" },
          ),
        ),
        memory: t.Optional(
          t.Object(
            {
              rss_mb: Type.Integer({ description: 'Resident memory of the process, MiB', minimum: 0 }),
              js_heap_mb: Type.Integer({ description: 'JavaScript heap in use, MiB', minimum: 0 }),
              js_external_mb: Type.Integer({
                description: 'Memory held by JavaScript objects outside the heap (buffers), MiB',
                minimum: 0,
              }),
            },
            { description: 'Memory of the server process; the rest of `rss_mb` is DuckDB and the runtime' },
          ),
        ),
      },
      { additionalProperties: true, description: 'State of each component; more fields may appear' },
    ),
  },
  { description: 'Health with the admin token' },
)

/** What the health route needs. */
export interface HealthDeps {
  /** The server's combined state (see `combineHealth`). */
  healthState: HealthSource
  config: { adminToken?: string }
  clock: Clock
  startedAt: number
}

const answer = t.Union([HealthAdmin, HealthPublic])

/** The health route. */
export function healthRoutes(deps: HealthDeps, appVersion: string) {
  return new Elysia({ name: 'health' }).model({ HealthPublic, HealthAdmin }).get(
    '/health',
    ({ request, set }) => {
      // Credentials are optional; when given they must be the admin token (401 otherwise).
      const admin = request.headers.has('authorization')
      if (admin) requireAdmin(request.headers, deps.config.adminToken)
      const state = deps.healthState()
      set.status = state.status === 'ok' ? 200 : 503
      set.headers['cache-control'] = 'no-store'
      const base = {
        status: state.status,
        version: appVersion,
        uptime_s: Math.max(0, Math.round((deps.clock() - deps.startedAt) / 1000)),
      }
      return admin ? { ...base, reason: state.reason ?? null, details: state.details } : base
    },
    {
      detail: {
        summary: 'Server health',
        description:
          'HTTP 200 when `status` is `ok`, 503 otherwise. Without credentials: only `status`, `version` and `uptime_s`. With `Authorization: Bearer <admin token>`: also `reason` and each component’s `details` (ingest buffer depth, last flush, errors).',
        tags: ['Health'],
        security: [{}, { bearerAuth: [] }],
      },
      response: { 200: answer, 503: answer, ...errors(401) },
    },
  )
}
