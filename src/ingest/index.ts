// Ingest routes: POST /collect (one event) and POST /collect/batch ({events:[…]}), with CORS for browsers.
import { Elysia } from 'elysia'
import { readJson } from '../http/body'
import { clientAddress, ipBucketId } from '../http/client-ip'
import { errors } from '../http/envelope'
import { AppError } from '../http/errors'
import { refuseUnknownParams } from '../http/query-params'
import { type RateDecision, rateLimitHeaders } from '../http/rate-limit'
import type { StatsDeps } from '../stats/read'
import { DryRunResult, dryRun } from './dry-run'
import { acceptRows, authorizeIngest, type IngestDeps, type VisitorSignals, validateBatch } from './ingestor'
import { BatchInput, BatchResult, CollectResult, EventInput } from './model'

const CORS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, content-encoding',
  'access-control-max-age': '86400',
}

/** The CORS headers of an answer to a browser's request (one with an Origin), into `headers`. */
function corsHeaders(headers: Record<string, string | number>, request: Request): void {
  const origin = request.headers.get('origin')
  if (!origin) return
  headers['access-control-allow-origin'] = origin
  headers.vary = 'Origin'
  headers['access-control-expose-headers'] = EXPOSED_HEADERS
}

/** Run a route's handler; an error answer (it leaves through the funnel, which adds what `set` holds)
 * gets the CORS headers too. */
async function withCorsOnError(
  set: { headers: Record<string, string | number> },
  request: Request,
  handler: () => Promise<Response>,
): Promise<Response> {
  try {
    return await handler()
  } catch (err) {
    corsHeaders(set.headers, request)
    throw err
  }
}

/** Browsers hide non-safelisted response headers from cross-origin code; the SDK needs Retry-After. */
const EXPOSED_HEADERS = 'retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset'

/** What tells a request's peer address: the server (null under `app.handle`, which has no socket). */
type PeerSource = { requestIP(r: Request): { address: string } | null } | null

/**
 * A finished 200 answer: the JSON text with CORS (for a browser's Origin) and `RateLimit-*` headers.
 * Returning a `Response` skips Elysia's response check and mapping, which cost as much as the rest of a
 * single-event request; the route's `response` schemas still document the shape, and the HTTP tests
 * check it.
 */
function okResponse(json: string, request: Request, rate: RateDecision): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json;charset=utf-8' }
  corsHeaders(headers, request)
  if (rate.limit > 0) Object.assign(headers, rateLimitHeaders(rate))
  return new Response(json, { headers })
}

/** The peer address as a rate-limit id (IPv6 by /64); undefined under `app.handle`, which has no socket. */
function clientIp(server: PeerSource, request: Request, trustedProxies: number): string | undefined {
  const peer = server?.requestIP(request)?.address
  const address = clientAddress(peer, request.headers.get('x-forwarded-for'), trustedProxies)
  return address ? ipBucketId(address) : undefined
}

/** A short header value, or undefined (Client Hints are short; anything long is not a browser's). */
const header = (request: Request, name: string, max = 512) => {
  const v = request.headers.get(name)
  return v && v.length <= max ? v : undefined
}

/** The visitor's User-Agent, Client Hints and address as the request shows them (for enrichment). */
function visitorSignals(server: PeerSource, request: Request, trustedProxies: number): VisitorSignals {
  const peer = server?.requestIP(request)?.address
  return {
    userAgent: header(request, 'user-agent', 1024),
    ip: clientAddress(peer, request.headers.get('x-forwarded-for'), trustedProxies),
    hints: {
      brands: header(request, 'sec-ch-ua'),
      mobile: header(request, 'sec-ch-ua-mobile'),
      platform: header(request, 'sec-ch-ua-platform'),
      platformVersion: header(request, 'sec-ch-ua-platform-version'),
    },
  }
}

/** Query parameters of the ingest endpoints: a public key (browsers avoid a preflight) and `dry_run`. */
const QUERY_PARAMS = ['api_key', 'dry_run'] as const

/** Whether `?dry_run=` asks for a dry run; anything but true/false is a 422. */
function isDryRun(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  throw new AppError(422, 'dry_run must be true or false', [
    { path: '$.dry_run', message: 'must be true or false' },
  ])
}

/**
 * The dry-run answer as a finished response: it is documented as the `DryRunResult` component, not as a
 * second 200 shape of the route, so clients keep one typed result for a stored event.
 */
function dryRunResponse(result: unknown, headers: Record<string, string | number>): never {
  const h = new Headers(Object.entries(headers).map(([k, v]): [string, string] => [k, String(v)]))
  h.set('content-type', 'application/json')
  return new Response(JSON.stringify(result), { headers: h }) as never
}

const DRY_RUN_NOTE =
  ' With `?dry_run=true` nothing is stored: the answer lists each valid event as it would be stored, the invalid ones with their problems (200, not 422), and warnings (a property key that differs from one the site has only by case, `_` or `-`; an event type the site has never stored), as the `DryRunResult` schema.'

const requestBody = (name: string, example: unknown) => ({
  required: true,
  content: {
    'application/json': { schema: { $ref: `#/components/schemas/${name}` }, example },
    'text/plain': { schema: { $ref: `#/components/schemas/${name}` } },
  },
})

