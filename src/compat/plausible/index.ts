// Plausible drop-in: `POST /api/event` (the Events API) and `/js/script*.js` (the script and its
// file-name variants). A payload names its site by domain; it is mapped to PULSE events and stored through
// ingest's own steps (src/compat/ingest.ts). Answers follow Plausible where its clients look: 202 `ok`.
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Elysia } from 'elysia'
import { readJson } from '../../http/body'
import { errorDocs } from '../../http/envelope'
import { AppError } from '../../http/errors'
import type { IngestDeps } from '../../ingest/ingestor'
import { ingestMapped } from '../ingest'
import { compatRequest, countRefusal, preflight, withCors } from '../request'
import { assetOf, bundleScript, SCRIPT_RESPONSES, scriptResponse } from '../scripts'
import { CompatSessions } from '../sessions'
import { mapPlausible, requiredOf } from './map'
import { PlausibleEvent } from './model'

const check = TypeCompiler.Compile(PlausibleEvent)

/** Plausible's script extensions, as file-name parts: `script.<ext>.<ext>.js`. */
export const PLAUSIBLE_EXTENSIONS = [
  'hash',
  'outbound-links',
  'file-downloads',
  'tagged-events',
  'revenue',
  'pageview-props',
  'manual',
  'local',
  'exclusions',
  'compat',
] as const

/** The extensions a script file name selects; undefined for a name that is not a variant. */
export function extensionsOf(file: string): string[] | undefined {
  const m = /^(?:script|plausible)((?:\.[a-z-]+)*)\.js$/.exec(file)
  if (!m) return undefined
  const parts = m[1].split('.').filter(Boolean)
  if (!parts.every((p) => (PLAUSIBLE_EXTENSIONS as readonly string[]).includes(p))) return undefined
  return [...new Set(parts)].sort()
}

/** The Plausible routes. */
export function plausibleRoutes(deps: IngestDeps) {
  const sessions = new CompatSessions()
  const { maxBodyBytes, trustedProxies } = deps.config
  return new Elysia({ name: 'compat-plausible' })
    .model({ PlausibleEvent })
    .options('/api/event', ({ set, request }) => preflight(set, request), { detail: { hide: true } })
    .post(
      '/api/event',
      ({ request, set, server }) =>
        withCors(set, request, async () => {
          const { value } = await readJson(request, maxBodyBytes)
          if (value === null || typeof value !== 'object' || Array.isArray(value) || !check.Check(value)) {
            const first = check.Errors(value).First()
            const path = first ? `$${first.path.replace(/\//g, '.')}` : '$'
            throw new AppError(400, `Invalid event: ${path}: ${first?.message ?? 'must be a JSON object'}`, [
              { path, message: first?.message ?? 'must be a JSON object' },
            ])
          }
          const { domains } = requiredOf(value)
          const sites = [
            ...new Set(domains.map((d) => deps.store.siteByDomain(d)).filter((s) => s !== undefined)),
          ]
          if (sites.length === 0) {
            countRefusal(deps.enricher, 'unknown_domain')
            throw new AppError(
              404,
              `No site lists the domain ${domains.join(',').slice(0, 253)}: add it to a site's domains (PATCH /api/v1/sites/{site_id})`,
            )
          }
          // Plausible's engagement pings (time on page, scroll depth) have no PULSE event: accepted, not stored.
          if ((value.name ?? value.n) !== 'engagement')
            await ingestMapped(
              deps,
              sessions,
              compatRequest(server, request, trustedProxies),
              mapPlausible(value, sites),
            )
          return new Response('ok', { status: 202, headers: { 'content-type': 'text/plain; charset=utf-8' } })
        }),
      {
        detail: {
          summary: 'Send a Plausible event',
          description:
            "Plausible's Events API, for sites and servers tagged for Plausible: change the host name only. The body is Plausible's payload (long or short keys; JSON sent as `application/json` or `text/plain`); the site is the one whose `domains` list the payload's `domain`. The visitor is the request's User-Agent and X-Forwarded-For (its first address; without trusted proxies configured). `pageview` is stored as `page_view`; `props` as properties; `revenue` as the properties `revenue` and `currency`. Answers 202 `ok` like Plausible. Its npm tracker's `engagement` pings are accepted and not stored. Unlike Plausible, which answers 202 and drops silently, an unknown domain is refused with 404 and counted in the admin /health (`compat:unknown_domain`); a payload that is not valid is a 400 with PULSE's error envelope. Events matching the site's exclusions are dropped (still 202) and counted. No key: a site is as open as its domains.",
          tags: ['Compatibility'],
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/PlausibleEvent' },
                example: {
                  name: 'Signup',
                  url: 'https://example.com/pricing',
                  domain: 'example.com',
                  props: { plan: 'pro' },
                },
              },
              'text/plain': { schema: { $ref: '#/components/schemas/PlausibleEvent' } },
            },
          },
          responses: {
            202: {
              description: 'Accepted (stored, or dropped by an exclusion rule)',
              content: { 'text/plain': { schema: { type: 'string', enum: ['ok'] }, example: 'ok' } },
            },
            ...errorDocs(400, 404, 413, 415, 429, 503),
          },
        },
      },
    )
    .get(
      '/js/:file',
      async ({ params, request }) => {
        const exts = extensionsOf(params.file)
        if (!exts) throw new AppError(404, `No such script: /js/${params.file.slice(0, 100)}`)
        const js = `!function(){var PLAUSIBLE_EXTENSIONS=${JSON.stringify(exts)};${await bundleScript('plausible')}}();`
        return scriptResponse(request, assetOf(`plausible:${exts.join('.')}`, js))
      },
      {
        detail: {
          summary: "Plausible's script",
          description: `A Plausible-compatible script (a script element with \`defer\`, \`data-domain="example.com"\` and \`src="https://pulse.example.com/js/script.js"\`) counts page views and defines \`window.plausible(name, {props, revenue, callback})\`. File-name variants select extensions as Plausible's do (\`script.outbound-links.file-downloads.js\`): ${PLAUSIBLE_EXTENSIONS.join(', ')}. Pages on \`localhost\` are not counted without \`local\`. Public: no credentials.`,
          tags: ['Compatibility'],
          security: [],
          responses: { ...SCRIPT_RESPONSES, ...errorDocs(404) },
        },
      },
    )
}
