// Umami drop-in: `POST /api/send` and `/script.js`. The payload's website id names the site through an
// alias in the site's settings; the event is stored through ingest's own steps (src/compat/ingest.ts).
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Elysia } from 'elysia'
import { readJson } from '../../http/body'
import { errors } from '../../http/envelope'
import { AppError } from '../../http/errors'
import type { IngestDeps } from '../../ingest/ingestor'
import { ingestMapped } from '../ingest'
import { compatRequest, countRefusal, preflight, withCors } from '../request'
import { assetOf, bundleScript, SCRIPT_RESPONSES, scriptResponse } from '../scripts'
import { CompatSessions } from '../sessions'
import { mapUmami } from './map'
import { UmamiAnswer, UmamiSend } from './model'

const check = TypeCompiler.Compile(UmamiSend)

/** The Umami routes. */
export function umamiRoutes(deps: IngestDeps) {
  const sessions = new CompatSessions()
  const { maxBodyBytes, trustedProxies } = deps.config
  return new Elysia({ name: 'compat-umami' })
    .model({ UmamiSend, UmamiAnswer })
    .options('/api/send', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .post(
      '/api/send',
      ({ request, set, server }) =>
        withCors(set, request, async () => {
          const { value } = await readJson(request, maxBodyBytes)
          if (!check.Check(value)) {
            const first = check.Errors(value).First()
            const path = first ? `$${first.path.replace(/\//g, '.')}` : '$'
            const message = first?.message ?? 'must be a JSON object'
            throw new AppError(400, `Invalid event: ${path}: ${message}`, [{ path, message }])
          }
          const siteId = deps.store.siteByAlias(value.payload.website)
          if (siteId === undefined) {
            countRefusal(deps.enricher, 'unknown_website')
            throw new AppError(
              404,
              `No site has the alias ${value.payload.website}: add the Umami website id to a site's aliases (PATCH /api/v1/sites/{site_id})`,
            )
          }
          if (value.type === 'event') {
            const req = compatRequest(server, request, trustedProxies)
            // @umami/node may forward its visitor's User-Agent in the payload.
            const ua = (value.payload as { userAgent?: unknown }).userAgent
            if (typeof ua === 'string' && ua.length <= 1024) req.signals.userAgent = ua
            await ingestMapped(deps, sessions, req, [mapUmami(value.payload, siteId)])
          }
          return new Response('{}', { headers: { 'content-type': 'application/json' } })
        }),
      {
        detail: {
          summary: 'Send an Umami event',
          description:
            "Umami's collect endpoint, for sites and apps tagged for Umami: change the host name only. The site is the one whose `aliases` hold the payload's `website` id. An event without `name` is a page view; `data` becomes the properties; a path URL is stored behind `https://<hostname>`. `identify` is accepted and stores nothing. Answers 200 `{}`. An unknown website id is refused with 404 and counted in the admin /health (`compat:unknown_website`); an invalid payload is a 400 with PULSE's error envelope. Events matching the site's exclusions are dropped (still 200) and counted. No key.",
          tags: ['Compatibility'],
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/UmamiSend' } },
              'text/plain': { schema: { $ref: '#/components/schemas/UmamiSend' } },
            },
          },
        },
        response: { 200: UmamiAnswer, ...errors(400, 404, 413, 415, 429, 503) },
      },
    )
    .get(
      '/script.js',
      async ({ request }) => scriptResponse(request, assetOf('umami', await bundleScript('umami'))),
      {
        detail: {
          summary: "Umami's script",
          description:
            'An Umami-compatible script (a script element with `defer`, `src="https://pulse.example.com/script.js"` and `data-website-id="…"`) counts page views and defines `umami.track(…)`; reads `data-host-url`, `data-domains`, `data-auto-track`, `data-exclude-search`, `data-exclude-hash`, `data-tag`, and `data-umami-event` / `data-umami-event-*` on clicked elements. Public: no credentials.',
          tags: ['Compatibility'],
          security: [],
          responses: SCRIPT_RESPONSES,
        },
      },
    )
}
