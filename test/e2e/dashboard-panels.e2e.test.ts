// The tabbed dashboard panels on a real visit: real Chromium with a desktop Chrome UA loads a page
// with the tracker, arriving from google.com, through one trusted proxy whose X-Forwarded-For is an
// address the shipped CC0 database maps to the US. The dashboard's Sources, Channels, Browsers, OS
// and Countries tabs, the Entry | Exit pages tabs and the Goals card then show that visit with the
// breakdown API's figures, and a row filters.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  ADMIN,
  launchChromium,
  type PageServer,
  type Pulse,
  servePages,
  startPulse,
} from '../tracker/e2e-helpers'

const ARTIFACTS = join(import.meta.dir, '..', '..', 'test-artifacts')
const SITE = 'panels'
/** Google's resolver: US in the shipped database (as asserted by test/ingest/enrich.http.test.ts). */
const VISITOR_IP = '8.8.8.8'

let pulse: Pulse
let pages: PageServer
let browser: Browser
let dash: Page
const problems: string[] = []

type Row = { key: string | null; value: number }

async function breakdown(dimension: string, filters: Record<string, string> = {}): Promise<Row[]> {
  const q = new URLSearchParams({
    site_id: SITE,
    period: '7d',
    timezone: 'UTC',
    dimension,
    metric: 'visitors',
    limit: '10',
    ...filters,
  })
  const res = await fetch(`${pulse.url}/api/v1/stats/breakdown?${q}`, {
    headers: { authorization: `Bearer ${ADMIN}` },
  })
  const body = (await res.json()) as { data: { rows: Row[] } }
  if (res.status !== 200) throw new Error(`breakdown ${dimension}: ${res.status} ${JSON.stringify(body)}`)
  return body.data.rows
}

/** The rows a tab shows (after selecting it), as key and raw value. */
async function shownRows(card: string, tab: string): Promise<{ key: string; value: number }[]> {
  await dash.click(`#${card} .tab[data-tab="${tab}"]`)
  await dash.waitForSelector(`#${tab} .row`)
  return dash.$$eval(`#${tab} .row`, (els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      value: Number(e.querySelector('.value')?.getAttribute('data-value')),
    })),
  )
}

async function settled(): Promise<void> {
  await dash.waitForSelector('#headline:not([aria-busy]) [data-metric]')
  await dash.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  pulse = await startPulse({ PULSE_TRUSTED_PROXIES: '1' })
  pages = servePages()
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  pages?.stop()
  await pulse?.close()
})

