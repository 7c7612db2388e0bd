// The analytics query API: every route under /api/v1 that reads events. Each route declares its schema,
// the parameters it takes and what it runs; pipeline.ts does the rest (authorise, check, parse, run).
import { Elysia } from 'elysia'
import type { StatsRouteDeps } from './pipeline'
import { journeyRoutes } from './routes/journeys'
import { overviewRoute } from './routes/overview'
import { journeyPathRoute } from './routes/paths'
import { rawRoutes } from './routes/raw'
import { realtimeRoute } from './routes/realtime'
import { reportRoutes } from './routes/reports'
import { summaryRoute } from './routes/stats'
import { segmentRoutes } from './segments/routes'

export type { StatsRouteDeps } from './pipeline'
export type { StatsDeps } from './read'

/** Analytics routes. */
export function statsRoutes(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats', prefix: '/api/v1' })
    .use(summaryRoute(deps))
    .use(reportRoutes(deps))
    .use(realtimeRoute(deps))
    .use(journeyRoutes(deps))
    .use(journeyPathRoute(deps))
    .use(rawRoutes(deps))
    .use(segmentRoutes(deps))
    .use(overviewRoute(deps))
}
