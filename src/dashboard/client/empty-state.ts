// The first-run guide shown when a site has no events yet: the curl command and the <script>
// snippet with this site's id and this server's address filled in.
import { h } from './dom'

/** The curl command that sends one page view to `base` for `siteId`. */
export function curlSnippet(base: string, siteId: string): string {
  const event = JSON.stringify(
    {
      site_id: siteId,
      event_type: 'page_view',
      timestamp: 0,
      session_id: 'session_123',
      url: 'https://example.com/',
      device_type: 'desktop',
    },
    null,
    2,
  )
    .replace('"timestamp": 0', `"timestamp": '$(date +%s000)'`)
    .replace(/\n/g, '\n  ')
  return [
    `curl -X POST ${base}/collect \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Authorization: Bearer YOUR_SECRET_OR_PUBLIC_KEY" \\`,
    `  -d '${event}'`,
  ].join('\n')
}

/** The tracker snippet for a web page of `siteId`. */
export function scriptSnippet(base: string, siteId: string): string {
  return [
    `<script src="${base}/tracker.js"></script>`,
    '<script>',
    '  window.PULSE.init({',
    `    siteId: ${JSON.stringify(siteId)},`,
    `    apiKey: 'YOUR_PUBLIC_KEY', // pk_…`,
    '    autoTrack: true, // sends a page view now and on every navigation',
    '  })',
    '</script>',
  ].join('\n')
}

function codeBlock(text: string, label: string): HTMLElement {
  const copy = h('button', { class: 'ghost small', attrs: { type: 'button' } }, 'Copy')
  copy.addEventListener('click', () => {
    navigator.clipboard?.writeText(text).then(
      () => {
        copy.textContent = 'Copied'
      },
      () => undefined,
    )
  })
  return h(
    'figure',
    'snippet',
    h('figcaption', {}, h('span', {}, label), copy),
    h('pre', {}, h('code', {}, text)),
  )
}

/** The guide for a site without events. */
export function renderFirstRun(siteId: string, base = location.origin): HTMLElement {
  return h(
    'section',
    { class: 'card first-run', attrs: { id: 'first-run' } },
    h('h2', {}, 'No events yet for ', h('code', {}, siteId)),
    h(
      'p',
      {},
      'Send a first event and it shows up here within seconds. Use the site’s public key (pk_…) in web pages ',
      'and the secret key (sk_…) on servers; both were shown when the site was created.',
    ),
    codeBlock(curlSnippet(base, siteId), 'From a terminal'),
    codeBlock(scriptSnippet(base, siteId), 'In your web pages (before </body>)'),
    h(
      'p',
      'muted small',
      'All endpoints are documented at ',
      h('a', { attrs: { href: '/openapi' } }, '/openapi'),
      '.',
    ),
  )
}
