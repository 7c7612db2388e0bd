// The dashboard's "Live events" panel in Chromium: an event sent after sign-in appears within a second,
// as text (hostile markup is not interpreted); the admin's SQL box lists the schema and runs a query.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { launchChromium } from '../tracker/e2e-helpers'

const ADMIN = 'live-events-admin-token-0123'
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-live-'))
let server: RunningServer
let secret = ''

beforeAll(async () => {
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN })
  const res = await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: 'shop' }),
  }).then((r) => r.json())
  secret = res.data.secret_key
}, 30_000)
afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('an event appears in the Live events panel within a second', async () => {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`${server.url}/`)
    await page.fill('#signin-token', ADMIN)
    await page.click('button[type=submit]')
    await page.waitForFunction(() =>
      document.querySelector('#live-events')?.textContent?.includes('Listening'),
    )
    const t0 = Date.now()
    const sent = await fetch(`${server.url}/collect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        site_id: 'shop',
        event_type: '<img src=x onerror=alert(1)>',
        timestamp: Date.now(),
        session_id: 's1',
        url: 'https://shop.example/checkout',
      }),
    })
    expect(sent.status).toBe(200)
    await page.waitForSelector('#live-events .live-row', { timeout: 5000 })
    expect(Date.now() - t0).toBeLessThan(1500)
    expect(await page.textContent('#live-events .live-type')).toBe('<img src=x onerror=alert(1)>')
    expect(await page.textContent('#live-events .live-url')).toBe('https://shop.example/checkout')
    expect(await page.$('#live-events img')).toBeNull()

    // The admin's SQL box lists the schema and runs a query; a write is refused with the API's message.
    await page.waitForFunction(() =>
      document.querySelector('#sql-console .sql-schema')?.textContent?.includes('events'),
    )
    await page.fill(
      '#sql-input',
      "SELECT event_type, count(*) AS n FROM events WHERE site_id = 'shop' GROUP BY 1",
    )
    await page.click('#sql-run')
    await page.waitForSelector('#sql-result table')
    expect(await page.textContent('#sql-result tbody')).toContain('<img src=x onerror=alert(1)>1')
    await page.fill('#sql-input', 'DELETE FROM events')
    await page.click('#sql-run')
    await page.waitForSelector('#sql-result .error')
    expect(await page.textContent('#sql-result .error')).toContain('only a read query')
  } finally {
    await browser.close()
  }
}, 40_000)
