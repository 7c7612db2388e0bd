// GET /tracker.js: the browser tracker (`window.PULSE`), bundled from client/ at start-up and served
// from memory, gzipped when the browser accepts it, revalidated by ETag.
import { Elysia } from 'elysia'
import { extrasAsset, type TrackerAsset, trackerAsset } from './build'

const HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  // Unversioned URL: browsers may keep it an hour, then revalidate (cheap 304 by ETag).
  'cache-control': 'public, max-age=3600',
  'x-content-type-options': 'nosniff',
  // Pages on other origins load this script, also those that require CORP (COEP: require-corp).
  'cross-origin-resource-policy': 'cross-origin',
  vary: 'Accept-Encoding',
}

/** A script answer: 304 for a matching ETag, gzip when accepted. */
function serve(request: Request, asset: TrackerAsset): Response {
  const headers: Record<string, string> = { ...HEADERS, etag: asset.etag }
  if (request.headers.get('if-none-match') === asset.etag) return new Response(null, { status: 304, headers })
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
    return new Response(asset.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } })
  return new Response(asset.js, { headers })
}

/** The tracker plugin. */
export function trackerRoutes() {
  return new Elysia({ name: 'tracker' })
    .onStart(() => {
      // Build when the server starts listening, so the first page view does not wait.
      trackerAsset().catch(() => undefined)
    })
    .get('/tracker-extras.js', async ({ request }) => serve(request, await extrasAsset()), {
      detail: {
        summary: "The tracker's extras bundle",
        description:
          "Auto-capture and web vitals for `tracker.js`, which loads it itself when `init({capture})` (or the script's `data-capture`) names `outbound`, `downloads`, `404`, `forms`, `tagged` or `vitals`. Public: no credentials.",
        tags: ['Tracker'],
        operationId: 'getTrackerExtras',
        security: [],
        responses: {
          200: {
            description: 'The extras script (minified JavaScript)',
            content: { 'text/javascript': { schema: { type: 'string' } } },
          },
          304: { description: 'Not modified (the ETag matches)' },
        },
      },
    })
    .get('/tracker.js', async ({ request }) => serve(request, await trackerAsset()), {
      detail: {
        summary: 'The browser tracker script',
        description:
          'Defines `window.PULSE` with `init({siteId, apiKey, endpoint?, autoTrack?, respectDnt?})`, `trackPageView({url?, referrer?, deviceType?})` and `trackEvent(name, props)`. Load it with a script element whose `src` is this URL, and use the site public key (`pk_…`). Public: no credentials.',
        tags: ['Tracker'],
        operationId: 'getTrackerScript',
        security: [],
        responses: {
          200: {
            description: 'The tracker script (minified JavaScript)',
            content: { 'text/javascript': { schema: { type: 'string' } } },
          },
          304: { description: 'Not modified (the ETag matches)' },
        },
      },
    })
}
