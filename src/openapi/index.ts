// The published OpenAPI 3.1 document (/openapi/json) and its UI (/openapi), served offline: the
// Scalar bundle comes from the @scalar/api-reference npm package, not a CDN. The plugin's document goes
// through `tidyDocument` (tidy.ts) on its way out, once per version of it.
import { dirname, join } from 'node:path'
import { openapi } from '@elysiajs/openapi'
import { Elysia } from 'elysia'
import { ErrorResponse } from '../http/envelope'
import { prebuilt } from '../prebuilt'
import { tidyDocument } from './tidy'

/** Path of the Scalar UI bundle: embedded in the binary, else from the npm package. */
export function scalarBundlePath(): string {
  // The package's exports map hides dist/browser, so resolve its package.json and walk from there.
  scalarPath ??=
    prebuilt()?.scalarPath ??
    join(
      dirname(Bun.resolveSync('@scalar/api-reference/package.json', import.meta.dir)),
      'dist/browser/standalone.js',
    )
  return scalarPath
}
let scalarPath: string | undefined

/** The OpenAPI plugin plus the route serving the UI's JavaScript. */
export function openapiRoutes(version: string) {
  // The plugin caches its document until routes are added: tidy each version of it once.
  const tidied = new WeakMap<object, object>()
  return new Elysia({ name: 'openapi-docs' })
    .model({ ErrorResponse })
    .onAfterHandle(({ path, responseValue }) => {
      if (path !== '/openapi/json' || !responseValue || typeof responseValue !== 'object') return
      const doc = tidied.get(responseValue) ?? tidyDocument(responseValue as Record<string, unknown>)
      tidied.set(responseValue, doc)
      return doc
    })
    .get(
      '/openapi/scalar.js',
      () =>
        new Response(Bun.file(scalarBundlePath()), {
          headers: {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'public, max-age=86400',
          },
        }),
      { detail: { hide: true } },
    )
    .use(
      openapi({
        path: '/openapi',
        specPath: '/openapi/json',
        // staticFile: false keeps /tracker.js (a documented route) in the spec; hidden routes stay hidden.
        exclude: { paths: ['/openapi/scalar.js'], staticFile: false },
        scalar: { cdn: '/openapi/scalar.js', withDefaultFonts: false } as never,
        documentation: {
          openapi: '3.1.0',
          info: {
            title: 'PULSE API',
            version,
            description:
              'Self-hosted event analytics. Send events with a site key to `/collect`; read stats with the site secret key; manage sites with the admin token. Every response uses the envelope `{success:true, data}` or `{success:false, error, status}`.',
            license: { name: 'MIT', identifier: 'MIT' },
          },
          tags: [
            { name: 'Ingest', description: 'Send events' },
            { name: 'Stats', description: 'Query analytics (secret key or admin token)' },
            { name: 'Admin', description: 'Sites and API keys (admin token)' },
            { name: 'Privacy', description: "Erasing a user's events (secret key or admin token)" },
            {
              name: 'Annotations',
              description: 'Notes on the chart, such as deploys (secret key or admin token)',
            },
            { name: 'Health', description: 'Server state' },
            { name: 'Tracker', description: 'The browser tracker script' },
          ],
          components: {
            securitySchemes: {
              bearerAuth: {
                type: 'http',
                scheme: 'bearer',
                description: 'A site key (`pk_…` public, `sk_…` secret) or the admin token',
              },
            },
          },
        },
      }),
    )
}
