// Dashboard routes: GET / (the web UI) and its bundled script and stylesheet. The UI talks only to
// the public API; these routes serve static files and are hidden from the OpenAPI document.
import { Elysia } from 'elysia'
import { embedOriginsOf } from '../accounts/sharing'
import type { AccountStore } from '../accounts/store'
import { dashboardAssets } from './build'
import { PAGE_HEADERS, renderPage, sharePageHeaders } from './html'

const hidden = { detail: { hide: true } }

function asset(body: string, type: string, versioned: boolean): Response {
  return new Response(body, {
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      // A versioned URL names one bundle forever; an unversioned one must be revalidated.
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}

/** The dashboard plugin: the page at `/`, a share link's and an invitation's page, and its assets. */
export function dashboardRoutes(deps?: { accounts: AccountStore }) {
  return new Elysia({ name: 'dashboard' })
    .onStart(() => {
      // Warm the bundle when the server starts listening, so the first visitor does not wait.
      dashboardAssets().catch(() => undefined)
    })
    .get(
      '/',
      async () => new Response(renderPage(await dashboardAssets()), { headers: PAGE_HEADERS }),
      hidden,
    )
    .get(
      '/share/:slug',
      async ({ params }) =>
        new Response(renderPage(await dashboardAssets()), {
          headers: sharePageHeaders(deps ? embedOriginsOf(deps.accounts, params.slug) : []),
        }),
      hidden,
    )
    .get(
      '/invite/:token',
      async () => new Response(renderPage(await dashboardAssets()), { headers: PAGE_HEADERS }),
      hidden,
    )
    .get(
      '/dashboard/app.js',
      async ({ query }) => {
        const a = await dashboardAssets()
        return asset(a.js, 'text/javascript; charset=utf-8', query.v === a.version)
      },
      hidden,
    )
    .get(
      '/dashboard/app.css',
      async ({ query }) => {
        const a = await dashboardAssets()
        return asset(a.css, 'text/css; charset=utf-8', query.v === a.version)
      },
      hidden,
    )
}
