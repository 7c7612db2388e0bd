// createApp(deps): composes the feature plugins behind the error funnel. No logic here.
import { Elysia } from 'elysia'
import { accountRoutes } from './accounts'
import type { AuditLog } from './accounts/audit'
import { accessGuard } from './accounts/guard'
import type { SharePasswordLimiters } from './accounts/sharing'
import type { AccountStore } from './accounts/store'
import type { SignInLimiters } from './accounts/users'
import { adminRoutes } from './admin'
import { annotationRoutes } from './annotations'
import type { Clock } from './clock'
import { compatRoutes } from './compat'
import type { Config } from './config'
import { dashboardRoutes } from './dashboard'
import type { Database } from './db/open'
import type { DbSupervisor } from './db/supervisor'
import type { EventAccess } from './events/access'
import type { EventBuffer } from './events/buffer'
import type { Persist } from './events/persist'
import type { ReadGate } from './events/read-gate'
import type { WriteAheadLog } from './events/wal'
import { goalRoutes } from './goals'
import { healthRoutes } from './health'
import type { HealthSource } from './health/state'
import { errorResponse } from './http/envelope'
import { errorFunnel } from './http/error-funnel'
import { AppError } from './http/errors'
import type { RateLimiter } from './http/rate-limit'
import { limitRequestBody } from './http/request-limit'
import { importRoutes } from './imports'
import { ingestRoutes } from './ingest'
import type { Enricher } from './ingest/enrich/pipeline'
import type { Logger } from './logger'
import { mcpRoutes } from './mcp'
import { openapiRoutes } from './openapi'
import { privacyRoutes } from './privacy'
import { reportsRoutes } from './reports'
import type { Reports } from './reports/service'
import { siteRoutes } from './sites'
import type { SiteStore } from './sites/store'
import { sqlRoutes } from './sql'
import { statsRoutes } from './stats'
import type { ActiveExports } from './stats/export/active'
import { checkLockedFilters } from './stats/parse/filters'
import { streamRoutes } from './stream'
import type { EventHub } from './stream/hub'
import { trackerRoutes } from './tracker'
import { VERSION } from './version'
import { webVitalsRoutes } from './vitals'

export { VERSION }

/** Everything the HTTP layer needs, built by `createServices`. */
export interface AppDeps {
  config: Config
  clock: Clock
  logger: Logger
  db: Database
  store: SiteStore
  /** Users, roles, sessions, read-only keys and share links. */
  accounts: AccountStore
  /** Sign-ins, failures, key, link and role changes, erasures and exports. */
  audit: AuditLog
  /** Sign-in attempts per account and per address. */
  signIn: SignInLimiters
  /** Attempts at share-link passwords per link and per address. */
  sharePasswords: SharePasswordLimiters
  buffer: EventBuffer
  keyLimiter: RateLimiter
  ipLimiter: RateLimiter
  /** Whether DuckDB is usable; reopens it after a fatal error. */
  supervisor: DbSupervisor
  /** The write-ahead log (fsync mode on a file), with any damage found at start-up. */
  wal: WriteAheadLog | undefined
  /** Concurrency limits, queue and time limit of analytics reads. */
  reads: ReadGate
  /** Read access to the events: flush-before-read in front of the event store. */
  events: EventAccess
  /** Exports streaming now; `abortAll` cuts them off visibly (for shutdown). */
  exports: ActiveExports
  /** Stores validated rows (dedupe → write-ahead log → buffer); resolves when acknowledged. */
  persist: Persist
  /** Live subscribers of acknowledged events (the SSE stream). */
  hub: EventHub
  /** `draining` is set at shutdown: every request but /health answers 503 from then on. */
  lifecycle: { draining: boolean }
  /** The server's state for /health: each component's part, combined (`combineHealth`). */
  healthState: HealthSource
  startedAt: number
  /** The enrichment steps every valid event goes through before it is stored. */
  enricher: Enricher
  /** How analytics reads are planned and spelled (src/stats/plan.ts); default: fragments on, DuckDB. */
  readOptions?: import('./stats/plan').ReadOptions
  /** Digests, alerts, webhooks and their deliveries (the scheduler reads through this app). */
  reports: Reports
}

/** What only the listening server sets (see serve.ts). */
export interface AppOptions {
  /** The request body limit of every route (`http/request-limit.ts`); none in-process (CLI, tests). */
  maxRequestBytes?: number
}

/** The PULSE Elysia app. */
export function createApp(deps: AppDeps, { maxRequestBytes }: AppOptions = {}) {
  // The MCP route answers tool calls through the app itself: set once the app exists.
  const self = { handle: (_: Request): Promise<Response> => Promise.reject(new Error('app not ready')) }
  const app = new Elysia({ name: 'pulse', normalize: false })
    .use(errorFunnel(deps.logger, (err) => deps.supervisor.observe(err)))
    .onRequest(({ request }) => {
      // Shutting down: refuse at once with a clear answer, rather than a reset connection.
      if (deps.lifecycle.draining && new URL(request.url).pathname !== '/health')
        return errorResponse(
          new AppError(503, 'Server is shutting down; retry shortly', undefined, { 'retry-after': '2' }),
        )
      if (maxRequestBytes !== undefined) return limitRequestBody(request, maxRequestBytes)
    })
    // One permission check for every route and credential kind (src/accounts/routes-table.ts).
    .use(
      accessGuard({
        adminToken: () => deps.config.adminToken,
        keys: deps.store,
        accounts: deps.accounts,
        publicUrl: deps.config.publicUrl,
      }),
    )
    .use(openapiRoutes(VERSION))
    .use(healthRoutes(deps, VERSION))
    .use(ingestRoutes(deps))
    .use(compatRoutes(deps))
    .use(streamRoutes(deps))
    .use(statsRoutes(deps))
    .use(webVitalsRoutes(deps))
    .use(sqlRoutes(deps))
    .use(mcpRoutes(deps, (request) => self.handle(request)))
    .use(siteRoutes(deps))
    .use(
      accountRoutes({
        ...deps,
        checkFilters: checkLockedFilters,
        sendMail: deps.reports.mailer ? (mail) => deps.reports.sendMail(mail) : undefined,
      }),
    )
    .use(goalRoutes(deps))
    .use(annotationRoutes(deps))
    .use(adminRoutes(deps))
    .use(importRoutes(deps))
    .use(privacyRoutes(deps))
    .use(reportsRoutes(deps))
    .use(trackerRoutes())
    .use(dashboardRoutes({ accounts: deps.accounts }))
  self.handle = (request) => app.handle(request)
  deps.reports.attach(self.handle)
  return app
}

export type App = ReturnType<typeof createApp>
