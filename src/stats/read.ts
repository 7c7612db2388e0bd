// What every analytics route does around its query: authorise (the site's secret key or the admin
// token) and take a rate-limit token for that key; then, once the request has parsed, flush the ingest
// buffer so every event acknowledged before the call is in DuckDB (read-your-writes) and run the query
// within the key's and the server's read limits, on a pooled connection, with a time limit.

import type { Principal } from '../accounts/credentials'
import { siteCaller } from '../accounts/guard'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import type { DbSupervisor } from '../db/supervisor'
import type { EventAccess } from '../events/access'
import type { EventBuffer } from '../events/buffer'
import type { ReadGate } from '../events/read-gate'
import type { EventReader } from '../events/store'
import { enforce, type RateLimiter } from '../http/rate-limit'
import type { SiteStore } from '../sites/store'
import type { ActiveExports } from './export/active'

/** What the analytics routes need. */
export interface StatsDeps {
  config: Config
  clock: Clock
  db: Database
  store: SiteStore
  buffer: EventBuffer
  keyLimiter: RateLimiter
  supervisor: DbSupervisor
  reads: ReadGate
  events: EventAccess
  exports: ActiveExports
}

/**
 * The caller of a read of `siteId` (the access guard has checked its permission), rate-limited by its id;
 * throws 404/429.
 */
export function authorizeStatsRead(deps: StatsDeps, request: Request, siteId: string): Principal {
  const who = siteCaller(request, (id) => deps.store.hasSite(id), siteId)
  enforce(deps.keyLimiter.take(who.id))
  return who
}

/** Write every buffered event, so the read that follows sees all acknowledged events (else 503). */
export function flushBeforeRead(deps: StatsDeps): Promise<void> {
  return deps.events.flushBeforeRead()
}

/**
 * Flush, then run `query` through the event store within the limits of `keyId`: at most
 * PULSE_READ_CONCURRENCY_PER_KEY at once per key and PULSE_READ_CONCURRENCY overall (else a short wait,
 * then 429/503 with Retry-After), interrupted after PULSE_QUERY_TIMEOUT_MS (503).
 */
export function runRead<T>(
  deps: StatsDeps,
  keyId: string,
  query: (reader: EventReader) => Promise<T>,
): Promise<T> {
  return deps.events.read(keyId, query)
}
