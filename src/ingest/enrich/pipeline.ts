// The enrichment pipeline: after validation, each event goes through a named list of small steps. A
// step may fill fields the sender left empty (a sender's value is always kept) or drop the event with
// a reason; fills, bot reasons and drops are counted and shown in the admin health details.
import type { EventRow } from '../../events/fields'
import { type Acquisition, acquisitionOf, hostOf } from './acquisition'
import { type BotReason, BurstRule, isSpamHost } from './bots'
import { BoundedCache } from './cache'
import type { GeoInfo, GeoLookup } from './geo'
import type { AgentInfo, AgentParser, ClientHints } from './user-agent'
import type { VisitorIds } from './visitor'

/**
 * Where the User-Agent of a context comes from, which decides the bot rule (docs/enrichment.md, "One bot
 * rule"): `request`: the HTTP request's own header (a browser, or the site's own API client);
 * `forwarded`: a server forwarded its visitor's `user_agent`/`ip` with the event; `imported`: a line of
 * an access log.
 */
export type AgentSource = 'request' | 'forwarded' | 'imported'

/** What a step knows about an event beyond its row: never stored. */
export interface EnrichContext {
  /** The visitor's User-Agent: the browser's header, or forwarded by a server (`user_agent`). */
  userAgent?: string
  /** Where `userAgent` comes from (default `request`). */
  agentSource?: AgentSource
  /** The site's own hosts (lower-case, no `www.`): a referrer on one of them is internal navigation. */
  selfHosts?: readonly string[]
  /** The visitor's address: the client's, or forwarded by a server (`ip`). Never stored or logged. */
  ip?: string
  hints: ClientHints
  /** The tracker reports `navigator.webdriver`. */
  webdriver?: boolean
  now: number
  /** The address's location, looked up once per context (a batch shares one). */
  geo?: GeoInfo
  /** What the User-Agent says, parsed once per context. */
  agent?: AgentInfo
  /** The visitor hash of this context's site, address and User-Agent, computed once per UTC day of the events. */
  visitorHash?: string
  visitorHashDay?: number
  /** The last referrer checked for spam in this request, and the answer. */
  spamReferrer?: string
  spam?: boolean
  /** The burst rule's last visitor and window in this request. */
  burstVisitor?: string
  burstWindow?: { start: number; n: number }
  /**
   * The state of the session of `sessionRow` (looked up once per event, shared by the steps, and
   * reused by the next event of the request when it is of the same session).
   */
  session?: SessionState
  sessionRow?: EventRow
  /** The last (URL, referrer) pair's acquisition (events of a batch often share their page). */
  lastAcquisition?: Acquisition
  lastUrl?: string | null
  lastReferrer?: string | null
}

/** What is remembered of a session for its later events (bounded: see `DefaultStepsOptions`). */
export interface SessionState {
  siteId: string
  sessionId: string
  /** The visitor id it started with: kept across midnight. */
  visitorId?: string
  /** Its source, for later pages that have none of their own. */
  acquisition?: Acquisition
}

/** A step: fills `row` in place; returns a reason to drop the event, or nothing to keep it. */
// biome-ignore lint/suspicious/noConfusingVoidType: steps that never drop simply return nothing
export type EnrichStep = (row: EventRow, ctx: EnrichContext) => string | undefined | void

/** Counters of the pipeline since start. */
export interface EnrichCounts {
  events: number
  /** Events marked as bots, per reason. */
  bots: Record<string, number>
  /** Events dropped, per `step:reason`. */
  dropped: Record<string, number>
}

/** An enricher for one import run, and the keyed ids of its visitors (src/ingest/enrich/import-ids.ts). */
export interface ImportEnrichment {
  enricher: Enricher
  /** A keyed, non-reversible id of `text` (an import's session id). */
  anonymousId(prefix: string, text: string): string
}

/** Runs the steps and counts. */
export class Enricher {
  readonly counts: EnrichCounts = { events: 0, bots: {}, dropped: {} }
  /**
   * The same steps for one import run, with state of its own (sessions, bursts by the events' own
   * time, secret-keyed visitor ids); set by `createEnrichment`.
   */
  forImport?: () => ImportEnrichment

  constructor(readonly steps: readonly { name: string; run: EnrichStep }[]) {}

