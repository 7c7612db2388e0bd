// Accounts and sharing as a new user meets them, in real headless Chromium against a real server
// process: the owner signs in with email and password and invites a viewer by link; the viewer sets a
// password, sees only that site and is refused by the API elsewhere; a password-protected share link
// opens in a fresh browser with the API's figures and a locked filter the URL cannot remove; an embed
// link renders in an <iframe> on another origin while every other page refuses to be framed; revoking
// a link makes it 410 at once.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../dashboard/browser'
import { seedEvents } from '../dashboard/seed'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'accounts-e2e-admin-token-0123456'
const OWNER = { email: 'owner@example.com', password: 'owner password 123' }
const HEADLINE = ['visitors', 'unique_sessions', 'page_views', 'bounce_rate', 'avg_session_duration']

let server: RunningServer
let browser: TestBrowser
let dataDir: string
let embedder: ReturnType<typeof Bun.serve>
const problems: string[] = []

async function api<T = any>(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? ADMIN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: (await res.json()) as { data: T; error?: string } }
}

/** A fetch from inside `page` (its cookies, its origin): status and body. */
const inPage = (page: Page, path: string, method = 'GET', body?: unknown) =>
  page.evaluate(
    async ([p, m, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: b ? { 'content-type': 'application/json' } : {},
        body: b ? JSON.stringify(b) : undefined,
      })
      return { status: res.status, body: await res.json() }
    },
    [path, method, body] as const,
  )

async function newPage(): Promise<Page> {
  const page = await browser.context
    .browser()!
    .newContext()
    .then((c) => c.newPage())
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return page
}

async function headline(page: Page): Promise<Record<string, number>> {
  await page.waitForSelector('#headline:not([aria-busy]) [data-metric]')
  return page.$$eval('#headline [data-metric]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-metric'), Number(e.getAttribute('data-value'))])),
  )
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pulse-accounts-e2e-'))
  // Debug level: every line the server can log is searched for secrets at the end.
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN, PULSE_LOG_LEVEL: 'debug' })
  const shop = (
    await api<{ secret_key: string }>('/api/v1/sites', { method: 'POST', body: { site_id: 'shop' } })
  ).body.data
  await api('/api/v1/sites', { method: 'POST', body: { site_id: 'other' } })
  await api('/collect/batch', {
    method: 'POST',
    token: shop.secret_key,
    body: { events: seedEvents('shop', Date.now()) },
  })
  expect((await api('/api/v1/setup', { method: 'POST', body: OWNER })).status).toBe(201)
  browser = await launchBrowser()
  // Another origin that frames the share pages.
  embedder = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: (req) => {
      const src = new URL(req.url).searchParams.get('src') ?? ''
      return new Response(`<!doctype html><iframe id="f" src="${src}" width="900" height="600"></iframe>`, {
        headers: { 'content-type': 'text/html' },
      })
    },
  })
}, 60_000)

