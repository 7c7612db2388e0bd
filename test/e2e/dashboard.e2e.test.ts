// The dashboard in real headless Chromium against a real server process: sign-in, headline figures
// equal to the API's, filters, chart, funnel, retention, live counter, hostile event text shown as
// text, the first-run guide, and screenshots at desktop and phone widths (test-artifacts/).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../dashboard/browser'
import { HOSTILE, seedEvents } from '../dashboard/seed'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'dashboard-e2e-admin-token-0123'
const TZ = 'America/New_York'
const ARTIFACTS = join(import.meta.dir, '..', '..', 'test-artifacts')
const HEADLINE = ['visitors', 'unique_sessions', 'page_views', 'bounce_rate', 'avg_session_duration']

let server: RunningServer
let browser: TestBrowser
let page: Page
let dataDir: string
let shopSecret: string
const dialogs: string[] = []
const problems: string[] = []

async function api<T = any>(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? ADMIN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const json = (await res.json()) as { success: boolean; data: T; error?: string }
  if (!json.success) throw new Error(`${path}: ${res.status} ${json.error}`)
  return json.data
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString()

/** The headline figures as the dashboard shows them (raw values from data-value). */
async function shownHeadline(): Promise<Record<string, number>> {
  await page.waitForSelector('#headline:not([aria-busy]) [data-metric]')
  return page.$$eval('#headline [data-metric]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-metric'), Number(e.getAttribute('data-value'))])),
  )
}

/** The API's headline figures for the dashboard's default view (7 days), plus `filters`. */
async function apiHeadline(filters: Record<string, string> = {}) {
  return api<{ metrics: Record<string, number>; changes?: Record<string, number | null> }>(
    `/api/v1/stats?${q({ site_id: 'shop', period: '7d', timezone: TZ, metrics: HEADLINE.join(','), compare: 'previous_period', ...filters })}`,
  )
}

/** Wait until the text of `selector` contains `text`; returns the text. */
async function waitText(selector: string, text: string): Promise<string> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
    [selector, text] as const,
  )
  return (await page.textContent(selector)) ?? ''
}

