// Ingest routes: POST /collect (one event) and POST /collect/batch ({events:[…]}), with CORS for browsers.
// Both routes call one handler, `ingest`, which reads top-down: route (query string) → key, origin and
// rate limits → body → validation and enrichment → (dry run answers here) → admission and persist →
// answer. The key is checked before the body is read, so a request that may not send (no key, a wrong
// one, over its limit) is refused without waiting for its body; only a batch carrying its public key in
// the body (`api_key`, with no Authorization header and no `?api_key=`) has to be read first.
import { Elysia } from 'elysia'
import { readJson } from '../http/body'
import { clientAddress, ipBucketId } from '../http/client-ip'
import { errors } from '../http/envelope'
import { AppError } from '../http/errors'
import { refuseUnknownParams } from '../http/query-params'
import { type RateDecision, rateLimitHeaders } from '../http/rate-limit'
import type { StatsDeps } from '../stats/read'
import { DryRunResult, dryRun } from './dry-run'
import {
  acceptRows,
  authorizeIngest,
  type BatchBody,
  type IngestDeps,
  type RejectedEvent,
  unpackBatch,
  type VisitorSignals,
  validateBatch,
} from './ingestor'
import { BatchInput, BatchResult, CollectResult, EventInput } from './model'

const CORS = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, content-encoding',
  'access-control-max-age': '86400',
}

/** The CORS headers of an answer to a browser's request (one with an Origin), into `headers`. */
export function corsHeaders(headers: Record<string, string | number>, request: Request): void {
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
export type PeerSource = { requestIP(r: Request): { address: string } | null } | null

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
export function clientIp(server: PeerSource, request: Request, trustedProxies: number): string | undefined {
  const peer = server?.requestIP(request)?.address
  const address = clientAddress(peer, request.headers.get('x-forwarded-for'), trustedProxies)
  return address ? ipBucketId(address) : undefined
}

/** A short header value, or undefined (Client Hints are short; anything long is not a browser's). */
const header = (request: Request, name: string, max = 512) => {
  const v = request.headers.get(name)
  return v && v.length <= max ? v : undefined
}

/** The visitor's User-Agent, Client Hints and address as the request shows them (for enrichment; the
 * drop-in endpoints of src/compat/ reuse it). */
export function visitorSignals(server: PeerSource, request: Request, trustedProxies: number): VisitorSignals {
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

/** What differs between the two routes; everything else is `ingest`'s. */
interface IngestRoute {
  /** Whether the body may carry the (public) key: a batch's `api_key`. */
  keyInBody: boolean
  /** The events of the parsed body and the key it carries; throws for a body of the wrong shape. */
  unpack(body: unknown, maxEvents: number): BatchBody
  /** The JSON path of event `i`, for problems. */
  pathOf(i: number): string
  /** Whether an invalid event refuses the whole request (422) rather than being listed in `rejected`. */
  allOrNothing: boolean
  /** The 200 answer's JSON text. */
  answer(accepted: number, rejected: RejectedEvent[]): string
}

const ONE_EVENT: IngestRoute = {
  keyInBody: false,
  unpack: (body) => ({ events: [body] }),
  pathOf: () => '$',
  allOrNothing: true,
  answer: (accepted) => `{"success":true,"data":{"accepted":${accepted}}}`,
}

const BATCH: IngestRoute = {
  keyInBody: true,
  unpack: unpackBatch,
  pathOf: (i) => `$.events[${i}]`,
  allOrNothing: false,
  answer: (accepted, rejected) => JSON.stringify({ success: true, data: { accepted, rejected } }),
}

/** What a route hands the handler of its request context. */
interface IngestRequest {
  request: Request
  query: Record<string, string | undefined>
  set: { headers: Record<string, string | number> }
  server: PeerSource
}

/** Ingest routes; errors leave through the funnel. */
export function ingestRoutes(deps: IngestDeps & StatsDeps) {
  const { maxBodyBytes, maxBatchEvents, trustedProxies } = deps.config

  /** One ingest request, either route, in the order of the module comment; errors are thrown. */
  async function ingest(
    route: IngestRoute,
    { request, query, set, server }: IngestRequest,
  ): Promise<Response> {
    // Route: the query string alone.
    refuseUnknownParams(query, QUERY_PARAMS)
    const dry = isDryRun(query.dry_run)
    // Key, origin and rate limits, before the body (unless the key can only be in the body).
    const authorize = (keyParam: string | undefined) =>
      authorizeIngest(deps, {
        headers: request.headers,
        keyParam,
        ip: () => clientIp(server, request, trustedProxies),
      })
    const keyAwaitsBody =
      route.keyInBody && !request.headers.has('authorization') && query.api_key === undefined
    let access = keyAwaitsBody ? undefined : authorize(query.api_key)
    // Body.
    const { value, plainText } = await readJson(request, maxBodyBytes)
    const { events, bodyKey } = route.unpack(value, maxBatchEvents)
    access ??= authorize(bodyKey)
    const { key, rate } = access
    // Validation and enrichment (browser traffic is enriched from the request's own headers).
    const signals = key.kind === 'public' ? visitorSignals(server, request, trustedProxies) : undefined
    const { rows, rejected } = validateBatch(deps, key, events, route.pathOf, signals, plainText)
    if (dry) {
      corsHeaders(set.headers, request)
      Object.assign(set.headers, rateLimitHeaders(rate))
      const result = await dryRun(deps, key.keyId, events.length, rows, rejected, route.pathOf)
      return dryRunResponse(result, set.headers)
    }
    if (route.allOrNothing && rejected.length > 0)
      throw new AppError(422, `Validation failed: ${rejected[0].error}`, rejected[0].details)
    // Admission and persist.
    const accepted = await acceptRows(deps, rows)
    // Answer.
    return okResponse(route.answer(accepted, rejected), request, rate)
  }

  // The handlers destructure the context: Elysia reads the body before a handler that takes it whole.
  return new Elysia({ name: 'ingest' })
    .model({ EventInput, BatchInput, DryRunResult })
    .options('/collect', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .options('/collect/batch', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .post(
      '/collect',
      ({ request, query, set, server }) =>
        withCorsOnError(set, request, () => ingest(ONE_EVENT, { request, query, set, server })),
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
        withCorsOnError(set, request, () => ingest(BATCH, { request, query, set, server })),
      {
        detail: {
          summary: 'Send a batch of events',
          description: `Stores up to ${maxBatchEvents} events. Each event is validated on its own: valid ones are stored and the invalid ones are listed in \`rejected\` with their index. Every event must belong to the key's site. The query parameters are \`api_key\` and \`dry_run\`; any other is refused with 422.${DRY_RUN_NOTE}`,
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