  /** Enrich `row` in place; returns false when a step dropped it. */
  enrich(row: EventRow, ctx: EnrichContext): boolean {
    this.counts.events++
    const bot = row.botReason
    for (const s of this.steps) {
      const drop = s.run(row, ctx)
      if (typeof drop === 'string') {
        const k = `${s.name}:${drop}`
        this.counts.dropped[k] = (this.counts.dropped[k] ?? 0) + 1
        return false
      }
    }
    if (row.botReason !== null && bot === null)
      this.counts.bots[row.botReason] = (this.counts.bots[row.botReason] ?? 0) + 1
    return true
  }
}

/** Derives visitor ids: the live daily salts (`VisitorIds`) or an import's secret (`ImportIds`). */
export interface VisitorIdSource {
  /** The visitor id of (site, address, User-Agent) for an event at `at` received at `now`. */
  idFor(siteId: string, ip: string, ua: string, at: number, now: number): string
}

/** What the default steps need. */
export interface DefaultStepsOptions {
  agents: AgentParser
  geo?: GeoLookup
  visitors: VisitorIds | VisitorIdSource
  burst: BurstRule
  /** Session id (or `site \0 session`) → its state; its capacity bounds the sessions remembered. */
  sessions: BoundedCache<string, SessionState>
}

/** The default steps, in order: agent, geo, visitor, bot, acquisition. */
export function defaultSteps(o: DefaultStepsOptions): { name: string; run: EnrichStep }[] {
  const sessionOf = (row: EventRow, ctx: EnrichContext): SessionState => {
    const last = ctx.session
    if (
      last &&
      (ctx.sessionRow === row || (last.sessionId === row.sessionId && last.siteId === row.siteId))
    ) {
      ctx.sessionRow = row
      return last
    }
    // Keyed by the session id alone: no site-qualified key to build and hash per event. The state
    // records its site; the same session id at a second site goes under `site \0 session` (text
    // fields never hold NUL, so that key cannot be another session's id).
    let key = row.sessionId
    let st = o.sessions.get(key)
    if (st && st.siteId !== row.siteId) {
      key = `${row.siteId}\u0000${row.sessionId}`
      st = o.sessions.get(key)
    }
    if (!st) {
      st = { siteId: row.siteId, sessionId: row.sessionId }
      o.sessions.set(key, st)
    }
    ctx.sessionRow = row
    ctx.session = st
    return st
  }
  // Pages and referrers repeat: parse each (URL, referrer) pair and each referrer once.
  const acquisitions = new BoundedCache<string, Acquisition>({ capacity: 20_000 })
  const spam = new BoundedCache<string, boolean>({ capacity: 20_000 })
  const isSpam = (referrer: string) => {
    let v = spam.get(referrer)
    if (v === undefined) {
      const host = hostOf(referrer)
      v = host !== undefined && isSpamHost(host)
      spam.set(referrer, v)
    }
    return v
  }
  return [
    {
      name: 'agent',
      run(row, ctx) {
        if (!ctx.userAgent) return
        ctx.agent ??= o.agents.parse(ctx.userAgent, ctx.hints)
        const a = ctx.agent
        row.browser ??= a.browser
        row.browserVersion ??= a.browserVersion
        row.os ??= a.os
        row.osVersion ??= a.osVersion
        row.deviceType ??= a.deviceType
      },
    },
    {
      name: 'geo',
      run(row, ctx) {
        if (!ctx.ip || !o.geo || (row.country !== null && row.region !== null && row.city !== null)) return
        ctx.geo ??= o.geo.lookup(ctx.ip)
        const g = ctx.geo
        // Region and city only with the country they belong to.
        if (row.country === null) {
          row.country = g.country
          row.region ??= g.region
          row.city ??= g.city
        }
      },
    },
    {
      name: 'visitor',
      run(row, ctx) {
        if (row.visitorId !== null || (!ctx.ip && !ctx.userAgent)) return
        const st = sessionOf(row, ctx)
        if (st.visitorId === undefined) {
          // Salted by the event's own UTC day, not the arrival's: a late event never joins another day.
          const day = Math.floor(row.ts / DAY_MS)
          if (ctx.visitorHash === undefined || ctx.visitorHashDay !== day) {
            ctx.visitorHash = o.visitors.idFor(row.siteId, ctx.ip ?? '', ctx.userAgent ?? '', row.ts, ctx.now)
            ctx.visitorHashDay = day
          }
          st.visitorId = ctx.visitorHash
        }
        row.visitorId = st.visitorId
      },
    },
    {
      name: 'bot',
      run(row, ctx) {
        if (row.botReason !== null) return
        // A forwarded or imported User-Agent that is empty or `-` is no browser's. A request without one
        // that forwards none (a server calling the API for itself), or forwards only `ip`, is not
        // checked by User-Agent at all, as before.
        if (
          (ctx.agentSource === 'forwarded' || ctx.agentSource === 'imported') &&
          ctx.userAgent !== undefined
        ) {
          const ua = ctx.userAgent.trim()
          if (ua === '' || ua === '-') {
            row.botReason = 'ua'
            return
          }
        }
        if (!ctx.userAgent) return
        const reason = botReasonOf(row, ctx, o, isSpam)
        if (reason) row.botReason = reason
      },
    },
    {
      name: 'acquisition',
      run(row, ctx) {
        if (row.source !== null || row.channel !== null) return
        // Events of one request often share their page: reuse the last pair's result.
        let a = ctx.lastAcquisition
        if (!a || ctx.lastUrl !== row.url || ctx.lastReferrer !== row.referrer) {
          // The site's own hosts decide self-referrals: a site's pair is its own.
          const own = ctx.selfHosts && ctx.selfHosts.length > 0 ? `${row.siteId}\u0000` : ''
          const pair = row.referrer === null ? (row.url ?? '') : `${own}${row.url ?? ''}\u0000${row.referrer}`
          a = acquisitions.get(pair)
          if (!a) {
            a = acquisitionOf(row.url, row.referrer, ctx.selfHosts)
            acquisitions.set(pair, a)
          }
          ctx.lastAcquisition = a
          ctx.lastUrl = row.url
          ctx.lastReferrer = row.referrer
        }
        // A later page of a visit (direct: no referrer, or an internal link) keeps the visit's source;
        // an event with neither URL nor referrer says nothing of its own.
        const st = sessionOf(row, ctx)
        const seen = a.channel === 'Direct' ? st.acquisition : undefined
        if (!seen && row.url === null && row.referrer === null) return
        const use = seen ?? a
        if (!seen) st.acquisition = a
        row.source = use.source
        row.utmSource ??= use.utmSource
        row.utmMedium ??= use.utmMedium
        row.utmCampaign ??= use.utmCampaign
        row.utmTerm ??= use.utmTerm
        row.utmContent ??= use.utmContent
        row.channel = use.channel
      },
    },
  ]
}