async function settled(): Promise<void> {
  await page.waitForSelector('#headline:not([aria-busy]) [data-metric]')
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  dataDir = mkdtempSync(join(tmpdir(), 'pulse-dashboard-e2e-'))
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN })
  const shop = await api<{ secret_key: string }>('/api/v1/sites', {
    method: 'POST',
    body: { site_id: 'shop', name: 'My shop' },
  })
  shopSecret = shop.secret_key
  await api('/api/v1/sites', { method: 'POST', body: { site_id: 'empty-site', name: 'Brand new' } })
  const batch = await api<{ accepted: number; rejected: unknown[] }>('/collect/batch', {
    method: 'POST',
    token: shopSecret,
    body: { events: seedEvents('shop', Date.now()) },
  })
  expect(batch.rejected).toEqual([])
  browser = await launchBrowser({ timezoneId: TZ })
  page = await browser.context.newPage()
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text())
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('dashboard in Chromium', () => {
  test('sign-in with the admin token keeps it in localStorage, out of the URL, and shows the API’s headline figures', async () => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${server.url}/`)
    await page.fill('#signin-token', 'wrong-token-0123456789')
    await page.click('button[type=submit]')
    await waitText('#signin-error', 'not valid')
    await page.fill('#signin-token', ADMIN)
    await page.click('button[type=submit]')
    await page.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
    await page.selectOption('#site-picker', 'shop')
    await settled()
    expect(await page.evaluate(() => localStorage.getItem('pulse.dashboard.token'))).toBe(ADMIN)
    expect(page.url()).not.toContain(ADMIN)
    expect(page.url()).toContain('site=shop')

    const expected = await apiHeadline()
    expect(await shownHeadline()).toEqual(expected.metrics)
    expect(expected.metrics.visitors).toBeGreaterThan(0)
    // The visible text says the same, with the change against the previous period.
    const visitorsText = await page.textContent('[data-metric=visitors] .metric-value')
    expect(visitorsText).toBe(String(expected.metrics.visitors))
    const change = await page.getAttribute('[data-metric=visitors] .metric-change', 'data-change')
    expect(change).toBe(String(expected.changes?.visitors))
  }, 20_000)

  test('the chart shows visitors and page views with values on hover', async () => {
    await page.waitForSelector('#chart canvas')
    const legend = await page.$$eval('#chart .u-legend .u-label', (els) => els.map((e) => e.textContent))
    expect(legend).toEqual(['Time', 'Visitors', 'Page views', 'Visitors (compared)'])
    const box = (await page.$('#chart .u-over'))!
    const b = (await box.boundingBox())!
    await page.mouse.move(b.x + b.width - 4, b.y + b.height / 2)
    const values = await page.$$eval('#chart .u-legend .u-value', (els) => els.map((e) => e.textContent))
    expect(values[0]).not.toBe('—')
    expect(values.slice(1).every((v) => /^\d[\d,]*$/.test(v ?? ''))).toBe(true)
    // The points are the API's: their sum is the sum of the API's timeseries.
    const series = await api<{ points: { value: number }[] }>(
      `/api/v1/stats/timeseries?${q({ site_id: 'shop', period: '7d', timezone: TZ, metric: 'page_views', interval: 'day' })}`,
    )
    const total = series.points.reduce((a, p) => a + p.value, 0)
    const headline = await shownHeadline()
    expect(total).toBe(headline.page_views)
  }, 20_000)

  test('top lists show the API’s breakdowns, and a row click filters the whole dashboard as the API says', async () => {
    const countries = await api<{ rows: { key: string | null; value: number }[] }>(
      `/api/v1/stats/breakdown?${q({ site_id: 'shop', period: '7d', timezone: TZ, dimension: 'country', metric: 'visitors', limit: '10' })}`,
    )
    const shown = await page.$$eval('#countries .row', (els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key'),
        value: Number(e.querySelector('.value')!.getAttribute('data-value')),
      })),
    )
    expect(shown).toEqual(countries.rows.map((r) => ({ key: r.key ?? '', value: r.value })))
    await expect(page.textContent('#countries .row[data-key="DE"] .text')).resolves.toBe('Germany')

    const before = await shownHeadline()
    await page.click('#countries .row[data-key="DE"]')
    await settled()
    await expect(page.textContent('#filters .chip')).resolves.toContain('Country: Germany')
    expect(page.url()).toContain('f=country%3ADE')
    const filtered = await apiHeadline({ country: 'DE' })
    const after = await shownHeadline()
    expect(after).toEqual(filtered.metrics)
    expect(after.visitors).toBeLessThan(before.visitors)
    // Every list follows the filter: the pages list is the API's pages breakdown for DE.
    const pages = await api<{ rows: { key: string | null; value: number }[] }>(
      `/api/v1/stats/breakdown?${q({ site_id: 'shop', period: '7d', timezone: TZ, dimension: 'url', metric: 'visitors', limit: '10', country: 'DE' })}`,
    )
    const shownPages = await page.$$eval('#pages .row', (els) => els.map((e) => e.getAttribute('data-key')))
    expect(shownPages).toEqual(pages.rows.map((r) => r.key ?? ''))

    // A second filter from another list, then remove the first chip.
    await page.click('#technology .tab[data-tab="devices"]')
    await page.click('#devices .row[data-key="desktop"]')
    await settled()
    expect(await shownHeadline()).toEqual(
      (await apiHeadline({ country: 'DE', device_type: 'desktop' })).metrics,
    )
    await page.click('#filters .chip[data-field="country"] button')
    await settled()
    expect(await shownHeadline()).toEqual((await apiHeadline({ device_type: 'desktop' })).metrics)
    await page.click('#filters .chip[data-field="device_type"] button')
    await settled()
    expect(await shownHeadline()).toEqual(before)
    expect(await page.isHidden('#filters')).toBe(true)

    // "Direct / none" filters for a missing referrer (an empty value); a property row by its value.
    await page.click('#referrers .row[data-key=""]')
    await settled()
    await waitText('#filters .chip', 'Referrer: Direct / none')
    expect(await shownHeadline()).toEqual((await apiHeadline({ referrer_domain: '' })).metrics)
    await page.click('#filters .chip button')
    await settled()
    await page.click('#properties .row[data-key="pro"]')
    await settled()
    await waitText('#filters .chip', 'plan: pro')
    expect(await shownHeadline()).toEqual((await apiHeadline({ 'property.plan': 'pro' })).metrics)
    await page.click('#filters .chip button')
    await settled()
  }, 30_000)

  test('the period picker, custom dates and the comparison toggle change what is asked and shown', async () => {
    const statsRequest = () =>
      page.waitForRequest(
        (r) => new URL(r.url()).pathname === '/api/v1/stats' && r.url().includes('metrics='),
      )
    let req = statsRequest()
    await page.selectOption('#period-picker', '24h')
    let sent = new URL((await req).url()).searchParams
    await settled()
    expect(sent.get('period')).toBe('24h')
    expect(await shownHeadline()).toEqual(
      (
        await api(
          `/api/v1/stats?${q({ site_id: 'shop', period: '24h', timezone: TZ, metrics: HEADLINE.join(',') })}`,
        )
      ).metrics,
    )

    // Custom dates: whole days, sent as dates (the last one's next day as `to`), which the API reads as
    // midnights in the zone sent (the site's when set, else the browser's).
    req = statsRequest()
    await page.selectOption('#period-picker', 'custom')
    sent = new URL((await req).url()).searchParams
    await settled()
    expect(await page.isVisible('#custom-from')).toBe(true)
    expect(sent.get('period')).toBe('custom')
    expect(sent.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((Date.parse(sent.get('to')!) - Date.parse(sent.get('from')!)) / 86_400_000).toBe(7)
    const localTime = (iso: string) =>
      new Date(iso).toLocaleTimeString('en-GB', { timeZone: TZ, hourCycle: 'h23' })
    const range = await api(
      `/api/v1/stats?${q({ site_id: 'shop', period: 'custom', from: sent.get('from')!, to: sent.get('to')!, timezone: TZ, metrics: 'visitors' })}`,
    )
    expect([localTime(range.from), localTime(range.to)]).toEqual(['00:00:00', '00:00:00'])
    const custom = {
      site_id: 'shop',
      period: 'custom',
      from: sent.get('from')!,
      to: sent.get('to')!,
      timezone: TZ,
    }
    expect(await shownHeadline()).toEqual(
      (await api(`/api/v1/stats?${q({ ...custom, metrics: HEADLINE.join(',') })}`)).metrics,
    )

    // Comparison off: no change figures, and none asked for.
    req = statsRequest()
    await page.uncheck('#compare-toggle')
    sent = new URL((await req).url()).searchParams
    await settled()
    expect(sent.has('compare')).toBe(false)
    expect(await page.$$('#headline [data-change]')).toHaveLength(0)
    expect(page.url()).toContain('compare=off')

    await page.check('#compare-toggle')
    await page.selectOption('#period-picker', '7d')
    await settled()
    expect(await page.$$('#headline [data-change]')).toHaveLength(5)
  }, 20_000)

  test('the funnel builder shows the API’s conversion per step', async () => {
    await page.fill('#funnel .funnel-step:nth-child(2) input.event', 'signup')
    await page.click('#funnel button:has-text("Add step")')
    await page.fill('#funnel .funnel-step:nth-child(3) input.event', 'purchase')
    await page.click('#funnel button[type=submit]')
    await page.waitForSelector('#funnel .funnel-bar[data-step="3"]')
    const expected = await api<{ steps: { sessions: number }[] }>('/api/v1/funnels', {
      method: 'POST',
      body: {
        site_id: 'shop',
        period: '7d',
        timezone: TZ,
        filters: {},
        steps: [{ event_type: 'page_view' }, { event_type: 'signup' }, { event_type: 'purchase' }],
      },
    })
    const shown = await page.$$eval('#funnel .funnel-bar', (els) =>
      els.map((e) => Number(e.getAttribute('data-sessions'))),
    )
    expect(shown).toEqual(expected.steps.map((s) => s.sessions))
    expect(shown[2]).toBeGreaterThan(0)
  }, 20_000)

  test('the retention table shows the API’s cohorts', async () => {
    await page.waitForSelector('#retention table.retention')
    const expected = await api<{ cohorts: { cohort: string; visitors: number; rates: number[] }[] }>(
      `/api/v1/retention?${q({ site_id: 'shop', period: '7d', timezone: TZ, interval: 'day' })}`,
    )
    const withVisitors = expected.cohorts.filter((c) => c.visitors > 0)
    const rows = await page.$$eval('#retention tbody tr', (els) =>
      els.map((e) => ({
        cohort: e.getAttribute('data-cohort'),
        size: e.querySelector('td.size')!.textContent,
      })),
    )
    expect(rows).toEqual(withVisitors.map((c) => ({ cohort: c.cohort, size: String(c.visitors) })))
    await page.selectOption('#retention-interval', 'week')
    await page.waitForSelector('#retention:not([aria-busy]) th:has-text("Week 0")')
  }, 20_000)

  test('the live counter shows the sessions of the last 5 minutes', async () => {
    const live = await api<{ sessions: number }>(`/api/v1/stats/realtime?${q({ site_id: 'shop' })}`)
    await page.waitForSelector('#live[data-sessions]')
    expect(Number(await page.getAttribute('#live', 'data-sessions'))).toBe(live.sessions)
    await expect(page.textContent('#live')).resolves.toContain(`${live.sessions} sessions now`)
  }, 20_000)

  test('hostile event data is shown as text: no dialog, no injected element', async () => {
    const types = await page.$$eval('#event-types .row .text', (els) => els.map((e) => e.textContent))
    expect(types).toContain(HOSTILE.eventType)
    const pages = await page.$$eval('#pages .row', (els) => els.map((e) => e.getAttribute('data-key')))
    expect(pages).toContain(HOSTILE.url)
    const pageTexts = await page.$$eval('#pages .row .text', (els) => els.map((e) => e.textContent))
    expect(pageTexts).toContain('/<script>alert(2)</script>')
    await page.click(`#event-types .row[data-key="${HOSTILE.eventType.replace(/"/g, '\\"')}"]`)
    await settled()
    await expect(page.textContent('#filters .chip .chip-text')).resolves.toBe(`Event: ${HOSTILE.eventType}`)
    await expect(page.textContent('#referrers .row .text')).resolves.toBe('evil.example')
    await expect(page.textContent('#devices .row .text')).resolves.toBe(HOSTILE.device)
    await page.waitForSelector('#properties .row')
    await expect(page.textContent('#properties .row .text')).resolves.toBe(HOSTILE.propertyValue)
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-hostile.png'), fullPage: true })
    // Nothing ran and nothing was injected.
    expect(dialogs).toEqual([])
    expect(await page.$$eval('img, iframe, object, embed, b', (els) => els.length)).toBe(0)
    expect(
      await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src')?.split('?')[0])),
    ).toEqual(['/dashboard/app.js'])
    await page.click('#filters .chip button')
    await settled()
  }, 20_000)

  test('screenshots at desktop and phone widths, light and dark', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await settled()
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-desktop-light.png'), fullPage: true })
    await page.emulateMedia({ colorScheme: 'dark' })
    await settled()
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-desktop-dark.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForTimeout(150)
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone-dark.png'), fullPage: true })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.waitForTimeout(150)
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone-light.png'), fullPage: true })
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })
  }, 20_000)

  test('a secret key signs in to its own site; a site without events shows the first-run guide, whose curl command works', async () => {
    await page.click('#sign-out')
    await page.waitForSelector('#signin-token')
    expect(await page.evaluate(() => localStorage.getItem('pulse.dashboard.token'))).toBeNull()
    const key = await api<{ key: string }>('/api/v1/sites/empty-site/keys', {
      method: 'POST',
      body: { kind: 'secret' },
    })
    await page.fill('#signin-token', key.key)
    await page.fill('#signin-site', 'empty-site')
    await page.click('button[type=submit]')
    await page.waitForSelector('#first-run')
    await expect(page.textContent('#site-name')).resolves.toBe('empty-site')
    expect(await page.$('#site-picker')).toBeNull()
    const code = await page.$$eval('#first-run pre', (els) => els.map((e) => e.textContent ?? ''))
    expect(code[0]).toContain(`curl -X POST ${server.url}/collect`)
    expect(code[0]).toContain('"site_id": "empty-site"')
    expect(code[1]).toContain(`<script src="${server.url}/tracker.js"></script>`)
    expect(code[1]).toContain('siteId: "empty-site"')
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-first-run.png'), fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)

    // The guide's curl command works as printed (with the key filled in), and the guide then goes away.
    const run = Bun.spawnSync(['bash', '-c', code[0].replace('YOUR_SECRET_OR_PUBLIC_KEY', key.key)])
    expect(JSON.parse(run.stdout.toString())).toEqual({ success: true, data: { accepted: 1 } })
    await page.reload()
    await page.waitForSelector('#headline:not([aria-busy]) [data-metric="visitors"][data-value="1"]')
    expect(await page.$('#first-run')).toBeNull()
    expect(problems).toEqual([])
  }, 20_000)
})
