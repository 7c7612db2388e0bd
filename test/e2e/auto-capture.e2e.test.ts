// PULSE's tracker auto-capture in real Chromium against a real PULSE process: an outbound link, a
// download, a 404 page, a form, a `data-pulse-event` button, a hash change, screen and language, and web
// vitals, each recorded once with its properties; the tracker skips localhost unless told, and excluded
// paths; a "don't count me" browser is dropped by the server and counted.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import type { Browser } from 'playwright-core'
import {
  ADMIN,
  launchChromium,
  type PageServer,
  type Pulse,
  servePages,
  startPulse,
  stopAndReadEvents,
} from '../tracker/e2e-helpers'

let browser: Browser
let pages: PageServer

beforeAll(async () => {
  browser = await launchChromium()
  pages = servePages()
})
afterAll(async () => {
  await browser?.close()
  pages?.stop()
})

const snippet = (pulse: Pulse, key: string, opts: string, attrs = '') =>
  `<script src="${pulse.url}/tracker.js" ${attrs}></script><script>
PULSE.init({ siteId: 'site_auto', apiKey: '${key}', endpoint: '${pulse.url}', autoTrack: true, ${opts} })
</script>`

/** The dashboard shows the captured links, downloads and 404s as tabs of one card, and the web vitals. */
async function checkDashboard(pulse: Pulse, pagesUrl: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' })
  await ctx.addInitScript((token) => {
    localStorage.setItem('pulse.dashboard.token', token)
    localStorage.setItem('pulse.dashboard.admin', '1')
  }, ADMIN)
  const dash = await ctx.newPage()
  const problems: string[] = []
  dash.on('pageerror', (e) => problems.push(e.message))
  await dash.goto(`${pulse.url}/#site=site_auto&period=24h`)
  const rows = async (tab: string) => {
    await dash.click(`#captured .tab[data-tab="${tab}"]`)
    await dash.waitForSelector(`#${tab} .row`)
    return dash.$$eval(`#${tab} .row`, (els) => els.map((e) => e.getAttribute('data-key')))
  }
  expect(await rows('outbound-links')).toEqual(['https://example.org/partner?x=1'])
  expect(await rows('file-downloads')).toEqual([`${pagesUrl}/files/report.pdf`])
  expect(await rows('not-found')).toEqual(['/gone'])
  await dash.waitForSelector('#web-vitals tr[data-metric="fcp"]')
  expect(
    await dash.$$eval('#web-vitals tr[data-metric]', (els) => els.map((e) => e.getAttribute('data-metric'))),
  ).toEqual(expect.arrayContaining(['fcp', 'ttfb']))
  expect(problems).toEqual([])
  await ctx.close()
}

test('each auto-captured action is recorded once, with its properties', async () => {
  const pulse = await startPulse()
  try {
    const { public_key: key } = await pulse.site('site_auto', ['127.0.0.1'])
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const body = `
<a id="out" href="https://example.org/partner?x=1" onclick="event.preventDefault()">partner</a>
<a id="dl" href="/files/report.pdf?v=2" onclick="event.preventDefault()">report</a>
<form id="signup" onsubmit="event.preventDefault()"><button id="send">send</button></form>
<button id="tag" data-pulse-event="Signup" data-pulse-prop-plan="pro">Sign up</button>`
    await page.goto(
      pages.page(
        '/auto',
        body +
          snippet(
            pulse,
            key,
            "capture: ['outbound', 'downloads', 'forms', 'tagged', 'vitals']",
            'data-capture="hash screen"',
          ),
      ),
    )
    await page.waitForFunction(() => document.querySelector('script[src$="tracker-extras.js"]'))
    await page.waitForTimeout(300)
    await page.click('#out')
    await page.click('#dl')
    await page.click('#send')
    await page.click('#tag')
    await page.evaluate(() => {
      location.hash = '#pricing'
    })
    await page.waitForTimeout(700)
    // A 404 page tagged with the meta tag.
    await page.goto(pages.page('/gone', `<meta name="pulse-404">${snippet(pulse, key, "capture: ['404']")}`))
    await page.waitForTimeout(700)
    await page.goto('about:blank')
    await pulse.waitForAccepted(10)
    await ctx.close()
    expect(errors).toEqual([])
    await checkDashboard(pulse, pages.url)
    const events = await stopAndReadEvents(pulse, 'site_auto')
    const seen = events.map((e) => [
      e.event_type,
      e.url?.replace(pages.url, ''),
      e.properties && JSON.parse(e.properties),
    ])
    const byType = (t: string) => seen.filter((e) => e[0] === t)
    expect(byType('outbound_link')).toEqual([
      ['outbound_link', '/auto', { url: 'https://example.org/partner?x=1' }],
    ])
    expect(byType('file_download')).toEqual([
      ['file_download', '/auto', { url: `${pages.url}/files/report.pdf`, extension: 'pdf' }],
    ])
    expect(byType('form_submit')).toEqual([['form_submit', '/auto', { form: 'signup' }]])
    expect(byType('Signup')).toEqual([['Signup', '/auto', { plan: 'pro' }]])
    expect(byType('not_found')).toEqual([['not_found', '/gone', { path: '/gone' }]])
    const views = byType('page_view')
    expect(views.map((v) => v[1])).toEqual(['/auto', '/auto#pricing', '/gone'])
    expect(views[0][2]).toEqual({ screen: expect.stringMatching(/^\d+x\d+$/), language: expect.any(String) })
    const vitals = byType('web_vitals')
    expect(vitals).toHaveLength(1)
    expect(Object.keys(vitals[0][2]).sort()).toEqual(expect.arrayContaining(['fcp', 'ttfb']))
    expect(events.every((e) => e.bot_reason === null)).toBe(true)
  } finally {
    await pulse.close().catch(() => undefined)
  }
}, 90_000)

test('localhost is skipped unless told; excluded paths are skipped; a "don\'t count me" browser is dropped and counted', async () => {
  const pulse = await startPulse()
  try {
    const { public_key: key } = await pulse.site('site_auto', ['127.0.0.1', 'localhost'])
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    const local = pages.url.replace('127.0.0.1', 'localhost')
    pages.page('/local', snippet(pulse, key, ''))
    pages.page('/local-ok', snippet(pulse, key, 'trackLocalhost: true'))
    pages.page('/private/page', snippet(pulse, key, "exclude: ['/private/**']"))
    pages.page('/me', `<script>localStorage.pulse_ignore = '1'</script>${snippet(pulse, key, '')}`)
    for (const url of [
      `${local}/local`,
      `${local}/local-ok`,
      `${pages.url}/private/page`,
      `${pages.url}/me`,
    ]) {
      await page.goto(url)
      await page.waitForTimeout(700)
    }
    await page.goto('about:blank')
    await Bun.sleep(500)
    await ctx.close()
    const res = await fetch(`${pulse.url}/health`, { headers: { authorization: `Bearer ${ADMIN}` } })
    const health = (await res.json()) as { details: { enrichment: { dropped: Record<string, number> } } }
    expect(health.details.enrichment.dropped).toEqual({ 'exclude:opt_out': 1 })
    const events = await stopAndReadEvents(pulse, 'site_auto')
    expect(events.map((e) => e.url?.replace(local, ''))).toEqual(['/local-ok'])
  } finally {
    await pulse.close().catch(() => undefined)
  }
}, 90_000)
