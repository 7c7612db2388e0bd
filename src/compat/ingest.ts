// The drop-in endpoints' way into ingest: a mapped event goes through the same steps as `/collect`
// (src/ingest/ingestor.ts): rate limits (per site, and per site and address) → validation → enrichment
// (exclusions first) → admission and persist. Only what differs lives here: the site comes from the
// payload's domain or alias rather than a key, and the session is assigned on the server.

import { ipBucketId } from '../http/client-ip'
import { AppError } from '../http/errors'
import {
  acceptRows,
  type IngestDeps,
  limitTraffic,
  type VisitorSignals,
  validateBatch,
} from '../ingest/ingestor'
import type { EventInput } from '../ingest/model'
import type { KeyRecord } from '../sites/repo'
import type { CompatSessions } from './sessions'

/** One event of another tool's payload, mapped to PULSE's fields (session and time are added here). */
export type MappedEvent = Omit<EventInput, 'timestamp' | 'session_id'>

/** What a drop-in request tells about its visitor and how it is limited. */
export interface CompatRequest {
  signals: VisitorSignals
  /** The address the rate limit counts (the peer, or through trusted proxies), as a rate-limit id. */
  limitIp: string | undefined
}

/** The per-site record the limits and validation use in place of a key: `compat:<site>`. */
const recordOf = (siteId: string): KeyRecord => ({ keyId: `compat:${siteId}`, siteId, kind: 'public' })

/**
 * Store mapped events (all of one request) through ingest's steps; returns how many were kept (an event
 * excluded or dropped as spam counts as not kept, and is counted in /health). Throws an AppError (400)
 * for an event that fails PULSE's validation.
 */
export async function ingestMapped(
  deps: IngestDeps,
  sessions: CompatSessions,
  req: CompatRequest,
  events: MappedEvent[],
): Promise<number> {
  const now = deps.clock()
  for (const siteId of new Set(events.map((e) => e.site_id)))
    limitTraffic(deps, recordOf(siteId), req.limitIp)
  let kept = 0
  for (const e of events) {
    const session = sessions.sessionFor(e.site_id, req.signals.ip, req.signals.userAgent, now)
    const event = { ...e, timestamp: now, session_id: session }
    const { rows, rejected } = validateBatch(deps, recordOf(e.site_id), [event], () => '$', req.signals)
    if (rejected.length > 0)
      throw new AppError(400, `Invalid event: ${rejected[0].error}`, rejected[0].details)
    kept += await acceptRows(deps, rows)
  }
  return kept
}

/** The rate-limit id of a visitor address, or undefined. */
export const limitIdOf = (address: string | undefined) => (address ? ipBucketId(address) : undefined)
