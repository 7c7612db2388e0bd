// Issue 23 through `app.handle`: one bot rule for browser, forwarded and imported traffic; visitor ids
// salted by the event's own day (a back-dated replay never merges days); self-referrals from the site's
// domains; grouped browser and system names; imported ids keyed with a secret of the process.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { queryRows } from '../../src/db/rows'
import { acquisitionOf, selfHostsOf } from '../../src/ingest/enrich/acquisition'
import { parseAgent } from '../../src/ingest/enrich/user-agent'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const DAY = 86_400_000

let h: TestApp
let keys: { public_key: string; secret_key: string }
beforeEach(async () => {
  h = await createTestApp({ PULSE_TRUSTED_PROXIES: '1' })
  keys = await h.site('s1', ['shop.example'])
})
afterEach(() => h.close())

async function send(events: Record<string, unknown>[], key = keys.secret_key, headers = {}) {
  const res = await h.json('POST', '/collect/batch', { key, body: { events }, headers })
  expect(res.status).toBe(200)
  expect(res.body.data.rejected).toEqual([])
}
async function raw() {
  const res = await h.json('GET', '/api/v1/events?site_id=s1&include_bots=true&limit=1000', {
    key: keys.secret_key,
  })
  expect(res.status).toBe(200)
  return Object.fromEntries(
    (res.body.data.events as Record<string, any>[]).map((e) => [e.session_id as string, e]),
  )
}

describe('one bot rule', () => {
  test('a forwarded UA is checked with isbot in full; an empty or "-" one is a bot; none forwarded stays as it was', async () => {
    const fwd = (session: string, extra: Record<string, unknown>) =>
      event('s1', { session_id: session, ip: '81.2.69.142', ...extra })
    await send([
      fwd('feed', { user_agent: 'Feedfetcher-Google; (+http://www.google.com/feedfetcher.html)' }),
      fwd('msn', { user_agent: 'msnbot/2.0b (+http://search.msn.com/msnbot.htm)' }),
      fwd('curl', { user_agent: 'curl/8.5.0' }),
      fwd('dash', { user_agent: '-' }),
      fwd('empty', { user_agent: '' }),
      fwd('person', { user_agent: CHROME }),
      fwd('ip-only', {}),
      event('s1', { session_id: 'server' }),
    ])
    // The request's own UA, not forwarded: a client that does not claim to be a browser is counted.
    await send([event('s1', { session_id: 'own-curl' })], keys.public_key, {
      'user-agent': 'curl/8.5.0',
      'x-forwarded-for': '81.2.69.142',
    })
    const e = await raw()
    const reasons = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.bot_reason]))
    expect(reasons).toEqual({
      feed: 'ua',
      msn: 'ua',
      curl: 'ua',
      dash: 'ua',
      empty: 'ua',
      person: null,
      'ip-only': null,
      server: null,
      'own-curl': null,
    })
  })
})

describe('late events', () => {
  test('a back-dated replay keeps each day its own visitors; one day stays one visitor', async () => {
    const at = (session: string, ts: number) =>
      event('s1', { session_id: session, timestamp: ts, ip: '81.2.69.142', user_agent: CHROME })
    // Yesterday, live; then, a day later (T0), events dated today, yesterday, three days ago (twice)
    // and ten days ago.
    h.clock.set(T0 - DAY + 1000)
    await send([at('live-yesterday', T0 - DAY)])
    h.clock.set(T0)
    await send([
      at('today', T0 - 1000),
      at('yesterday', T0 - DAY),
      at('old-a', T0 - 3 * DAY),
      at('old-b', T0 - 3 * DAY + 60_000),
      at('older', T0 - 10 * DAY),
    ])
    const e = await raw()
    const ids = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.visitor_id]))
    expect(ids['old-a']).toBe(ids['old-b'])
    expect(new Set([ids.today, ids.yesterday, ids['old-a'], ids.older]).size).toBe(4)
    // A late event of yesterday has the id yesterday's live traffic had.
    expect(ids.yesterday).toBe(ids['live-yesterday'])
    const res = await h.json(
      'GET',
      `/api/v1/stats?site_id=s1&metrics=visitors&period=custom&from=2026-11-01&to=2026-11-21`,
      { key: keys.secret_key },
    )
    expect(res.body.data.metrics.visitors).toBe(4)
  })
})

