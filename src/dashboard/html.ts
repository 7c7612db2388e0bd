// The dashboard's HTML shell and the security headers it is served with. The page holds no data:
// everything is fetched by the script and written with textContent.
import type { DashboardAssets } from './build'

/**
 * Content Security Policy of the page: scripts and styles only from this server, requests only to
 * this server. Even if an event's text slipped into markup, no inline script or handler could run.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers of the HTML page. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

/** The HTML page that loads the bundle; `version` busts caches when the bundle changes. */
export function renderPage(assets: Pick<DashboardAssets, 'version'>): string {
  const v = encodeURIComponent(assets.version)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>PULSE analytics</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/app.css?v=${v}">
<script type="module" src="/dashboard/app.js?v=${v}"></script>
</head>
<body>
<noscript>The PULSE dashboard needs JavaScript. The same data is available from the API: see /openapi.</noscript>
<div id="app"></div>
</body>
</html>
`
}

/**
 * Headers of a share link's page. Only a live, password-less link with embed origins may be framed, and
 * only by those origins (`frame-ancestors`; X-Frame-Options cannot list origins, so it is left out then).
 * Every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 */
export function sharePageHeaders(embedOrigins: string[]): Record<string, string> {
  if (embedOrigins.length === 0) return PAGE_HEADERS
  const { 'x-frame-options': _deny, ...rest } = PAGE_HEADERS
  const csp = DASHBOARD_CSP.replace("frame-ancestors 'none'", `frame-ancestors ${embedOrigins.join(' ')}`)
  return { ...rest, 'content-security-policy': csp }
}
