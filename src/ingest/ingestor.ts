// The steps of ingest that `index.ts`'s handler calls in order: authorise (key, origin, rate limits),
// unpack a batch body, validate and enrich each event (checking the key may write to its site), admit
// and persist the rows. No HTTP routing or response shaping here.
import type { Clock } from '../clock'
import type { Config } from '../config'
import { describeDbError } from '../db/failure'
import { type DbSupervisor, unavailable } from '../db/supervisor'
import type { EventBuffer } from '../events/buffer'
import { authenticateKey, bearerToken } from '../http/auth'
import { AppError, type FieldIssue } from '../http/errors'
import { enforce, type RateDecision, type RateLimiter } from '../http/rate-limit'
import type { KeyRecord } from '../sites/repo'
import type { SiteStore } from '../sites/store'
import type { EnrichContext, Enricher } from './enrich/pipeline'
import type { ClientHints } from './enrich/user-agent'
import type { EventInput } from './model'
import { describeIssues, type EventRow, validateEvent } from './validate'

/** Everything the pipeline needs. */
export interface IngestDeps {
  config: Config
  clock: Clock
  store: SiteStore
  buffer: EventBuffer
  keyLimiter: RateLimiter
  ipLimiter: RateLimiter
  /** Stores validated rows: dedupe, write-ahead log (when durable), buffer. Resolves when acknowledged. */
  persist: (rows: EventRow[], receivedAt: number) => Promise<void>
  /** Set while shutting down: ingest answers 503. */
  lifecycle: { draining: boolean }
  supervisor: DbSupervisor
  /** The enrichment steps run on every valid event before it is stored. */
  enricher: Enricher
  /** The event-id index; while it loads after start-up, events with an id wait for it (`loaded`). */
  eventIds?: { readonly loaded: Promise<void> | undefined }
}

/** What a browser's request says about its visitor, for enrichment only (never stored or logged). */
export interface VisitorSignals {
  userAgent?: string
  /** The client address (through `PULSE_TRUSTED_PROXIES` only). */
  ip?: string
  hints: ClientHints
}

/** Where a request came from, as far as authorisation cares. */
export interface RequestInfo {
  headers: Headers
  /** A key passed in the query string or body (public keys only: browsers avoid a preflight). */
  keyParam?: string
  /** The client address as a rate-limit id; asked only for public-key traffic (it costs a lookup). */
  ip?: () => string | undefined
}

/** An authorised ingest request: its key, and the rate-limit state to report in `RateLimit-*` headers. */
export interface AuthorizedIngest {
  key: KeyRecord
  rate: RateDecision
}

/**
 * Authenticate and rate-limit a request to an ingest endpoint. Browser (public-key) traffic is limited
 * per site and client IP as well as per key. Both limits are checked before a token is taken from
 * either, so requests refused for one abusive IP never use up the tokens of the site's key that other
 * visitors share, and a request refused by the key's limit costs the client's IP bucket nothing.
 */
export function authorizeIngest(deps: IngestDeps, req: RequestInfo): AuthorizedIngest {
  const header = bearerToken(req.headers)
  const key = header ?? req.keyParam
  const rec = authenticateKey(deps.store, key)
  if (!header && rec.kind === 'secret')
    throw new AppError(403, 'A secret key must be sent in the Authorization header, never in a URL or body')
  const origin = req.headers.get('origin')
  if (origin) checkOrigin(deps.store, rec, origin, req.headers)
  return { key: rec, rate: limitTraffic(deps, rec, rec.kind === 'public' ? req.ip?.() : undefined) }
}

/**
 * Take one request from the key's limit and, for browser traffic, from the site-and-IP limit (`ip`, a
 * rate-limit id). Both are checked before a token is taken from either. The drop-in endpoints of
 * src/compat/ call it with a per-site record, as their payloads carry no key.
 */
export function limitTraffic(deps: IngestDeps, rec: KeyRecord, ip: string | undefined): RateDecision {
  const ipId = ip ? `${rec.siteId}|${ip}` : undefined
  // Check both limits before taking from either: a request refused by one uses no token of the other.
  if (ipId) enforce(deps.ipLimiter.check(ipId))
  enforce(deps.keyLimiter.check(rec.keyId))
  const byIp = ipId ? deps.ipLimiter.take(ipId) : undefined
  const byKey = deps.keyLimiter.take(rec.keyId)
  return byIp ? tighter(byIp, byKey) : byKey
}

/** A parsed batch body: its events and the public key it may carry (`api_key`, for browsers). */
export interface BatchBody {
  events: unknown[]
  bodyKey?: string
}

/**
 * The events of a `/collect/batch` body `{"events": [...], "api_key"?: "pk_…"}`: 422 for any other shape
 * or field, an empty list or a non-array, 413 for more than `maxEvents`.
 */
export function unpackBatch(body: unknown, maxEvents: number): BatchBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new AppError(422, 'Validation failed: body must be an object {"events": [...]}', [
      { path: '$', message: 'must be an object with an "events" array' },
    ])
  const { events, api_key: bodyKey, ...rest } = body as Record<string, unknown>
  const unknown = Object.keys(rest)
  if (unknown.length > 0)
    throw new AppError(
      422,
      `Validation failed: unknown field "${unknown[0].slice(0, 64)}"`,
      unknown
        .slice(0, 20)
        .map((k) => ({ path: `$.${k.slice(0, 64)}`, message: `unknown field "${k.slice(0, 64)}"` })),
    )
  if (!Array.isArray(events))
    throw new AppError(422, 'Validation failed: $.events must be an array', [
      { path: '$.events', message: 'must be an array' },
    ])
  if (events.length === 0)
    throw new AppError(422, 'Validation failed: $.events must not be empty', [
      { path: '$.events', message: 'must not be empty' },
    ])
  if (events.length > maxEvents) throw new AppError(413, `Too many events in one batch: at most ${maxEvents}`)
  return { events, bodyKey: typeof bodyKey === 'string' ? bodyKey : undefined }
}

