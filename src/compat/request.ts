// What the drop-in endpoints share: the visitor a request describes (Plausible's and Umami's server
// clients forward the visitor's address in X-Forwarded-For), CORS for their scripts' requests, and the
// count of refused payloads (shown with the other drops in the admin /health).
import type { Enricher } from '../ingest/enrich/pipeline'
import { clientIp, corsHeaders, type PeerSource, visitorSignals } from '../ingest/index'
import { parseAddress } from '../sites/exclusions'
import type { CompatRequest } from './ingest'

/**
 * The request's visitor. Without trusted proxies (`PULSE_TRUSTED_PROXIES` 0), the first address of
 * X-Forwarded-For is the visitor's, as Plausible's Events API documents for server-side senders; it is
 * used for enrichment and exclusions only. Rate limits always count the peer (or the trusted proxies'
 * client), so a forged header cannot escape them.
 */
export function compatRequest(server: PeerSource, request: Request, trustedProxies: number): CompatRequest {
  const signals = visitorSignals(server, request, trustedProxies)
  if (trustedProxies === 0) {
    const first = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (first && first.length <= 64 && parseAddress(first)) signals.ip = first
  }
  return { signals, limitIp: clientIp(server, request, trustedProxies) }
}

/** Count a payload refused before ingest (`compat:<reason>` among the drops of /health). */
export function countRefusal(enricher: Enricher, reason: string): void {
  const k = `compat:${reason}`
  enricher.counts.dropped[k] = (enricher.counts.dropped[k] ?? 0) + 1
}

/** Run a handler; its error answer gets the CORS headers of a browser's request too. */
export async function withCors(
  set: { headers: Record<string, string | number> },
  request: Request,
  handler: () => Promise<Response>,
): Promise<Response> {
  try {
    const res = await handler()
    const h: Record<string, string | number> = {}
    corsHeaders(h, request)
    for (const [k, v] of Object.entries(h)) res.headers.set(k, String(v))
    return res
  } catch (err) {
    corsHeaders(set.headers, request)
    throw err
  }
}

/** The answer to a CORS preflight of a drop-in endpoint. */
export function preflight(
  set: { status?: number | string; headers: Record<string, string | number> },
  request: Request,
) {
  corsHeaders(set.headers, request)
  Object.assign(set.headers, {
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, x-umami-cache',
    'access-control-max-age': '86400',
  })
  set.status = 204
  return ''
}
