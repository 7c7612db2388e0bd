// The browser tracker in real headless Chromium against a real PULSE process: a page on another
// origin runs the seed's Method 2 snippet verbatim and the events land in DuckDB with the right
// fields; the async snippet's queue stub; SPA navigation; leaving the page right after trackEvent;
// opt-out, Do Not Track and session expiry; and no page error when the tracker is blocked, the
// server is down or the origin is refused.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  closedPort,
  launchChromium,
  type PageServer,
  type Pulse,
  servePages,
  startPulse,
  stopAndReadEvents,
} from '../tracker/e2e-helpers'

// Method 2 of the seed (send-your-first-event.md), character for character.
const SEED_SNIPPET = `<!-- Include the tracker script -->
<script src="https://your-api.example.com/tracker.js"></script>
<!-- Initialize PULSE -->
<script>
window.PULSE.init({
siteId: 'site_abc123',
apiKey: 'YOUR_API_KEY',
endpoint: 'https://your-api.example.com'
})
// Track page view
window.PULSE.trackPageView({
url: window.location.href,
referrer: document.referrer,
deviceType: 'desktop'
})
// Track custom event
window.PULSE.trackEvent('user_signup', {
userId: 'user_123',
plan: 'premium'
})
</script>`

// The documented async snippet: a stub queues calls until tracker.js has loaded.
const ASYNC_STUB = `<script>
window.PULSE = window.PULSE || { q: [] };
['init', 'trackPageView', 'trackEvent', 'optOut', 'optIn'].forEach(function (m) {
  window.PULSE[m] = window.PULSE[m] || function () { window.PULSE.q.push([m, arguments]) };
});
</script>`

const asyncSnippet = (endpoint: string, calls: string) =>
  `${ASYNC_STUB}\n<script async src="${endpoint}/tracker.js"></script>\n<script>\n${calls}\n</script>`

let browser: Browser
let pages: PageServer
const open: { pulse?: Pulse; ctx?: BrowserContext }[] = []

beforeAll(async () => {
  browser = await launchChromium()
  pages = servePages()
})
afterAll(async () => {
  for (const o of open) {
    await o.ctx?.close().catch(() => undefined)
    await o.pulse?.close().catch(() => undefined)
  }
  await browser?.close()
  pages?.stop()
})

/** A fresh PULSE with one site (public key limited to the page server's host) and a fresh browser context. */
async function setup(siteId: string, domains = ['127.0.0.1']) {
  const [pulse, ctx] = await Promise.all([startPulse(), browser.newContext()])
  open.push({ pulse, ctx })
  const site = await pulse.site(siteId, domains)
  const errors: string[] = []
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(String(e)))
  const page = await ctx.newPage()
  watch(page)
  return { pulse, site, ctx, page, errors, watch }
}

/** Event types and urls as stored, for compact assertions. */
const summary = (rows: { event_type: string; url: string | null }[]) => rows.map((r) => [r.event_type, r.url])

