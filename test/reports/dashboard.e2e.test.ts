// Reports and alerts as a site admin meets them, in real headless Chromium against a real server process
// with a real SMTP server: the "Reports and alerts" card adds a webhook, an alert rule to it and a digest,
// changes the rule's threshold, test-sends both, and shows the webhook's failure (HTTP 500) with its
// error in the deliveries list; the digest that arrives renders in Chromium (a screenshot is taken) with
// the stats API's figure; an invitation made with "also send by email" arrives by mail, and, as no user
// exists yet, the first-run setup page creates the owner with the admin token (issue 21; one server and
// browser for all, to keep the suite short).
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, type TestBrowser } from '../dashboard/browser'
import { seedEvents } from '../dashboard/seed'
import { type RunningServer, startServer } from '../helpers/server'
import { startReceiver, startSmtp } from './helpers'

const ADMIN = 'reports-e2e-admin-token-0123456789'
const dir = mkdtempSync(join(tmpdir(), 'pulse-reports-e2e-'))
const failing = startReceiver(() => 500)
let smtp: Awaited<ReturnType<typeof startSmtp>>
let server: RunningServer
let browser: TestBrowser
let page: Page

const api = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
  const res = await fetch(server.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${init.key ?? ADMIN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return (await res.json()) as any
}

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({
    PULSE_DATA_DIR: join(dir, 'data'),
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_REPORTS_TICK_MS: '200',
    ...smtp.env(),
  })
  const shop = (await api('/api/v1/sites', { body: { site_id: 'shop' } })).data
  await api('/collect/batch', { key: shop.secret_key, body: { events: seedEvents('shop', Date.now()) } })
  browser = await launchBrowser()
  page = await browser.context.newPage()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.close()
  failing.close()
  rmSync(dir, { recursive: true, force: true })
})

const waitText = (selector: string, text: string) =>
  page.waitForFunction(
    ([s, t]) => document.querySelector(s as string)?.textContent?.includes(t as string),
    [selector, text],
  )

test('the reports card: webhook, alert rule, digest, edits, test sends, failures shown', async () => {
  await page.goto(`${server.url}/`)
  await page.fill('#signin-token', ADMIN)
  await page.click('button[type=submit]')
  await page.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
  await page.selectOption('#site-picker', 'shop')
  await page.waitForSelector('#reports:not([hidden]) #webhook-url')
  await page.fill('#webhook-url', failing.url)
  await page.click('#webhook-create')
  await waitText('#reports-note', 'signing secret')
  const hookId = (await page.getAttribute('#webhooks li', 'data-id')) as string
  await page.selectOption('#alert-kind', 'spike')
  await page.fill('#alert-threshold', '1000')
  await page.fill('#alert-to', hookId)
  await page.click('#alert-create')
  await page.waitForSelector('#alert-rules li')
  const ruleId = (await page.getAttribute('#alert-rules li', 'data-id')) as string
  await page.fill(`#alert-threshold-${ruleId}`, '500')
  await page.click(`#alert-rules li[data-id="${ruleId}"] button:text("Save")`)
  await waitText('#reports-note', 'Rule saved')
  expect((await api('/api/v1/sites/shop/alerts')).data[0].threshold).toBe(500)
  await page.click(`#alert-rules li[data-id="${ruleId}"] button:text("Test")`)
  await waitText('#reports-note', 'Queued')
  await page.fill('#digest-email', 'owner@example.com')
  await page.click('#digest-create')
  await page.waitForSelector('#digests li')
  await page.click('#digests li button:text("Send now")')
  await waitText('#reports-note', 'Queued')
  // The server's next passes: the webhook answers 500 (kept for a retry), the digest is sent.
  const deadline = Date.now() + 20_000
  while (failing.calls.length === 0 || smtp.mails.length === 0) {
    if (Date.now() > deadline) throw new Error('nothing was delivered')
    await Bun.sleep(100)
  }
  expect(JSON.parse(failing.calls[0].body)).toMatchObject({ type: 'test', rule_id: ruleId, threshold: 500 })
  // The deliveries list (the page reloaded) shows the failure and its cause.
  await page.reload()
  await waitText('#deliveries', 'answered HTTP 500')
  expect(await page.getAttribute('#deliveries li.error', 'data-status')).toBe('pending')
  await waitText('#deliveries', 'sent')
}, 60_000)

test('the digest renders in Chromium (screenshot) with the stats API figure', async () => {
  const mail = smtp.mails[0]
  const html = String(mail.html)
  const tab = await browser.context.newPage()
  await tab.setContent(html)
  const shown = await tab.textContent('[data-metric="visitors"]')
  const shot = await tab.screenshot({ path: join(dir, 'digest.png'), fullPage: true })
  expect(shot.byteLength).toBeGreaterThan(5_000)
  // The digest of a test send covers its latest whole week (the browser's zone, UTC, chose the digest's):
  // the figure shown is the stats API's for that week.
  const [, from, last] = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(String(mail.subject)) ?? []
  const to = new Date(Date.parse(last) + 86_400_000).toISOString().slice(0, 10)
  const stats = await api(`/api/v1/stats?site_id=shop&metric=visitors&from=${from}&to=${to}&timezone=UTC`)
  expect(Number(shown)).toBe(stats.data.value)
  expect(String(mail.text)).toContain(`Visitors${String(shown).padStart(18)}`)
  const svg = await tab.$('svg[aria-label="Visitors over the period"]')
  expect(svg).not.toBeNull()
  expect((await svg!.boundingBox())!.width).toBeGreaterThan(100)
  await tab.close()
})

test('an invitation made in the settings card with "also send by email" arrives by mail with its link', async () => {
  await page.goto(`${server.url}/`)
  await page.waitForSelector('#settings:not([hidden]) #invite-email')
  await page.fill('#invite-email', 'mailed@example.com')
  await page.check('#invite-send-email')
  await page.click('#invite-create')
  await waitText('#settings-secret', 'mailed')
  const shown = ((await page.textContent('#settings-secret')) ?? '').match(
    /https?:\/\/\S+\/invite\/inv_[\w-]+/,
  )?.[0]
  const mail = smtp.mails.find((m) => (m.to as any)?.text === 'mailed@example.com')
  expect(shown).toBeDefined()
  expect(String(mail?.text)).toContain(String(shown))
})

test('the first owner is made on the setup page with the admin token, then signed in', async () => {
  const fresh = await browser.context.browser()!.newContext()
  const setup = await fresh.newPage()
  await setup.goto(`${server.url}/`)
  await setup.waitForSelector('#first-run-setup')
  await setup.fill('#setup-token', 'not-the-admin-token-000')
  await setup.fill('#setup-email', 'owner@example.com')
  await setup.fill('#setup-password', 'owner password 123')
  await setup.click('#setup-submit')
  await setup.waitForFunction(() =>
    document.querySelector('#setup-error')?.textContent?.includes('not the admin token'),
  )
  await setup.fill('#setup-token', ADMIN)
  await setup.click('#setup-submit')
  await setup.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
  const me = await setup.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).data)
  expect(me).toMatchObject({ email: 'owner@example.com', owner: true })
  expect(await setup.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, ''])
  // An owner exists: another fresh browser sees the sign-in forms only.
  const other = await browser.context
    .browser()!
    .newContext()
    .then((c) => c.newPage())
  await other.goto(`${server.url}/`)
  await other.waitForSelector('#password-signin')
  await Bun.sleep(300)
  expect(await other.$('#first-run-setup')).toBeNull()
  await Promise.all([fresh.close(), other.context().close()])
})