const seedEvent = {
  site_id: 'site_abc123',
  event_type: 'page_view',
  timestamp: 1703001234567,
  session_id: 'session_123',
  url: 'https://example.com',
  device_type: 'desktop',
}

/** Ingest routes; errors leave through the funnel. */
export function ingestRoutes(deps: IngestDeps & StatsDeps) {
  const maxBytes = deps.config.maxBodyBytes
  /** `POST /collect/batch` (see the route's description); errors are thrown. */
  async function collectBatch(
    request: Request,
    query: Record<string, string | undefined>,
    set: { headers: Record<string, string | number> },
    server: PeerSource,
  ): Promise<Response> {
    refuseUnknownParams(query, QUERY_PARAMS)
    const { value: body, plainText } = await readJson(request, maxBytes)
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
    if (events.length > deps.config.maxBatchEvents)
      throw new AppError(413, `Too many events in one batch: at most ${deps.config.maxBatchEvents}`)
    const keyParam = query.api_key ?? (typeof bodyKey === 'string' ? bodyKey : undefined)
    const { key: rec, rate } = authorizeIngest(deps, {
      headers: request.headers,
      keyParam,
      ip: () => clientIp(server, request, deps.config.trustedProxies),
    })
    const signals =
      rec.kind === 'public' ? visitorSignals(server, request, deps.config.trustedProxies) : undefined
    const { rows, rejected } = validateBatch(deps, rec, events, (i) => `$.events[${i}]`, signals, plainText)
    if (isDryRun(query.dry_run)) {
      corsHeaders(set.headers, request)
      Object.assign(set.headers, rateLimitHeaders(rate))
      return dryRunResponse(
        await dryRun(deps, rec.keyId, events.length, rows, rejected, (i) => `$.events[${i}]`),
        set.headers,
      )
    }
    const accepted = await acceptRows(deps, rows)
    return okResponse(JSON.stringify({ success: true, data: { accepted, rejected } }), request, rate)
  }

  return new Elysia({ name: 'ingest' })
    .model({ EventInput, BatchInput, DryRunResult })
    .options('/collect', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .options('/collect/batch', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .post(
      '/collect',
      ({ request, query, set, server }) =>
        withCorsOnError(set, request, async () => {
          refuseUnknownParams(query, QUERY_PARAMS)
          const { value: body, plainText } = await readJson(request, maxBytes)
          const { key: rec, rate } = authorizeIngest(deps, {
            headers: request.headers,
            keyParam: query.api_key,
            ip: () => clientIp(server, request, deps.config.trustedProxies),
          })
          const signals =
            rec.kind === 'public' ? visitorSignals(server, request, deps.config.trustedProxies) : undefined
          const { rows, rejected } = validateBatch(deps, rec, [body], () => '$', signals, plainText)
          if (isDryRun(query.dry_run)) {
            corsHeaders(set.headers, request)
            Object.assign(set.headers, rateLimitHeaders(rate))
            return dryRunResponse(await dryRun(deps, rec.keyId, 1, rows, rejected, () => '$'), set.headers)
          }
          if (rejected.length > 0)
            throw new AppError(422, `Validation failed: ${rejected[0].error}`, rejected[0].details)
          const accepted = await acceptRows(deps, rows)
          return okResponse(`{"success":true,"data":{"accepted":${accepted}}}`, request, rate)
        }),
      {
        detail: {
          summary: 'Send one event',
          description:
            'Stores one event. Authorise with `Authorization: Bearer <key>` (public or secret key of the site); browsers may instead pass a public key as `?api_key=` and send the JSON as `text/plain` to avoid a CORS preflight. Any other query parameter is refused with 422.' +
            DRY_RUN_NOTE,
          tags: ['Ingest'],
          security: [{ bearerAuth: [] }],
          requestBody: requestBody('EventInput', seedEvent),
        },
        response: { 200: CollectResult, ...errors(400, 401, 403, 413, 415, 422, 429, 503) },
      },
    )
    .post(
      '/collect/batch',
      ({ request, query, set, server }) =>
        withCorsOnError(set, request, () => collectBatch(request, query, set, server)),
      {
        detail: {
          summary: 'Send a batch of events',
          description: `Stores up to ${deps.config.maxBatchEvents} events. Each event is validated on its own: valid ones are stored and the invalid ones are listed in \`rejected\` with their index. Every event must belong to the key's site. The query parameters are \`api_key\` and \`dry_run\`; any other is refused with 422.${DRY_RUN_NOTE}`,
          tags: ['Ingest'],
          security: [{ bearerAuth: [] }],
          requestBody: requestBody('BatchInput', {
            events: [seedEvent, { ...seedEvent, event_type: 'click' }],
          }),
        },
        response: { 200: BatchResult, ...errors(400, 401, 403, 413, 415, 422, 429, 503) },
      },
    )
}

function preflight(
  set: { status?: number | string; headers: Record<string, string | number> },
  request: Request,
) {
  corsHeaders(set.headers, request)
  Object.assign(set.headers, CORS)
  set.status = 204
  return ''
}