/** The limit closer to refusing (a disabled limiter, limit 0, never is). */
function tighter(a: RateDecision, b: RateDecision): RateDecision {
  if (a.limit <= 0) return b
  if (b.limit <= 0) return a
  return a.remaining <= b.remaining ? a : b
}

/** `host[:port]` of an origin (the form of a Host header), or undefined. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return undefined
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

/** A secret key must not come from a web page; a public key only from the site's domains, if set. */
function checkOrigin(store: SiteStore, rec: KeyRecord, origin: string, headers: Headers): void {
  const host = hostOf(origin)
  if (rec.kind === 'secret') {
    // Only PULSE's own pages may: the Origin must be exactly this server (host and port).
    const self = headers.get('host')?.toLowerCase()
    if (!self || originHost(origin) !== self)
      throw new AppError(403, 'Secret keys must not be used from a web page; use the site public key (pk_…)')
    return
  }
  const domains = store.domainsOf(rec.siteId)
  if (domains.length === 0) return
  const allowed =
    host !== undefined &&
    domains.some((d) => {
      const dom = d.toLowerCase()
      if (dom.startsWith('*.')) return host.endsWith(dom.slice(1)) || host === dom.slice(2)
      return host === dom
    })
  if (!allowed) throw new AppError(403, `Origin ${origin.slice(0, 100)} is not one of the site's domains`)
}

/** An event that failed validation: its index in the request and its problems. */
export interface RejectedEvent {
  index: number
  error: string
  details: FieldIssue[]
}

/**
 * Validate events against the key's site, then enrich the valid ones; returns rows and per-index
 * problems. `signals` come from a browser's request (public keys); a server (secret key) may forward
 * its visitor's `user_agent` and `ip` per event instead, and without them is not enriched from the
 * request nor bot-filtered. `plainText`: the events come from JSON text without `\u` escapes (see
 * `ValidateOptions.plainText`).
 */
export function validateBatch(
  deps: IngestDeps,
  rec: KeyRecord,
  events: unknown[],
  pathOf: (i: number) => string,
  signals: VisitorSignals = { hints: {} },
  plainText = false,
): { rows: EventRow[]; rejected: RejectedEvent[] } {
  const now = deps.clock()
  const base: EnrichContext = rec.kind === 'public' ? { ...signals, now } : { hints: {}, now }
  const rows: EventRow[] = []
  const rejected: RejectedEvent[] = []
  for (let i = 0; i < events.length; i++) {
    const v = validateEvent(events[i], {
      now,
      maxEventAgeDays: deps.config.maxEventAgeDays,
      path: pathOf(i),
      plainText,
    })
    if (!v.ok) {
      rejected.push({ index: i, error: describeIssues(v.issues), details: v.issues })
      continue
    }
    if (v.row.siteId !== rec.siteId)
      throw new AppError(403, `This key is not allowed to send events for site ${v.row.siteId.slice(0, 64)}`)
    if (deps.enricher.enrich(v.row, contextOf(events[i] as EventInput, rec, base))) rows.push(v.row)
  }
  return { rows, rejected }
}

/** The enrichment context of one event: the request's, or what a server forwarded with the event. */
function contextOf(e: EventInput, rec: KeyRecord, base: EnrichContext): EnrichContext {
  if (rec.kind === 'secret' && (e.user_agent || e.ip))
    return {
      userAgent: e.user_agent || undefined,
      ip: e.ip || undefined,
      hints: {},
      now: base.now,
      webdriver: e.webdriver,
    }
  return e.webdriver ? { ...base, webdriver: true } : base
}

/** Store validated rows (admission check, then `persist`); returns how many were acknowledged. */
export async function acceptRows(deps: IngestDeps, rows: EventRow[]): Promise<number> {
  if (rows.length === 0) return 0
  // Just after start-up, the ids of events stored before it may still be loading: a retry must find them.
  const loading = deps.eventIds?.loaded
  if (loading !== undefined && rows.some((r) => r.eventId !== null)) await loading
  admit(deps, rows.length)
  await deps.persist(rows, deps.clock())
  return rows.length
}

/**
 * Refuse (503, Retry-After) what could not be kept safely. With the log (`fsync`), an event is safe once
 * logged, so only a full buffer or a failing log refuses. Without it (`none`), memory is the only copy
 * until a flush: refuse while flushes fail or the database is unavailable, and hold no more than the
 * measured write rate can flush within half the shutdown timeout, so a SIGTERM never loses acknowledged events.
 */
function admit(deps: IngestDeps, n: number): void {
  if (deps.lifecycle.draining)
    throw new AppError(503, 'Server is shutting down; retry shortly', undefined, { 'retry-after': '2' })
  if (deps.config.durability === 'none' || deps.config.dbPath === ':memory:') {
    if (deps.supervisor.failure) throw unavailable(deps.supervisor.failure)
    if (deps.buffer.lastError)
      throw new AppError(
        503,
        `Events cannot be written to the database (${describeDbError(deps.buffer.lastError)}); retry shortly`,
        undefined,
        { 'retry-after': '5' },
      )
    deps.buffer.ensureRoom(n, Math.floor((deps.buffer.flushRate * deps.config.shutdownTimeoutMs) / 2000))
  } else deps.buffer.ensureRoom(n)
}