describe('tabbed dashboard panels in Chromium', () => {
  test('a desktop Chrome visit from Google via a trusted proxy shows its browser, OS, country, source and channel', async () => {
    const site = await pulse.site(SITE, ['127.0.0.1'])
    // The visit: a person's browser behind one proxy that forwards a US address.
    // (A route adds the header to PULSE's requests only: as an extra header on every request it
    // would make the tracker's cross-origin send a preflighted one.)
    const visitCtx = await browser.newContext()
    await visitCtx.route(`${pulse.url}/**`, (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': VISITOR_IP } }),
    )
    const visit = await visitCtx.newPage()
    visit.on('pageerror', (e) => problems.push(`visit pageerror: ${e.message}`))
    visit.on('console', (m) => {
      if (m.type() === 'error') problems.push(`visit console: ${m.text()}`)
    })
    const url = pages.page(
      '/landing',
      `<script src="${pulse.url}/tracker.js"></script>
<script>PULSE.init({ siteId: '${SITE}', apiKey: '${site.public_key}', endpoint: '${pulse.url}' })
PULSE.trackPageView({ url: location.href, referrer: document.referrer })</script><p>hello</p>`,
    )
    await visit.goto(url, { referer: 'https://www.google.com/' })
    expect(await visit.evaluate(() => document.referrer)).toBe('https://www.google.com/')
    expect({ accepted: await pulse.waitForAccepted(1), problems }).toEqual({ accepted: 1, problems: [] })
    await visitCtx.close()

    // What the API says about it.
    const expected = {
      sources: await breakdown('source'),
      channels: await breakdown('channel'),
      campaigns: await breakdown('utm_campaign'),
      browsers: await breakdown('browser'),
      os: await breakdown('os'),
      devices: await breakdown('device_type'),
      countries: await breakdown('country'),
    }
    // The UA says Chrome, but Debian's Chromium sends its own brand in the Client Hints, which
    // enrichment prefers: the browser is named Chromium.
    expect(expected.browsers).toEqual([{ key: 'Chromium', value: 1 }])
    expect(expected.os).toEqual([{ key: 'Linux', value: 1 }])
    expect(expected.countries).toEqual([{ key: 'US', value: 1 }])
    expect(expected.sources).toEqual([{ key: 'Google', value: 1 }])
    expect(expected.channels).toEqual([{ key: 'Organic Search', value: 1 }])

    // Goals of the site: the landing page (reached) and a sign-up (not).
    for (const goal of [
      { name: 'Landed', kind: 'page', page_path: '/land*' },
      { name: 'Signed up', kind: 'event', event_type: 'signup' },
    ]) {
      const res = await fetch(`${pulse.url}/api/v1/sites/${SITE}/goals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(goal),
      })
      expect(res.status).toBe(201)
    }
    const entries = await breakdown('entry_page')
    const exits = await breakdown('exit_page')
    expect(entries).toEqual([{ key: url, value: 1 }])
    expect(exits).toEqual([{ key: url, value: 1 }])
    const conversions = await breakdown('goal', { metric: 'conversions' })
    const rates = await breakdown('goal', { metric: 'conversion_rate' })
    expect(conversions).toEqual([
      { key: 'Landed', value: 1 },
      { key: 'Signed up', value: 0 },
    ])
    expect(rates).toEqual([
      { key: 'Landed', value: 100 },
      { key: 'Signed up', value: 0 },
    ])

    // The dashboard, signed in with the admin token, in a context without the forwarded address.
    const dashCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' })
    await dashCtx.addInitScript((token) => {
      localStorage.setItem('pulse.dashboard.token', token)
      localStorage.setItem('pulse.dashboard.admin', '1')
    }, ADMIN)
    dash = await dashCtx.newPage()
    dash.on('pageerror', (e) => problems.push(`dashboard pageerror: ${e.message}`))
    await dash.goto(`${pulse.url}/#site=${SITE}&period=7d`)
    await settled()

    const asShown = (rows: Row[]) => rows.map((r) => ({ key: r.key ?? '', value: r.value }))
    expect(await shownRows('acquisition', 'sources')).toEqual(asShown(expected.sources))
    expect(await dash.textContent('#sources .row .text')).toBe('Google')
    expect(await shownRows('acquisition', 'channels')).toEqual(asShown(expected.channels))
    expect(await dash.textContent('#channels .row .text')).toBe('Organic Search')
    expect(await shownRows('acquisition', 'campaigns')).toEqual(asShown(expected.campaigns))
    expect(await dash.textContent('#campaigns .row .text')).toBe('(no campaign)')
    expect(await shownRows('technology', 'os')).toEqual(asShown(expected.os))
    expect(await shownRows('technology', 'devices')).toEqual(asShown(expected.devices))
    expect(await shownRows('technology', 'browsers')).toEqual(asShown(expected.browsers))
    expect(await dash.textContent('#browsers .row .text')).toBe('Chromium')
    expect(await shownRows('locations', 'countries')).toEqual(asShown(expected.countries))
    expect(await dash.textContent('#countries .row .text')).toBe('United States')
    // No region or city database: those tabs stay hidden.
    expect(await dash.isHidden('#locations .tab[data-tab="regions"]')).toBe(true)
    expect(await dash.isHidden('#locations .tab[data-tab="cities"]')).toBe(true)
    expect(await shownRows('entry-exit', 'exit-pages')).toEqual(asShown(exits))
    expect(await shownRows('entry-exit', 'entry-pages')).toEqual(asShown(entries))
    expect(await dash.textContent('#entry-pages .row .text')).toBe('/landing')
    const goals = await dash.$$eval('#goals .row', (els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key'),
        conversions: Number(e.querySelector('.conversions')?.getAttribute('data-value')),
        rate: Number(e.querySelector('.rate')?.getAttribute('data-value')),
        text: e.querySelector('.rate')?.textContent,
      })),
    )
    expect(goals).toEqual(
      conversions.map((c, i) => ({
        key: c.key,
        conversions: c.value,
        rate: rates[i].value,
        text: `${rates[i].value}%`,
      })),
    )
    // Only the selected tab's list is visible.
    expect(await dash.isVisible('#browsers')).toBe(true)
    expect(await dash.isHidden('#os')).toBe(true)

    await dash.screenshot({ path: join(ARTIFACTS, 'dashboard-panels.png'), fullPage: true })

    // A row click filters the whole dashboard by that value, as the API says.
    await dash.click('#browsers .row[data-key="Chromium"]')
    await settled()
    expect(dash.url()).toContain('f=browser%3AChromium')
    expect(await dash.textContent('#filters .chip')).toContain('Browser: Chromium')
    expect(await shownRows('acquisition', 'channels')).toEqual(
      asShown(await breakdown('channel', { browser: 'Chromium' })),
    )
    await dash.click('#acquisition .tab[data-tab="sources"]')
    await dash.click('#sources .row[data-key="Google"]')
    await settled()
    expect(dash.url()).toContain('f=source%3AGoogle')
    expect(await shownRows('locations', 'countries')).toEqual(
      asShown(await breakdown('country', { browser: 'Chromium', source: 'Google' })),
    )
    // Entry pages and goals filter too.
    await dash.click('#entry-pages .row')
    await settled()
    expect(await dash.textContent('#filters')).toContain('Entry page: /landing')
    await dash.click('#goals .row[data-key="Landed"]')
    await settled()
    expect(dash.url()).toContain('f=goal%3ALanded')
    expect(await dash.textContent('#filters')).toContain('Goal: Landed')
    expect(await shownRows('acquisition', 'channels')).toEqual(
      asShown(
        await breakdown('channel', {
          browser: 'Chromium',
          source: 'Google',
          entry_page: url,
          goal: 'Landed',
        }),
      ),
    )
    expect(problems).toEqual([])
    await dashCtx.close()
  }, 60_000)
})
