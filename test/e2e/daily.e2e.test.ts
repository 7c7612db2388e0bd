// The daily-use dashboard in real headless Chromium against a real server process: filters with
// operators (blog pages, not direct), year-over-year comparison, a saved segment reloaded, an annotation
// added and shown on the chart, a card’s CSV download, a journey from the home page, the whole view as a
// zip of CSVs, the All sites card and the site settings (time zone, retention) — each figure on screen
// equal to the API’s.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../dashboard/browser'
import { seedEvents } from '../dashboard/seed'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'daily-e2e-admin-token-0123456789'
const TZ = 'Europe/Berlin'
const HEADLINE = ['visitors', 'unique_sessions', 'page_views', 'bounce_rate', 'avg_session_duration']
const BLOG_NOT_DIRECT = [
  ['contains', 'url', ['/blog/']],
  ['is_not', 'referrer_domain', ['']],
]

let server: RunningServer
let browser: TestBrowser
let page: Page
let dataDir: string
const problems: string[] = []

async function api<T = any>(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
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

async function settled(): Promise<void> {
  await page.waitForSelector('#headline:not([aria-busy]) [data-metric]')
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0)
}

/** Headline values and changes as shown. */
async function shown() {
  await settled()
  return page.$$eval('#headline [data-metric]', (els) =>
    Object.fromEntries(
      els.map((e) => [
        e.getAttribute('data-metric'),
        [
          Number(e.getAttribute('data-value')),
          e.querySelector('.metric-change')?.getAttribute('data-change') ?? null,
        ],
      ]),
    ),
  )
}

/** The API's headline for the default view (7 days) with `extra` parameters, as [value, change]. */
async function expected(extra: Record<string, string>) {
  const d = await api<{ metrics: Record<string, number>; changes: Record<string, number | null> }>(
    `/api/v1/stats?${q({ site_id: 'shop', period: '7d', timezone: TZ, metrics: HEADLINE.join(','), ...extra })}`,
  )
  return Object.fromEntries(HEADLINE.map((m) => [m, [d.metrics[m], String(d.changes[m])]]))
}