describe('tracker in Chromium', () => {
  test('the seed snippet, verbatim, on another origin stores both events with the right fields', async () => {
    const { pulse, site, page, errors } = await setup('site_abc123')
    const html = SEED_SNIPPET.replaceAll('https://your-api.example.com', pulse.url).replace(
      'YOUR_API_KEY',
      site.public_key,
    )
    const url = pages.page('/products', html)
    const requests: { headers: Record<string, string>; body: string }[] = []
    page.on('request', (r) => {
      if (r.url().includes('/collect')) requests.push({ headers: r.headers(), body: r.postData() ?? '' })
    })
    const before = Date.now()
    await page.goto(url, { referer: 'https://google.com/' })
    expect(await pulse.waitForAccepted(2)).toBe(2)
    const after = Date.now()
    // The seed's "Query Your Events" sees them.
    expect(await pulse.metric('site_abc123', site.secret_key, 'event_count')).toBe(2)
    expect(await pulse.metric('site_abc123', site.secret_key, 'page_views')).toBe(1)
    expect(await pulse.metric('site_abc123', site.secret_key, 'unique_users')).toBe(1)
    expect(errors).toEqual([])

    // One small batch, sent as a "simple" request: text/plain, no Authorization header, key in the body.
    expect(requests.length).toBe(1)
    expect(requests[0].headers['content-type']).toStartWith('text/plain')
    expect(requests[0].headers.authorization).toBeUndefined()
    expect(JSON.parse(requests[0].body).api_key).toBe(site.public_key)

    const rows = await stopAndReadEvents(pulse, 'site_abc123')
    expect(rows.map((r) => r.event_type)).toEqual(['page_view', 'user_signup'])
    const [view, signup] = rows
    expect(view).toMatchObject({
      url,
      referrer: 'https://google.com/',
      device_type: 'desktop',
      user_id: null,
      properties: null,
      country: null,
    })
    expect(signup).toMatchObject({ url, user_id: 'user_123', device_type: 'desktop' })
    // Enrichment: a person's desktop browser (Client Hints name Debian's Chromium, the UA says Chrome),
    // from Google; one cookieless visitor for both events.
    for (const r of rows)
      expect(r).toMatchObject({
        browser: 'Chromium',
        os: 'Linux',
        bot_reason: null,
        source: 'Google',
        channel: 'Organic Search',
      })
    expect(view.visitor_id).toMatch(/^v_/)
    expect(signup.visitor_id).toBe(view.visitor_id)
    expect(JSON.parse(signup.properties ?? '{}')).toEqual({ plan: 'premium' })
    expect(view.session_id).toBeTruthy()
    expect(signup.session_id).toBe(view.session_id)
    for (const r of rows) {
      expect(r.ts).toBeGreaterThanOrEqual(before)
      expect(r.ts).toBeLessThanOrEqual(after)
      expect(r.event_id?.length).toBeGreaterThan(8)
    }
    expect(view.event_id).not.toBe(signup.event_id)
  }, 30_000)

  test('a headless browser with its own User-Agent is a bot: stored, but counted only with include_bots', async () => {
    const headless = await launchChromium({ asBot: true })
    const pulse = await startPulse()
    open.push({ pulse })
    try {
      const site = await pulse.site('site_bot', ['127.0.0.1'])
      const html = SEED_SNIPPET.replaceAll('https://your-api.example.com', pulse.url)
        .replace('YOUR_API_KEY', site.public_key)
        .replace("siteId: 'site_abc123'", "siteId: 'site_bot'")
      const page = await headless.newPage()
      await page.goto(pages.page('/bot', html))
      expect(await pulse.waitForAccepted(2)).toBe(2)
      expect(await pulse.metric('site_bot', site.secret_key, 'event_count')).toBe(0)
      const all = await fetch(
        `${pulse.url}/api/v1/stats?site_id=site_bot&metric=event_count&include_bots=true`,
        {
          headers: { authorization: `Bearer ${site.secret_key}` },
        },
      )
      expect(((await all.json()) as { data: { value: number } }).data.value).toBe(2)
      const rows = await stopAndReadEvents(pulse, 'site_bot')
      expect(rows.map((r) => r.bot_reason)).toEqual(['headless', 'headless'])
    } finally {
      await headless.close()
    }
  }, 30_000)

  test('the async snippet queues calls made before tracker.js loads and replays them in order', async () => {
    const { pulse, site, page, errors } = await setup('site_stub')
    const url = pages.page(
      '/stub',
      asyncSnippet(
        pulse.url,
        `PULSE.init({ siteId: 'site_stub', apiKey: '${site.public_key}', endpoint: '${pulse.url}' })
PULSE.trackPageView()
PULSE.trackEvent('cta_click', { button: 'hero', position: 1, primary: true })
window.queuedBeforeLoad = PULSE.q.length`,
      ),
    )
    // Hold tracker.js back a little, so the calls certainly run against the stub.
    await page.route('**/tracker.js', async (r) => {
      await Bun.sleep(300)
      await r.continue()
    })
    await page.goto(url)
    expect(await page.evaluate(() => (window as any).queuedBeforeLoad)).toBe(3)
    expect(await pulse.waitForAccepted(2)).toBe(2)
    expect(errors).toEqual([])
    const rows = await stopAndReadEvents(pulse, 'site_stub')
    expect(summary(rows)).toEqual([
      ['page_view', url],
      ['cta_click', url],
    ])
    expect(JSON.parse(rows[1].properties ?? '{}')).toEqual({ button: 'hero', position: 1, primary: true })
    expect(rows[0].device_type).toBe('desktop')
  }, 30_000)

  test('autoTrack counts the first page and each SPA navigation (pushState, popstate), not hash or same-URL changes', async () => {
    const { pulse, site, page, errors } = await setup('site_spa')
    const url = pages.page(
      '/app',
      asyncSnippet(
        pulse.url,
        `PULSE.init({ siteId: 'site_spa', apiKey: '${site.public_key}', autoTrack: true })`,
      ),
    )
    await page.goto(url)
    await page.waitForFunction(() => (window as any).PULSE.loaded)
    await page.evaluate(async () => {
      const back = () =>
        new Promise<void>((resolve) => {
          addEventListener('popstate', () => resolve(), { once: true })
          history.back()
        })
      history.pushState({}, '', '/app/a')
      history.pushState({}, '', '/app/b?tab=2')
      history.replaceState({ same: true }, '', '/app/b?tab=2')
      history.pushState({}, '', '/app/b?tab=2#details')
      await back() // to /app/b?tab=2: same page, not counted
      await back() // to /app/a: counted
    })
    expect(await pulse.waitForAccepted(4)).toBe(4)
    expect(errors).toEqual([])
    const origin = new URL(url).origin
    const rows = await stopAndReadEvents(pulse, 'site_spa')
    expect(summary(rows)).toEqual([
      ['page_view', url],
      ['page_view', `${origin}/app/a`],
      ['page_view', `${origin}/app/b?tab=2`],
      ['page_view', `${origin}/app/a`],
    ])
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1)
  }, 30_000)

  test('leaving the page right after trackEvent loses nothing (navigation, then closing the tab)', async () => {
    const { pulse, site, ctx, page, errors, watch } = await setup('site_leave')
    const init = `<script src="${pulse.url}/tracker.js"></script>
<script>PULSE.init({ siteId: 'site_leave', apiKey: '${site.public_key}', endpoint: '${pulse.url}' })</script>`
    const shop = pages.page('/shop', `${init}<p>shop</p>`)
    const thanks = pages.page('/thanks', `${init}<p>thanks</p>`)
    await page.goto(shop)
    await page.evaluate(() => {
      ;(window as any).PULSE.trackEvent('add_to_cart', { sku: 'A1' })
      location.href = '/thanks'
    })
    await page.waitForURL(thanks)
    await page.evaluate(() => (window as any).PULSE.trackEvent('purchase', { amount: 49.9 }))
    await page.close()
    const tab = await ctx.newPage()
    watch(tab)
    await tab.goto(shop)
    await tab.evaluate(() => (window as any).PULSE.trackEvent('last_words'))
    await tab.close({ runBeforeUnload: true })
    expect(await pulse.waitForAccepted(3)).toBe(3)
    expect(errors).toEqual([])
    const rows = await stopAndReadEvents(pulse, 'site_leave')
    expect(summary(rows)).toEqual([
      ['add_to_cart', shop],
      ['purchase', thanks],
      ['last_words', shop],
    ])
    expect(JSON.parse(rows[1].properties ?? '{}')).toEqual({ amount: 49.9 })
  }, 30_000)

  test('opt-out flag, Do Not Track (when asked to respect it), session expiry and device detection', async () => {
    const { pulse, site, page, errors, watch } = await setup('site_privacy')
    const init = (extra = '') =>
      `<script src="${pulse.url}/tracker.js"></script>
<script>PULSE.init({ siteId: 'site_privacy', apiKey: '${site.public_key}', endpoint: '${pulse.url}'${extra} })</script>`
    const plain = pages.page('/privacy', init())
    const dnt = pages.page('/privacy-dnt', init(', respectDnt: true'))

    // Opted out (the flag from an earlier visit): nothing is sent until optIn(), nor after optOut().
    await page.addInitScript(() => localStorage.setItem('pulse_optout', '1'))
    await page.goto(plain)
    await page.evaluate(() => {
      const P = (window as any).PULSE
      P.trackEvent('while_opted_out')
      P.optIn()
      P.trackEvent('after_opt_in')
    })

    // Session: an idle session (31 minutes) is replaced; a recent one is kept.
    const sessions = await page.evaluate(() => {
      const P = (window as any).PULSE
      sessionStorage.setItem('pulse_session', `idle-session|${Date.now() - 31 * 60_000}`)
      P.trackEvent('after_idle')
      const renewed = sessionStorage.getItem('pulse_session')?.split('|')[0]
      sessionStorage.setItem('pulse_session', `recent-session|${Date.now() - 60_000}`)
      P.trackEvent('after_short_pause')
      P.optOut()
      P.trackEvent('opted_out_again')
      return { renewed }
    })
    expect(sessions.renewed).not.toBe('idle-session')
    await page.close()

    // Do Not Track: ignored unless respectDnt is set. (A new context: this one has opted out for good.)
    const fresh = await browser.newContext()
    open.push({ ctx: fresh })
    const dntPage = async (target: string, name: string) => {
      const p = await fresh.newPage()
      watch(p)
      await p.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }),
      )
      await p.goto(target)
      await p.evaluate((n) => (window as any).PULSE.trackEvent(n), name)
      await p.close()
    }
    // A phone.
    const phone = await browser.newContext({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 844 },
    })
    open.push({ ctx: phone })
    const phoneView = async () => {
      const mobile = await phone.newPage()
      watch(mobile)
      await mobile.goto(plain)
      await mobile.evaluate(() => (window as any).PULSE.trackPageView())
      await mobile.close()
    }
    await Promise.all([dntPage(dnt, 'dnt_respected'), dntPage(plain, 'dnt_not_configured'), phoneView()])

    expect(await pulse.waitForAccepted(5)).toBe(5)
    expect(errors).toEqual([])
    const rows = await stopAndReadEvents(pulse, 'site_privacy')
    const byType = Object.fromEntries(rows.map((r) => [r.event_type, r]))
    expect(Object.keys(byType).sort()).toEqual([
      'after_idle',
      'after_opt_in',
      'after_short_pause',
      'dnt_not_configured',
      'page_view',
    ])
    expect(byType.after_idle.session_id).toBe(sessions.renewed!)
    expect(byType.after_idle.session_id).not.toBe(byType.after_opt_in.session_id)
    expect(byType.after_short_pause.session_id).toBe('recent-session')
    expect(byType.page_view.device_type).toBe('mobile')
    expect(byType.after_opt_in.device_type).toBe('desktop')
  }, 30_000)

  test('no page error when the tracker is blocked, the server is down, or the origin is refused', async () => {
    const [pulse, ctx] = await Promise.all([startPulse(), browser.newContext()])
    open.push({ pulse, ctx })
    const site = await pulse.site('site_strict', ['shop.example.com'])
    const errors: string[] = []
    const visit = async (
      html: string,
      path: string,
      opts: { block?: boolean; awaitResponse?: boolean } = {},
    ) => {
      const page = await ctx.newPage()
      page.on('pageerror', (e) => errors.push(`${path}: ${e}`))
      if (opts.block) await page.route('**/tracker.js', (r) => r.abort('blockedbyclient'))
      const response = opts.awaitResponse
        ? page.waitForResponse((r) => r.url().includes('/collect'))
        : undefined
      await page.goto(pages.page(path, html))
      const result = await page.evaluate(async () => {
        const P = (window as any).PULSE
        P.trackPageView({ url: location.href })
        P.trackEvent('click', { target: { nested: true }, fn: () => 1 })
        await new Promise((r) => setTimeout(r, 700)) // past the send linger
        return { queued: P.q ? P.q.length : 0 }
      })
      const status = (await response)?.status()
      await page.close({ runBeforeUnload: true })
      return { ...result, status }
    }
    const calls = `PULSE.init({ siteId: 'site_strict', apiKey: '${site.public_key}', endpoint: '${pulse.url}' })`

    const script = await (await fetch(`${pulse.url}/tracker.js`)).text()
    pages.page('/static/tracker.js', script)
    const down = `http://127.0.0.1:${closedPort()}`
    const [blocked, , refused] = await Promise.all([
      // Blocked by an extension: the stub keeps the calls; the page carries on.
      visit(asyncSnippet(pulse.url, calls), '/blocked', { block: true }),
      // Server down: the tracker is served from elsewhere, the endpoint refuses connections.
      visit(
        `<script src="/static/tracker.js"></script><script>PULSE.init({ siteId: 'site_strict', apiKey: '${site.public_key}', endpoint: '${down}' })</script>`,
        '/down',
      ),
      // Origin outside the site's domains: the server answers 403, the page sees nothing.
      visit(asyncSnippet(pulse.url, calls), '/refused', { awaitResponse: true }),
    ])
    expect(blocked.queued).toBeGreaterThanOrEqual(3)
    expect(refused.status).toBe(403)

    expect(errors).toEqual([])
    expect(await pulse.accepted()).toBe(0)
  }, 30_000)
})