function botReasonOf(
  row: EventRow,
  ctx: EnrichContext,
  o: DefaultStepsOptions,
  isSpam: (referrer: string) => boolean,
): BotReason | undefined {
  const ua = ctx.userAgent ?? ''
  ctx.agent ??= o.agents.parse(ua, ctx.hints)
  if (ctx.agent.headless) return 'headless'
  if (ctx.agent.bot && isBotFor(ua, ctx.agentSource)) return 'ua'
  if (ctx.webdriver) return 'webdriver'
  if (row.referrer !== null) {
    if (ctx.spamReferrer !== row.referrer) {
      ctx.spamReferrer = row.referrer
      ctx.spam = isSpam(row.referrer)
    }
    if (ctx.spam) return 'referrer_spam'
  }
  // The event's own time: a replay or an import of a day's traffic is judged like the day itself.
  if (row.visitorId && o.burst.hit(row.visitorId, row.ts, ctx)) return 'burst'
  return undefined
}

/**
 * The one bot rule on an isbot match, by where the UA comes from. A forwarded or imported UA is a
 * visitor's, so any match (Feedfetcher-Google, msnbot, curl) is a bot, and so is `-`. The UA of the
 * request itself is judged only when it claims to be a browser (`Mozilla/…`): crawlers that run pages do
 * ("Mozilla/5.0 (compatible; Googlebot/2.1 …)"), while a client that does not (curl, an app, a script
 * with a public key) is the site's own API client, counted like server traffic, as the seed's curl
 * calls always were.
 */
export function isBotFor(ua: string, source: AgentSource = 'request'): boolean {
  return source !== 'request' || ua.startsWith('Mozilla/')
}

const DAY_MS = 86_400_000

export { BurstRule }