afterAll(async () => {
  embedder?.stop(true)
  await browser?.close()
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('accounts in Chromium', () => {
  test('the owner invites a viewer by link; the viewer sets a password, sees only that site, and gets 403 elsewhere', async () => {
    const owner = await newPage()
    await owner.goto(`${server.url}/`)
    await owner.fill('#signin-email', OWNER.email)
    await owner.fill('#signin-password', 'not the password')
    await owner.click('#signin-password-submit')
    await owner.waitForFunction(() =>
      document.querySelector('#signin-password-error')?.textContent?.includes('Wrong'),
    )
    await owner.fill('#signin-password', OWNER.password)
    await owner.click('#signin-password-submit')
    await owner.waitForSelector('#site-picker option[value="other"]', { state: 'attached' })
    // Nothing of the session is kept in the page's storage: the cookie is HttpOnly.
    expect(await owner.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, ''])
    // The invitation is made in the settings panel of the site.
    await owner.selectOption('#site-picker', 'shop')
    await owner.waitForSelector('#settings:not([hidden]) #invite-email')
    await owner.fill('#invite-email', 'viewer@example.com')
    await owner.selectOption('#invite-role', 'viewer')
    await owner.click('#invite-create')
    await owner.waitForFunction(() =>
      document.querySelector('#settings-secret')?.textContent?.includes('/invite/'),
    )
    const link = ((await owner.textContent('#settings-secret')) ?? '').replace(
      /^.*?(https?:\/\/\S+).*$/,
      '$1',
    )
    const inv = { body: { data: { url: link } } }
    // The audit log of the site shows the invitation (who, what), without its link.
    await owner.reload()
    await owner.waitForSelector('#audit:not([hidden]) #audit-log tr[data-action="invitation.create"]')
    expect(await owner.textContent('#audit-log')).not.toContain(link)
    // Goals are added (and deleted) in the same panel.
    await owner.fill('#goal-name', 'Signup')
    await owner.fill('#goal-target', '/signup')
    await owner.click('#goal-create')
    await owner.waitForFunction(() =>
      document.querySelector('#goals-list')?.textContent?.includes('Signup: /signup'),
    )
    // And edited in place.
    const goalId = (await api('/api/v1/sites/shop/goals')).body.data.find(
      (g: any) => g.name === 'Signup',
    ).goal_id
    await owner.fill(`#goal-name-${goalId}`, 'Sign-up page')
    await owner.click(`#goals-list li:has(#goal-name-${goalId}) button:text("Save")`)
    await owner.waitForFunction(() =>
      document.querySelector('#goals-list')?.textContent?.includes('Sign-up page: /signup'),
    )

    const viewer = await newPage()
    await viewer.goto(inv.body.data.url.replace(/^https?:\/\/[^/]+/, server.url))
    await viewer.fill('#invite-password', 'viewer password 123')
    await viewer.click('#invite-submit')
    await viewer.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
    await headline(viewer)
    // A viewer has no settings to change.
    expect(await viewer.isHidden('#settings')).toBe(true)
    expect(
      await viewer.$$eval('#site-picker option', (os) => os.map((o) => o.getAttribute('value'))),
    ).toEqual(['shop'])
    expect((await inPage(viewer, '/api/v1/sites/shop/read-keys', 'POST', {})).status).toBe(403)
    expect((await inPage(viewer, '/api/v1/sites/shop/keys', 'POST', { kind: 'secret' })).status).toBe(403)
    expect((await inPage(viewer, '/api/v1/stats?site_id=other')).status).toBe(403)
    // The viewer sees no audit log, and changes the password in the account panel: the page goes on in a
    // fresh session, and the old password no longer signs in.
    expect(await viewer.isHidden('#audit')).toBe(true)
    await viewer.fill('#password-current', 'viewer password 123')
    await viewer.fill('#password-new', 'viewer new password 1')
    await viewer.click('#password-submit')
    await viewer.waitForFunction(() =>
      document.querySelector('#password-message')?.textContent?.includes('Password changed'),
    )
    expect((await inPage(viewer, '/api/v1/auth/me')).status).toBe(200)
    const old = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@example.com', password: 'viewer password 123' }),
    })
    expect(old.status).toBe(401)
    // The owner changes the viewer's role in place in the members list.
    const viewerId = (await api('/api/v1/sites/shop/members')).body.data.find(
      (m: any) => m.email === 'viewer@example.com',
    ).user_id
    await owner.reload()
    await owner.selectOption(`#member-role-${viewerId}`, 'editor')
    await owner.waitForFunction(() => document.querySelector('#members')?.textContent?.includes('— editor'))
    expect(
      (await api('/api/v1/sites/shop/members')).body.data.find((m: any) => m.user_id === viewerId).role,
    ).toBe('editor')
    // The invitation link works once.
    const again = await newPage()
    await again.goto(inv.body.data.url.replace(/^https?:\/\/[^/]+/, server.url))
    await again.waitForFunction(() => document.querySelector('#invite-error')?.textContent?.includes('used'))
    await Promise.all([owner.context().close(), viewer.context().close(), again.context().close()])
  }, 60_000)

  test('a password share link opens in a fresh browser with the API figures; its locked filter stays', async () => {
    const link = await api('/api/v1/sites/shop/share-links', {
      method: 'POST',
      body: { password: 'share password 1', locked_filters: { country: 'US' } },
    })
    const url = `${server.url}/share/${link.body.data.slug}`
    const page = await newPage()
    await page.goto(url)
    await page.fill('#share-password', 'share password 1')
    await page.click('#share-submit')
    const shown = await headline(page)
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
    const q = new URLSearchParams({
      site_id: 'shop',
      period: '7d',
      timezone: tz,
      metrics: HEADLINE.join(','),
      compare: 'previous_period',
      country: 'US',
    })
    const expected = (await api(`/api/v1/stats?${q}`)).body.data.metrics
    for (const m of HEADLINE) expect(shown[m]).toBeCloseTo(Number(expected[m]), 1)
    const all = (await api(`/api/v1/stats?site_id=shop&period=7d&metric=visitors`)).body.data.value
    expect(shown.visitors).toBeLessThan(all)
    // Asking for another country in the URL is refused, not shown.
    await page.goto('about:blank')
    await page.goto(`${url}#site=shop&period=7d&f=country:DE`)
    await page.fill('#share-password', 'share password 1')
    await page.click('#share-submit')
    await page.waitForSelector('#headline .error')
    await page.context().close()
  }, 60_000)

  test('an embed link renders in an iframe on another origin; other pages refuse to be framed; revoking is 410 at once', async () => {
    const other = `http://127.0.0.1:${embedder.port}`
    const link = await api('/api/v1/sites/shop/share-links', {
      method: 'POST',
      body: { embed_origins: [other] },
    })
    const shareUrl = `${server.url}/share/${link.body.data.slug}`
    const page = await newPage()
    await page.goto(`${other}/?src=${encodeURIComponent(shareUrl)}`)
    const frame = await (await page.waitForSelector('#f')).contentFrame()
    await frame!.waitForSelector('#headline:not([aria-busy]) [data-metric]')
    // The dashboard itself (and a share link without embed origins) may not be framed.
    for (const src of [`${server.url}/`, `${server.url}/invite/inv_x`]) {
      await page.goto(`${other}/?src=${encodeURIComponent(src)}`)
      const blocked = await (await page.waitForSelector('#f')).contentFrame()
      await page.waitForTimeout(300)
      expect(await blocked!.$('#app')).toBeNull()
    }
    await api(`/api/v1/sites/shop/share-links/${link.body.data.link_id}`, { method: 'DELETE' })
    expect((await api(`/api/v1/share/${link.body.data.slug}`)).status).toBe(410)
    await page.goto(shareUrl)
    await page.waitForFunction(() => document.querySelector('#share-error')?.textContent?.includes('revoked'))
    await page.context().close()
    expect(problems).toEqual([])
    // Passwords and secrets never reach the server's output or log.
    const printed = server.output() + server.log()
    for (const secret of [
      OWNER.password,
      'viewer password 123',
      'viewer new password 1',
      'share password 1',
      link.body.data.slug,
    ])
      expect(printed).not.toContain(secret)
  }, 60_000)
})
