// Stats routes: GET /api/v1/stats. Reads flush the ingest buffer first, so an acknowledged event is counted.
import { Elysia } from 'elysia'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import { authorizeRead } from '../http/auth'
import { enforce, type RateLimiter } from '../http/rate-limit'
import { errors } from '../http/responses'
import type { EventBuffer } from '../ingest/buffer'
import type { SiteStore } from '../sites/store'
import { StatsQuery, StatsResult } from './model'
import { parseStatsQuery } from './parse'
import { buildAggregate } from './sql/aggregate'

/** What the stats routes need. */
export interface StatsDeps {
  config: Config
  clock: Clock
  db: Database
  store: SiteStore
  buffer: EventBuffer
  keyLimiter: RateLimiter
}

/** Stats routes. */
export function statsRoutes(deps: StatsDeps) {
  return new Elysia({ name: 'stats', prefix: '/api/v1' }).get(
    '/stats',
    async ({ query, request }) => {
      enforce(
        deps.keyLimiter.take(
          authorizeRead(deps.store, request.headers, deps.config.adminToken, query.site_id),
        ),
      )
      const parsed = parseStatsQuery(query, deps.clock())
      if (deps.buffer.depth > 0) await deps.buffer.flush()
      const { sql, params } = buildAggregate(parsed)
      const [row] = await queryRows<{ value: number }>(deps.db.reader, sql, params)
      return {
        success: true as const,
        data: { metric: parsed.metric, value: Number(row?.value ?? 0), period: parsed.period },
      }
    },
    {
      query: StatsQuery,
      detail: {
        summary: 'Get one metric for a period',
        description:
          'Needs the site secret key (or the admin token). Counts every event acknowledged before the call.',
        tags: ['Stats'],
        security: [{ bearerAuth: [] }],
      },
      response: { 200: StatsResult, ...errors(400, 401, 403, 404, 422, 429) },
    },
  )
}
