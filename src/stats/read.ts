// What every analytics route does before reading: authorise (the site's secret key or the admin
// token), take a rate-limit token for that key, and — once the request has parsed — flush the ingest
// buffer so every event acknowledged before the call is in DuckDB (read-your-writes).
import type { Clock } from '../clock'
import type { Config } from '../config'
import { describeDbError } from '../db/failure'
import type { Database } from '../db/open'
import type { DbSupervisor } from '../db/supervisor'
import { authorizeRead } from '../http/auth'
import { AppError } from '../http/errors'
import { enforce, type RateLimiter } from '../http/rate-limit'
import type { EventBuffer } from '../ingest/buffer'
import type { SiteStore } from '../sites/store'

/** What the analytics routes need. */
export interface StatsDeps {
  config: Config
  clock: Clock
  db: Database
  store: SiteStore
  buffer: EventBuffer
  keyLimiter: RateLimiter
  supervisor: DbSupervisor
}

/** Authorise reading `siteId` and rate-limit the caller; throws 401/403/404/429. */
export function authorizeStatsRead(deps: StatsDeps, headers: Headers, siteId: string): void {
  enforce(deps.keyLimiter.take(authorizeRead(deps.store, headers, deps.config.adminToken, siteId)))
}

/**
 * Write every buffered event, so the read that follows sees all acknowledged events. While the database
 * is unavailable, or the events cannot be written, answer 503: a read that misses acknowledged events
 * would be a wrong number.
 */
export async function flushBeforeRead(deps: StatsDeps): Promise<void> {
  await deps.supervisor.ensureAvailable()
  if (deps.buffer.depth === 0) return
  try {
    await deps.buffer.flush()
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError(
      503,
      `Recent events cannot be written to the database (${describeDbError(err)}), so stats would be incomplete; retry shortly`,
      undefined,
      { 'retry-after': '5' },
    )
  }
}