/** The API's headline of `site` for 7 days in `tz` with `extra` parameters, as [value, change]. */
async function expectedFor(site: string, tz: string, extra: Record<string, string>) {
  const d = await api<{ metrics: Record<string, number>; changes: Record<string, number | null> }>(
    `/api/v1/stats?${q({ site_id: site, period: '7d', timezone: tz, metrics: HEADLINE.join(','), ...extra })}`,
  )
  return Object.fromEntries(HEADLINE.map((m) => [m, [d.metrics[m], String(d.changes[m])]]))
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pulse-daily-e2e-'))
  server = await startServer({
    PULSE_DATA_DIR: dataDir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_MAX_EVENT_AGE_DAYS: '400',
  })
  const shop = await api<{ secret_key: string }>('/api/v1/sites', {
    method: 'POST',
    body: { site_id: 'shop' },
  })
  const now = Date.now()
  // This week's traffic, and a little of the same week a year ago for the year-over-year comparison.
  const lastYear = seedEvents('shop', now - 365 * 86_400_000).slice(0, 40)
  for (const events of [seedEvents('shop', now), lastYear]) {
    const r = await api<{ rejected: unknown[] }>('/collect/batch', {
      method: 'POST',
      token: shop.secret_key,
      body: { events },
    })
    expect(r.rejected).toEqual([])
  }
  // A second site, so the All sites card shows.
  const blog = await api<{ secret_key: string }>('/api/v1/sites', {
    method: 'POST',
    body: { site_id: 'blog', name: 'The blog' },
  })
  await api('/collect/batch', {
    method: 'POST',
    token: blog.secret_key,
    body: { events: seedEvents('blog', now).slice(0, 60) },
  })
  browser = await launchBrowser({ timezoneId: TZ })
  page = await browser.context.newPage()
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the dashboard for daily use', () => {
  test('filters with operators: blog pages, not direct traffic', async () => {
    await page.goto(`${server.url}/`)
    await page.fill('#signin-token', ADMIN)
    await page.click('button[type=submit]')
    await page.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
    await settled()
    await page.selectOption('#filter-field', 'url')
    await page.selectOption('#filter-op', 'contains')
    await page.fill('#filter-value', '/blog/')
    await page.click('#filter-add')
    await page.selectOption('#filter-field', 'referrer_domain')
    await page.selectOption('#filter-op', 'is_not')
    await page.fill('#filter-value', '')
    await page.click('#filter-add')
    await page.waitForSelector('#condition-chips .chip[data-op=is_not]')
    const want = await expected({ conditions: JSON.stringify(BLOG_NOT_DIRECT), compare: 'previous_period' })
    expect(await shown()).toEqual(want)
    expect(want.visitors![0]).toBeGreaterThan(0)
    const all = await expected({ compare: 'previous_period' })
    expect(want.visitors![0]).toBeLessThan(all.visitors![0] as number)
  }, 30_000)

  test('year over year: the headline and the chart’s compared series', async () => {
    await page.selectOption('#compare-mode', 'year_over_year')
    await page.waitForFunction(() => location.hash.includes('cmp=year_over_year'))
    const want = await expected({ conditions: JSON.stringify(BLOG_NOT_DIRECT), compare: 'year_over_year' })
    expect(await shown()).toEqual(want)
    const legend = await page.$$eval('#chart .u-legend .u-label', (els) => els.map((e) => e.textContent))
    expect(legend).toContain('Visitors (compared)')
    const unfiltered = await expected({ compare: 'year_over_year' })
    expect(unfiltered.page_views![1]).not.toBe('null') // last year's week has page views
  }, 30_000)

  test('the view saved as a segment comes back after a reload', async () => {
    page.once('dialog', (d) => void d.accept('Blog, not direct'))
    await page.click('#segment-save')
    await page.waitForFunction(() => location.hash.includes('seg='))
    const segments = await api<{ segment_id: string; name: string }[]>('/api/v1/sites/shop/segments')
    expect(segments.map((s) => s.name)).toEqual(['Blog, not direct'])
    const id = segments[0]!.segment_id
    await page.reload()
    await settled()
    expect(await page.$eval('#segment-picker', (e) => (e as HTMLSelectElement).value)).toBe(id)
    expect(await shown()).toEqual(await expected({ segment: id, compare: 'year_over_year' }))
    expect(await shown()).toEqual(
      await expected({ conditions: JSON.stringify(BLOG_NOT_DIRECT), compare: 'year_over_year' }),
    )
  }, 30_000)

  test('an annotation added on the chart shows as a marker with its text', async () => {
    await page.fill('#annotate-text', 'v2.3 released')
    await page.click('#annotate-add')
    const marker = await page.waitForSelector('#chart .annotation-marker[title="v2.3 released"]')
    expect(await marker.isVisible()).toBe(true)
    const list = await api<{ text: string; created_by: string }[]>('/api/v1/sites/shop/annotations')
    expect(list).toMatchObject([{ text: 'v2.3 released', created_by: 'admin' }])
  }, 30_000)

  test('a card’s CSV download equals the API’s rows', async () => {
    const id = (await api<{ segment_id: string }[]>('/api/v1/sites/shop/segments'))[0]!.segment_id
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-pages')])
    expect(download.suggestedFilename()).toBe('shop-pages.csv')
    const file = readFileSync((await download.path())!, 'utf8')
    const params = {
      site_id: 'shop',
      period: '7d',
      timezone: TZ,
      dimension: 'url',
      metric: 'visitors',
      limit: '10',
      segment: id,
    }
    const res = await fetch(`${server.url}/api/v1/stats/breakdown?${q({ ...params, format: 'csv' })}`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    })
    expect(file).toBe(await res.text())
    const rows = (
      await api<{ rows: { key: string; value: number }[] }>(`/api/v1/stats/breakdown?${q(params)}`)
    ).rows
    expect(file).toBe(
      ['key,value', ...rows.map((r) => `${r.key},${r.value}`)].map((l) => `${l}\r\n`).join(''),
    )
    expect(rows.length).toBeGreaterThan(0)
    expect(problems).toEqual([])
  }, 30_000)
  test('a journey from / reads as steps with the API’s sessions', async () => {
    // Back to all traffic (no segment): a journey from the home page.
    await page.selectOption('#segment-picker', '')
    await page.waitForFunction(() => !location.hash.includes('seg='))
    await settled()
    await page.fill('#journey-page', 'https://example.com/')
    await page.click('#journey-run')
    await page.waitForSelector('#journey .journey-step[data-step="1"]')
    const want = await api<{
      sessions: number
      steps: { step: number; sessions: number; paths: { sessions: number }[] }[]
    }>(
      `/api/v1/stats/journeys?${q({ site_id: 'shop', period: '7d', timezone: TZ, page: 'https://example.com/', depth: '3', limit: '5' })}`,
    )
    expect(await page.getAttribute('#journey', 'data-sessions')).toBe(String(want.sessions))
    const steps = await page.$$eval('#journey .journey-step[data-step]', (els) =>
      els.map((e) => [
        Number(e.getAttribute('data-sessions')),
        [...e.querySelectorAll('li')].map((li) => Number(li.getAttribute('data-sessions'))),
      ]),
    )
    expect(steps).toEqual(want.steps.map((s) => [s.sessions, s.paths.map((p) => p.sessions)]))
  }, 30_000)

  test('the whole view downloads as a zip of the cards’ CSVs, each equal to the API’s', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#zip-view')])
    expect(download.suggestedFilename()).toBe('shop-view.zip')
    const zip = (await download.path())!
    const base = { site_id: 'shop', period: '7d', timezone: TZ, format: 'csv' }
    const cards: [string, string, Record<string, string>][] = [
      [
        'shop-visitors.csv',
        '/api/v1/stats/timeseries',
        { metric: 'visitors', interval: 'day', compare: 'year_over_year' },
      ],
      ['shop-pages.csv', '/api/v1/stats/breakdown', { dimension: 'url', metric: 'visitors', limit: '10' }],
      [
        'shop-referrers.csv',
        '/api/v1/stats/breakdown',
        { dimension: 'referrer_domain', metric: 'visitors', limit: '10' },
      ],
      [
        'shop-event-types.csv',
        '/api/v1/stats/breakdown',
        { dimension: 'event_type', metric: 'event_count', limit: '10' },
      ],
    ]
    const names = Bun.spawnSync(['unzip', '-Z1', zip]).stdout.toString().trim().split('\n')
    expect(names).toEqual(cards.map((c) => c[0]))
    for (const [name, path, params] of cards) {
      const file = Bun.spawnSync(['unzip', '-p', zip, name]).stdout.toString()
      const res = await fetch(`${server.url}${path}?${q({ ...base, ...params })}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      })
      expect([name, file]).toEqual([name, await res.text()])
      expect(file.split('\r\n').length).toBeGreaterThan(2)
    }
  }, 30_000)

  test('the All sites card shows each site with the API’s figures; a site’s name opens it', async () => {
    await page.waitForSelector('#overview:not([aria-busy]) #overview-table tr[data-site="blog"]')
    const want = await api<{
      sites: { site_id: string; visitors: number; page_views: number; sparkline: number[] }[]
    }>(`/api/v1/overview?${q({ period: '7d', timezone: TZ })}`)
    const rows = await page.$$eval('#overview-table tbody tr', (trs) =>
      trs.map((tr) => ({
        site_id: tr.getAttribute('data-site'),
        visitors: Number(tr.querySelector('[data-metric=visitors]')?.getAttribute('data-value')),
        page_views: Number(tr.querySelector('[data-metric=page_views]')?.getAttribute('data-value')),
        sparkline: tr.querySelector('svg')?.getAttribute('aria-label'),
      })),
    )
    expect(rows).toEqual(
      want.sites.map((s) => ({
        site_id: s.site_id,
        visitors: s.visitors,
        page_views: s.page_views,
        sparkline: `Visitors per bucket: ${s.sparkline.join(', ')}`,
      })),
    )
    expect(rows.map((r) => r.site_id)).toEqual(['shop', 'blog'])
    expect(rows[1]!.visitors).toBeGreaterThan(0)
    await page.click('#overview-table tr[data-site="blog"] button')
    await page.waitForFunction(
      () => (document.querySelector('#site-picker') as HTMLSelectElement).value === 'blog',
    )
    expect(await shown()).toEqual(await expectedFor('blog', TZ, { compare: 'year_over_year' }))
  }, 30_000)

  test('site settings: a new time zone re-cuts the periods, never the stored times; retention is saved', async () => {
    await page.waitForSelector('#site-settings:not([hidden]) #site-name')
    expect(await page.inputValue('#site-name')).toBe('The blog')
    expect(await page.inputValue('#site-timezone')).toBe('')
    const before = await api<{ events: unknown[] }>('/api/v1/events?site_id=blog&limit=1000')
    await page.selectOption('#site-timezone', 'America/New_York')
    await page.fill('#site-retention', '400')
    await page.click('#site-save')
    await page.waitForFunction(() =>
      document.querySelector('#settings-secret')?.textContent?.startsWith('Saved'),
    )
    expect(await api('/api/v1/sites/blog')).toMatchObject({
      timezone: 'America/New_York',
      retention_days: 400,
    })
    // The dashboard now cuts the week in the site's zone, as the API does when a read names none.
    const want = await expectedFor('blog', 'America/New_York', { compare: 'year_over_year' })
    expect(await shown()).toEqual(want)
    const implicit = await api<{ timezone: string; metrics: Record<string, number> }>(
      `/api/v1/stats?${q({ site_id: 'blog', period: '7d', metrics: 'visitors' })}`,
    )
    expect(implicit.timezone).toBe('America/New_York')
    expect(implicit.metrics.visitors).toBe(want.visitors![0] as number)
    expect(await api<{ events: unknown[] }>('/api/v1/events?site_id=blog&limit=1000')).toEqual(before)
    expect(problems).toEqual([])
  }, 30_000)
})
