// Umami's path into a real PULSE process: a Chromium page tagged with PULSE's /script.js and a
// `data-website-id` (auto page view, `umami.track`, a `data-umami-event` click, `data-exclude-search`,
// `data-domains`), and the real `@umami/node` client run by Node. The events land in PULSE's stats as
// PULSE's own tracker records the same actions.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import type { Browser } from 'playwright-core'
import {
  DESKTOP_UA,
  launchChromium,
  type PageServer,
  type Pulse,
  servePages,
  startPulse,
} from '../tracker/e2e-helpers'

const WEBSITE = '4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b'
const NODE_WEBSITE = '0b1c2d3e-0000-4000-8000-000000000001'
let browser: Browser
let pages: PageServer
let pulse: Pulse
const secret: Record<string, string> = {}
let ownKey = ''

const admin = (path: string, body: unknown) =>
  fetch(`${pulse.url}${path}`, {
    method: 'PATCH',
    headers: { authorization: 'Bearer e2e-admin-token-tracker-sdk', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  ;[browser, pulse] = await Promise.all([launchChromium(), startPulse()])
  pages = servePages()
  const own = await pulse.site('site_own', ['127.0.0.1'])
  ownKey = own.public_key
  secret.site_own = own.secret_key
  secret.site_umami = (await pulse.site('site_umami')).secret_key
  secret.site_node = (await pulse.site('site_node')).secret_key
  expect((await admin('/api/v1/sites/site_umami', { aliases: [WEBSITE] })).status).toBe(200)
  expect((await admin('/api/v1/sites/site_node', { aliases: [NODE_WEBSITE] })).status).toBe(200)
}, 60_000)
afterAll(async () => {
  await browser?.close()
  pages?.stop()
  await pulse?.close()
})

async function visit(
  path: string,
  html: string,
  act: (page: import('playwright-core').Page) => Promise<void>,
  expected: number,
) {
  const before = await pulse.accepted()
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(pages.page(path.split('?')[0], html) + (path.includes('?') ? `?${path.split('?')[1]}` : ''))
  await act(page)
  const got = await pulse.waitForAccepted(before + expected)
  await Bun.sleep(300)
  await ctx.close()
  expect(errors).toEqual([])
  expect((await pulse.accepted()) - before).toBe(expected)
  return got
}

async function breakdown(siteId: string, dimension: string, extra = '') {
  const res = await fetch(
    `${pulse.url}/api/v1/stats/breakdown?site_id=${siteId}&dimension=${dimension}&period=24h${extra}`,
    { headers: { authorization: `Bearer ${secret[siteId]}` } },
  )
  const body = (await res.json()) as { data: { rows: { key: string; value: number }[] } }
  expect(res.status).toBe(200)
  return body.data.rows
}

const recorded = async (siteId: string) => ({
  types: await breakdown(siteId, 'event_type'),
  plans: await breakdown(siteId, 'property:plan', '&event_type=Signup'),
  browsers: await breakdown(siteId, 'browser'),
})

test('a data-website-id page records what PULSE’s own tracker records', async () => {
  await visit(
    '/shop',
    `<script src="${pulse.url}/tracker.js"></script><script>
PULSE.init({ siteId: 'site_own', apiKey: '${ownKey}', endpoint: '${pulse.url}' })
PULSE.trackPageView()
PULSE.trackEvent('Signup', { plan: 'pro' })
PULSE.trackEvent('Signup', { plan: 'pro' })
</script>`,
    async () => {},
    3,
  )
  await visit(
    '/shop?utm_x=1',
    `<button id="b" data-umami-event="Signup" data-umami-event-plan="pro">Sign up</button>
<script defer src="${pulse.url}/script.js" data-website-id="${WEBSITE}" data-exclude-search="true"></script>`,
    async (page) => {
      await page.waitForFunction(() => (window as any).umami)
      await page.evaluate(() => (window as any).umami.track('Signup', { plan: 'pro' }))
      await page.click('#b')
    },
    3,
  )
  expect(await recorded('site_umami')).toEqual(await recorded('site_own'))
  expect(await breakdown('site_umami', 'url')).toEqual([{ key: 'https://127.0.0.1/shop', value: 3 }])
  // data-domains: a page on another host name sends nothing.
  await visit(
    '/elsewhere',
    `<script defer src="${pulse.url}/script.js" data-website-id="${WEBSITE}" data-domains="shop.example"></script>
<script>addEventListener('load', () => umami.track('Signup'))</script>`,
    async () => {
      await Bun.sleep(500)
    },
    0,
  )
}, 90_000)

test('@umami/node calls from Node land', async () => {
  const before = await pulse.accepted()
  const program = `
import { Umami } from '@umami/node'
const umami = new Umami()
umami.init({ websiteId: '${NODE_WEBSITE}', hostUrl: '${pulse.url}', userAgent: '${DESKTOP_UA}' })
const a = await umami.track({ url: '/docs', hostname: 'app.example', title: 'Docs' })
const b = await umami.track('Signup', { plan: 'pro' })
const c = await umami.identify({ role: 'admin' })
console.log(JSON.stringify([a.status, b.status, c.status]))
`
  const proc = Bun.spawn(['node', '--input-type=module', '-e', program], {
    cwd: process.cwd(),
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const out = await new Response(proc.stdout).text()
  const err = await new Response(proc.stderr).text()
  expect(err).toBe('')
  expect(await proc.exited).toBe(0)
  expect(JSON.parse(out)).toEqual([200, 200, 200])
  expect(await pulse.waitForAccepted(before + 2)).toBe(before + 2)
  expect(await breakdown('site_node', 'event_type')).toEqual([
    { key: 'Signup', value: 1 },
    { key: 'page_view', value: 1 },
  ])
  expect(await breakdown('site_node', 'url', '&event_type=page_view')).toEqual([
    { key: 'https://app.example/docs', value: 1 },
  ])
}, 60_000)
