// What every analytics route does before reading: authorise (the site's secret key or the admin
// token), take a rate-limit token for that key, and — once the request has parsed — flush the ingest
// buffer so every event acknowledged before the call is in DuckDB (read-your-writes).
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import { authorizeRead } from '../http/auth'
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
}

/** Authorise reading `siteId` and rate-limit the caller; throws 401/403/404/429. */
export function authorizeStatsRead(deps: StatsDeps, headers: Headers, siteId: string): void {
  enforce(deps.keyLimiter.take(authorizeRead(deps.store, headers, deps.config.adminToken, siteId)))
}

/** Write every buffered event, so the read that follows sees all acknowledged events. */
export async function flushBeforeRead(deps: StatsDeps): Promise<void> {
  if (deps.buffer.depth > 0) await deps.buffer.flush()
}
