// Plausible's own trackers from npm in real Chromium, pointed at a real PULSE process by host name only:
// `@plausible-analytics/tracker` (endpoint), `plausible-tracker` (apiHost) and PULSE's /js/script.js
// with `data-domain`. Page views, custom events with props and revenue land in PULSE's stats exactly as
// PULSE's own tracker records the same actions.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium, type PageServer, type Pulse, servePages, startPulse } from '../tracker/e2e-helpers'

let browser: Browser
let pages: PageServer
let pulse: Pulse
let ownKey = ''
const secret: Record<string, string> = {}

/** Bundle an npm package's entry for the browser, exposing it as `window[global]`. */
async function bundle(entry: string, global: string): Promise<string> {
  const src = join(import.meta.dir, `entry-${global}.ts`)
  await Bun.write(src, `import * as m from '${entry}'\n;(window as any).${global} = m\n`)
  try {
    const r = await Bun.build({ entrypoints: [src], target: 'browser', format: 'iife', minify: true })
    if (!r.success) throw new Error(r.logs.join('; '))
    return r.outputs[0].text()
  } finally {
    await Bun.file(src).delete()
  }
}

beforeAll(async () => {
  ;[browser, pulse] = await Promise.all([launchChromium(), startPulse()])
  pages = servePages()
  pages.page('/lib/npm-tracker.js', await bundle('@plausible-analytics/tracker', 'PlausibleNpm'))
  pages.page('/lib/old-tracker.js', await bundle('plausible-tracker', 'PlausibleOld'))
  const own = await pulse.site('site_own', ['127.0.0.1'])
  ownKey = own.public_key
  secret.site_own = own.secret_key
  for (const [id, domain] of [
    ['site_npm', 'npm.example'],
    ['site_old', 'old.example'],
    ['site_script', 'script.example'],
  ]) {
    const s = await pulse.site(id, [domain])
    secret[id] = s.secret_key
  }
}, 60_000)
afterAll(async () => {
  await browser?.close()
  pages?.stop()
  await pulse?.close()
})

/** Open `html` at `path` in a fresh context and wait until `expected` more events were acknowledged. */
async function visit(path: string, html: string, expected: number) {
  const before = await pulse.accepted()
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(pages.page(path, html))
  const got = await pulse.waitForAccepted(before + expected)
  await ctx.close()
  expect(errors).toEqual([])
  expect(got - before).toBe(expected)
}

async function breakdown(siteId: string, dimension: string, extra = '') {
  const res = await fetch(
    `${pulse.url}/api/v1/stats/breakdown?site_id=${siteId}&dimension=${dimension}&period=24h${extra}`,
    { headers: { authorization: `Bearer ${secret[siteId]}` } },
  )
  const body = (await res.json()) as { data: { rows: { key: string; value: number }[] } }
  expect(res.status).toBe(200)
  return body.data.rows
}

/** What each tracker should have recorded, read through the stats API. */
async function recorded(siteId: string) {
  return {
    types: await breakdown(siteId, 'event_type'),
    plans: await breakdown(siteId, 'property:plan', '&event_type=Purchase'),
    revenue: await breakdown(siteId, 'property:revenue', '&event_type=Purchase'),
    currency: await breakdown(siteId, 'property:currency', '&event_type=Purchase'),
    pages: await breakdown(siteId, 'url', '&event_type=page_view'),
    browsers: await breakdown(siteId, 'browser'),
  }
}

test('the real Plausible trackers record what PULSE’s own tracker records', async () => {
  // PULSE's own tracker: one page view, one purchase with a plan and revenue.
  await visit(
    '/shop',
    `<script src="${pulse.url}/tracker.js"></script><script>
PULSE.init({ siteId: 'site_own', apiKey: '${ownKey}', endpoint: '${pulse.url}' })
PULSE.trackPageView()
PULSE.trackEvent('Purchase', { plan: 'pro', revenue: 29.99, currency: 'EUR' })
</script>`,
    2,
  )
  // @plausible-analytics/tracker: endpoint = PULSE's host + Plausible's path.
  await visit(
    '/shop',
    `<script src="/lib/npm-tracker.js"></script><script>
PlausibleNpm.init({ domain: 'npm.example', endpoint: '${pulse.url}/api/event', captureOnLocalhost: true, autoCapturePageviews: false })
PlausibleNpm.track('pageview', {})
PlausibleNpm.track('Purchase', { props: { plan: 'pro' }, revenue: { amount: 29.99, currency: 'EUR' } })
</script>`,
    2,
  )
  // plausible-tracker (the older package): apiHost = PULSE's host.
  await visit(
    '/shop',
    `<script src="/lib/old-tracker.js"></script><script>
const p = PlausibleOld.default({ domain: 'old.example', apiHost: '${pulse.url}', trackLocalhost: true })
p.trackPageview()
p.trackEvent('Purchase', { props: { plan: 'pro', revenue: 29.99, currency: 'EUR' } })
</script>`,
    2,
  )
  // PULSE's Plausible-compatible script, tagged as for Plausible.
  await visit(
    '/shop',
    `<script>window.plausible = window.plausible || function () { (window.plausible.q = window.plausible.q || []).push(arguments) }</script>
<script defer data-domain="script.example" src="${pulse.url}/js/script.local.js"></script>
<script>plausible('Purchase', { props: { plan: 'pro' }, revenue: { amount: 29.99, currency: 'EUR' } })</script>`,
    2,
  )
  const own = await recorded('site_own')
  expect(own.types).toEqual([
    { key: 'Purchase', value: 1 },
    { key: 'page_view', value: 1 },
  ])
  expect(own.plans).toEqual([{ key: 'pro', value: 1 }])
  expect(own.browsers).toEqual([{ key: 'Chromium', value: 2 }])
  for (const site of ['site_npm', 'site_old', 'site_script']) expect(await recorded(site)).toEqual(own)
}, 90_000)
