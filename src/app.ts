// createApp(deps): composes the feature plugins behind the error funnel. No logic here.
import { Elysia } from 'elysia'
import type { Clock } from './clock'
import type { Config } from './config'
import { dashboardRoutes } from './dashboard'
import type { Database } from './db/open'
import { healthRoutes } from './health'
import { errorFunnel } from './http/error-funnel'
import type { RateLimiter } from './http/rate-limit'
import { ingestRoutes } from './ingest'
import type { EventBuffer } from './ingest/buffer'
import type { EventRow } from './ingest/validate'
import type { Logger } from './logger'
import { openapiRoutes } from './openapi'
import { privacyRoutes } from './privacy'
import { siteRoutes } from './sites'
import type { SiteStore } from './sites/store'
import { statsRoutes } from './stats'
import type { ActiveExports } from './stats/export/active'
import type { ReadGate } from './stats/read-gate'
import { trackerRoutes } from './tracker'

export const VERSION = '0.1.0'

/** Everything the HTTP layer needs, built by `createServices`. */
export interface AppDeps {
  config: Config
  clock: Clock
  logger: Logger
  db: Database
  store: SiteStore
  buffer: EventBuffer
  keyLimiter: RateLimiter
  ipLimiter: RateLimiter
  /** Concurrency limits, queue and time limit of analytics reads. */
  reads: ReadGate
  /** Exports streaming now; `abortAll` cuts them off visibly (for shutdown). */
  exports: ActiveExports
  /** Stores validated rows (dedupe → write-ahead log → buffer); resolves when acknowledged. */
  persist: (rows: EventRow[], receivedAt: number) => Promise<void>
  /** `draining` is set at shutdown: ingest answers 503 from then on. */
  lifecycle: { draining: boolean }
  startedAt: number
}

/** The PULSE Elysia app. */
export function createApp(deps: AppDeps) {
  return new Elysia({ name: 'pulse', normalize: false })
    .use(errorFunnel(deps.logger))
    .use(openapiRoutes(VERSION))
    .use(healthRoutes(deps.buffer, deps.startedAt, deps.clock))
    .use(ingestRoutes(deps))
    .use(statsRoutes(deps))
    .use(siteRoutes(deps))
    .use(privacyRoutes(deps))
    .use(trackerRoutes())
    .use(dashboardRoutes())
}

export type App = ReturnType<typeof createApp>
