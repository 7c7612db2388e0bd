// The tracker's opt-in engagement capture in real Chromium against a real PULSE process: a page read
// for a few seconds and scrolled half-way, then left, records one `engagement` event whose time is the
// visible, focused time within 10% and whose scroll is the depth reached; an SPA navigation sends the
// left page's engagement before the next page view. The stats API reads the page's time on page and scroll
// depth back by path, and the dashboard's engagement card shows them.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import type { Browser } from 'playwright-core'
import {
  ADMIN,
  launchChromium,
  type PageServer,
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

/** How long the page is read: the 20 s of the done-when (start-up jitter is well inside 10%). */
const READ_MS = 20_000

test('time on page and deepest scroll, sent when the page is left or changed in an SPA', async () => {
  const pulse = await startPulse()
  try {
    const { public_key: key } = await pulse.site('site_eng', ['127.0.0.1'])
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(
      pages.page(
        '/article',
        `<div style="height:5000px">a long article</div>
<script src="${pulse.url}/tracker.js"></script><script>
PULSE.init({ siteId: 'site_eng', apiKey: '${key}', endpoint: '${pulse.url}', autoTrack: true, capture: ['engagement'] })
</script>`,
      ),
    )
    // The extras bundle runs as soon as it has arrived: time counts from then.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.endsWith('/tracker-extras.js')),
    )
    const started = Date.now()
    await page.waitForTimeout(READ_MS / 2)
    await page.evaluate(() => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2))
    await page.waitForTimeout(READ_MS / 2)
    const read = Date.now() - started
    // An SPA navigation: the article's engagement goes first, then the next page view.
    await page.evaluate(() => history.pushState({}, '', '/next'))
    await page.waitForTimeout(1000)
    await page.goto('about:blank')
    await pulse.waitForAccepted(4)
    await ctx.close()
    expect(errors).toEqual([])
    // What the stats API makes of it: the article's time on page and scroll depth, by path.
    const stats = async (q: string) => {
      const res = await fetch(`${pulse.url}/api/v1/stats${q}&site_id=site_eng&period=24h`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { data: any }).data
    }
    const byPath = async (metric: string) => {
      const data = await stats(`/breakdown?dimension=path&metric=${metric}`)
      return Object.fromEntries(data.rows.map((r: { key: string; value: number }) => [r.key, r.value]))
    }
    const time = await byPath('time_on_page')
    expect(Math.abs(time['/article'] * 1000 - read) / read).toBeLessThan(0.1)
    expect((await byPath('scroll_depth'))['/article']).toBe(50)
    // One visit of two pages: its engaged duration is the time the pages were read, not 0.
    const visit = await stats('?metrics=engaged_visit_duration,time_on_page,page_views,bounce_rate')
    expect(visit.metrics.page_views).toBe(2)
    expect(visit.metrics.bounce_rate).toBe(0)
    expect(visit.metrics.engaged_visit_duration * 1000).toBeGreaterThan(read)
    expect(visit.metrics.engaged_visit_duration * 1000).toBeLessThan(1.1 * (read + 3000))
    // The dashboard's engagement card shows the same numbers per page; the event-type card has no engagement.
    const dash = await browser.newPage()
    await dash.goto(`${pulse.url}/`)
    await dash.fill('#signin-token', ADMIN)
    await dash.click('button[type=submit]')
    await dash.waitForSelector('#site-picker option[value="site_eng"]', { state: 'attached' })
    await dash.selectOption('#site-picker', 'site_eng')
    await dash.waitForSelector('#engagement tr[data-path="/article"]')
    const cells = await dash.$$eval('#engagement tr[data-path="/article"] td', (tds) =>
      tds.map((td) => td.textContent),
    )
    expect(cells).toEqual(['/article', `${Math.round(time['/article'])}s`, '50%'])
    await dash.waitForSelector('#event-types:not([aria-busy]) .row')
    const types = await dash.$$eval('#event-types .row', (rows) =>
      rows.map((r) => r.getAttribute('data-key')),
    )
    expect(types).toContain('page_view')
    expect(types).not.toContain('engagement')
    await dash.close()
    const events = await stopAndReadEvents(pulse, 'site_eng')
    const seen = events.map((e) => ({
      type: e.event_type,
      path: e.url?.replace(pages.url, ''),
      props: e.properties && JSON.parse(e.properties),
    }))
    expect(seen.map((e) => [e.type, e.path])).toEqual([
      ['page_view', '/article'],
      ['engagement', '/article'],
      ['page_view', '/next'],
      ['engagement', '/next'],
    ])
    const [article, next] = seen.filter((e) => e.type === 'engagement').map((e) => e.props)
    expect(article.scroll).toBe(50)
    expect(Math.abs(article.time_ms - read) / read).toBeLessThan(0.1)
    expect(next.time_ms).toBeGreaterThan(500)
    expect(next.time_ms).toBeLessThan(3000)
  } finally {
    await pulse.close().catch(() => undefined)
  }
}, 60_000)
