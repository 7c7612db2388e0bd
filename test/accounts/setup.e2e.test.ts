// The first-run setup page in real Chromium against a real server process: with no user yet the
// sign-in screen offers to create the owner; a wrong admin token is refused; the right one creates the
// owner and signs in with a session (nothing in the page's storage); once an owner exists the form is gone.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser, type TestBrowser } from '../dashboard/browser'
import { type RunningServer, startServer } from '../helpers/server'

const ADMIN = 'setup-e2e-admin-token-0123456789'
const dir = mkdtempSync(join(tmpdir(), 'pulse-setup-e2e-'))
let server: RunningServer
let browser: TestBrowser

beforeAll(async () => {
  server = await startServer({ PULSE_DATA_DIR: join(dir, 'data'), PULSE_ADMIN_TOKEN: ADMIN })
  await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: 'shop' }),
  })
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('the first owner is made on the setup page with the admin token, then signed in', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/`)
  await page.waitForSelector('#first-run-setup')
  await page.fill('#setup-token', 'not-the-admin-token-000')
  await page.fill('#setup-email', 'owner@example.com')
  await page.fill('#setup-password', 'owner password 123')
  await page.click('#setup-submit')
  await page.waitForFunction(() =>
    document.querySelector('#setup-error')?.textContent?.includes('not the admin token'),
  )
  await page.fill('#setup-token', ADMIN)
  await page.click('#setup-submit')
  await page.waitForSelector('#site-picker option[value="shop"]', { state: 'attached' })
  const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).data)
  expect(me).toMatchObject({ email: 'owner@example.com', owner: true })
  expect(await page.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, ''])
  // An owner exists: a fresh browser sees the sign-in forms only.
  const fresh = await browser.context
    .browser()!
    .newContext()
    .then((c) => c.newPage())
  await fresh.goto(`${server.url}/`)
  await fresh.waitForSelector('#password-signin')
  await Bun.sleep(300)
  expect(await fresh.$('#first-run-setup')).toBeNull()
  await fresh.context().close()
}, 60_000)