describe('self-referrals', () => {
  test("a referrer on one of the site's domains is internal navigation, also when the URL is a path", async () => {
    expect(selfHostsOf(['www.Shop.example', '*.cdn.example', 'shop.example:8080'])).toEqual([
      'shop.example',
      'cdn.example',
    ])
    expect(acquisitionOf('/b', 'https://www.shop.example/a', ['shop.example']).channel).toBe('Direct')
    expect(acquisitionOf('/b', 'https://blog.shop.example/a', ['shop.example']).source).toBeNull()
    expect(acquisitionOf('/b', 'https://other.example/a', ['shop.example']).source).toBe('other.example')
    await send([
      event('s1', { session_id: 'a', url: '/b', referrer: 'https://www.shop.example/a' }),
      event('s1', { session_id: 'b', url: '/b', referrer: 'https://other.example/a' }),
    ])
    const e = await raw()
    expect([e.a.source, e.a.channel]).toEqual([null, 'Direct'])
    expect([e.b.source, e.b.channel]).toEqual(['other.example', 'Referral'])
  })
})

describe('grouped names', () => {
  test('Linux distributions are Linux, Chromium and Iceweasel their families, the variant kept as the version', () => {
    const cases: [string, Partial<ReturnType<typeof parseAgent>>][] = [
      [
        'Mozilla/5.0 (X11; U; Linux x86_64; en-US; rv:1.9.2.13) Gecko/20101206 Ubuntu/10.04 (lucid) Firefox/3.6.13',
        { browser: 'Firefox', os: 'Linux', osVersion: 'Ubuntu 10.04', deviceType: 'desktop' },
      ],
      [
        'Mozilla/5.0 (X11; CentOS; Linux x86_64; rv:25.0) Gecko/20100101 Firefox/25.0',
        { os: 'Linux', osVersion: 'CentOS' },
      ],
      [
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/32.0.1700.102 Chrome/32.0.1700.102 Safari/537.36',
        { browser: 'Chrome', browserVersion: 'Chromium 32', os: 'Linux', osVersion: 'Ubuntu' },
      ],
      [
        'Mozilla/5.0 (X11; Linux i686; rv:24.0) Gecko/20140205 Firefox/24.0 Iceweasel/24.3.0',
        { browser: 'Firefox', browserVersion: 'Iceweasel 24', os: 'Linux', osVersion: null },
      ],
      // One device rule: an unknown agent has no device, on every path.
      ['Tiny Tiny RSS/1.11 (http://tt-rss.org/)', { browser: null, deviceType: null }],
    ]
    for (const [ua, want] of cases) expect(parseAgent(ua)).toMatchObject(want)
  })
})

describe('imported ids', () => {
  test('keyed with a secret of the process: another server gives other ids, and a re-import stores nothing twice', async () => {
    const body = readFileSync(join(import.meta.dir, '../fixtures/import/nginx-access.log'), 'utf8')
    const load = async (app: TestApp) => {
      const res = await app.json('POST', '/api/v1/admin/imports?source=combined&site_id=s1', {
        key: ADMIN_TOKEN,
        body,
        headers: { 'content-type': 'text/plain' },
      })
      expect(res.status).toBe(200)
      return res.body.data
    }
    const ids = async (app: TestApp) =>
      await queryRows<{ session_id: string; visitor_id: string; event_id: string }>(
        app.deps.db.reader,
        'SELECT session_id, visitor_id, event_id FROM events ORDER BY event_id',
      )
    expect((await load(h)).imported).toBe(7)
    expect((await load(h)).imported).toBe(0)
    const other = await createTestApp()
    try {
      await other.site('s1')
      await load(other)
      const [a, b] = [await ids(h), await ids(other)]
      expect(a.map((r) => r.event_id)).toEqual(b.map((r) => r.event_id))
      for (let i = 0; i < a.length; i++) {
        expect(a[i].session_id).not.toBe(b[i].session_id)
        expect(a[i].visitor_id).not.toBe(b[i].visitor_id)
      }
      // Nothing of the address in any stored id.
      expect(JSON.stringify(a)).not.toContain('203.0.113.7')
    } finally {
      await other.close()
    }
  })
})
