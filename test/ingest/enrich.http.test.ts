// Enrichment at ingest through `app.handle`: real UA strings, addresses whose country the shipped CC0
// database knows, referrers and UTM URLs, bots kept apart, cookieless visitors across tabs and midnight.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

const UA = {
  chromeWin:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  curl: 'curl/8.5.0',
  bingbot: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
}

let h: TestApp
let keys: { public_key: string; secret_key: string }
beforeEach(async () => {
  h = await createTestApp({ PULSE_TRUSTED_PROXIES: '1' })
  keys = await h.site('s1')
})
afterEach(() => h.close())

/** A browser's event: no device_type (the tracker's own guess is left out to see the server's). */
function browserEvent(overrides: Record<string, unknown> = {}) {
  const e = event('s1', { url: 'https://shop.example/p', ...overrides })
  if (!('device_type' in overrides)) delete e.device_type
  return e
}

async function collect(body: unknown, headers: Record<string, string> = {}, key = keys.public_key) {
  const res = await h.json('POST', '/collect', { key, body, headers })
  expect(res.status).toBe(200)
  return res
}

async function rawEvents(query = '') {
  const res = await h.json('GET', `/api/v1/events?site_id=s1${query}`, { key: keys.secret_key })
  expect(res.status).toBe(200)
  return res.body.data.events as Record<string, unknown>[]
}

const stat = async (query: string) =>
  (await h.json('GET', `/api/v1/stats?site_id=s1&${query}`, { key: keys.secret_key })).body.data

describe('browser, system and device', () => {
  const cases: [string, Record<string, string | null>][] = [
    [
      'chromeWin',
      { browser: 'Chrome', browser_version: '131', os: 'Windows', os_version: '10', device_type: 'desktop' },
    ],
    ['firefoxMac', { browser: 'Firefox', browser_version: '133', os: 'macOS', device_type: 'desktop' }],
    [
      'safariIphone',
      { browser: 'Safari', browser_version: '17', os: 'iOS', os_version: '17.5', device_type: 'mobile' },
    ],
    ['edge', { browser: 'Edge', browser_version: '131', os: 'Windows', device_type: 'desktop' }],
    [
      'chromeAndroid',
      { browser: 'Chrome', browser_version: '131', os: 'Android', os_version: '14', device_type: 'mobile' },
    ],
    ['ipad', { browser: 'Safari', os: 'iOS', device_type: 'tablet' }],
  ]
  for (const [name, want] of cases)
    test(`${name}: from the User-Agent`, async () => {
      await collect(browserEvent(), { 'user-agent': UA[name as keyof typeof UA] })
      const [e] = await rawEvents()
      expect(e).toMatchObject({ ...want, bot_reason: null })
    })

  test('Client Hints refine the frozen UA (Windows 11); a sender’s own values are kept', async () => {
    await collect(browserEvent(), {
      'user-agent': UA.chromeWin,
      'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
      'sec-ch-ua-mobile': '?0',
      'sec-ch-ua-platform': '"Windows"',
      'sec-ch-ua-platform-version': '"15.0.0"',
    })
    await collect(browserEvent({ session_id: 'x', device_type: 'kiosk', browser: 'MyApp' }), {
      'user-agent': UA.chromeWin,
    })
    const [kept, hinted] = await rawEvents()
    expect(hinted).toMatchObject({
      browser: 'Chrome',
      browser_version: '131',
      os: 'Windows',
      os_version: '11',
    })
    expect(kept).toMatchObject({ browser: 'MyApp', device_type: 'kiosk', os: 'Windows' })
  })

  test('browser, os and device are breakdown dimensions and filters', async () => {
    await collect(browserEvent(), { 'user-agent': UA.chromeWin })
    await collect(browserEvent({ session_id: 's2' }), { 'user-agent': UA.safariIphone })
    const b = await stat('metrics=page_views&browser=Safari')
    expect(b.metrics.page_views).toBe(1)
    const rows = (
      await h.json('GET', '/api/v1/stats/breakdown?site_id=s1&dimension=os', { key: keys.secret_key })
    ).body.data.rows
    expect(rows).toEqual([
      { key: 'Windows', value: 1 },
      { key: 'iOS', value: 1 },
    ])
  })
})

describe('country from the IP (shipped CC0 database)', () => {
  const cases: [string, string][] = [
    ['8.8.8.8', 'US'],
    ['81.2.69.142', 'GB'],
    ['193.99.144.80', 'DE'],
    ['2a00:1450:4001:80b::200e', 'IE'],
    ['2001:4860:4860::8888', 'US'],
    ['::ffff:81.2.69.142', 'GB'],
  ]
  for (const [ip, country] of cases)
    test(`${ip} → ${country}`, async () => {
      await collect(browserEvent(), { 'user-agent': UA.chromeWin, 'x-forwarded-for': ip })
      expect((await rawEvents())[0].country).toBe(country)
    })

  test('a sent country is kept; private addresses stay unknown', async () => {
    await collect(browserEvent({ country: 'fr' }), { 'x-forwarded-for': '8.8.8.8' })
    await collect(browserEvent({ session_id: 'b' }), { 'x-forwarded-for': '10.1.2.3' })
    const [priv, sent] = await rawEvents()
    expect(sent.country).toBe('FR')
    expect(priv.country).toBeNull()
  })
})

test('without PULSE_TRUSTED_PROXIES, X-Forwarded-For is ignored', async () => {
  const plain = await createTestApp()
  try {
    const k = await plain.site('s1')
    await plain.json('POST', '/collect', {
      key: k.public_key,
      body: browserEvent(),
      headers: { 'x-forwarded-for': '8.8.8.8' },
    })
    const res = await plain.json('GET', '/api/v1/events?site_id=s1', { key: k.secret_key })
    expect(res.body.data.events[0].country).toBeNull()
  } finally {
    await plain.close()
  }
})

describe('bots', () => {
  test('each signal gives its reason; bots are left out of stats unless include_bots=true', async () => {
    const ip = { 'x-forwarded-for': '8.8.8.8' }
    await collect(browserEvent({ session_id: 'human' }), { ...ip, 'user-agent': UA.chromeWin })
    await collect(browserEvent({ session_id: 'h' }), { ...ip, 'user-agent': UA.headless })
    await collect(browserEvent({ session_id: 'g' }), { ...ip, 'user-agent': UA.googlebot })
    await collect(browserEvent({ session_id: 'c' }), { ...ip, 'user-agent': UA.bingbot })
    await collect(browserEvent({ session_id: 'w', webdriver: true }), { ...ip, 'user-agent': UA.firefoxMac })
    await collect(browserEvent({ session_id: 'r', referrer: 'https://www.semalt.com/x' }), {
      'x-forwarded-for': '81.2.69.142',
      'user-agent': UA.edge,
    })
    expect((await stat('metrics=page_views,visitors')).metrics).toEqual({ page_views: 1, visitors: 1 })
    expect((await stat('metrics=page_views&include_bots=true')).metrics.page_views).toBe(6)
    expect((await rawEvents()).length).toBe(1)
    expect((await rawEvents('&include_bots=true')).length).toBe(6)
    const rows = (
      await h.json('GET', '/api/v1/stats/breakdown?site_id=s1&dimension=bot_reason&include_bots=true', {
        key: keys.secret_key,
      })
    ).body.data.rows
    expect(rows).toEqual([
      { key: 'ua', value: 2 },
      { key: 'headless', value: 1 },
      { key: 'referrer_spam', value: 1 },
      { key: 'webdriver', value: 1 },
      { key: null, value: 1 },
    ])
    // Filtering by bot_reason asks for bots by name.
    expect((await stat('metrics=page_views&bot_reason=ua')).metrics.page_views).toBe(2)
    const health = await h.json('GET', '/health', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(health.body.details.enrichment).toMatchObject({
      events: 6,
      bots: { headless: 1, ua: 2, webdriver: 1, referrer_spam: 1 },
      geoip: true,
    })
  })

  test('a client that does not claim to be a browser (the seed’s curl) is counted, like server traffic', async () => {
    await collect(event('s1'), { 'user-agent': UA.curl, 'x-forwarded-for': '8.8.8.8' })
    expect((await rawEvents())[0]).toMatchObject({ bot_reason: null, country: 'US', device_type: 'desktop' })
  })

  test('include_bots accepts only true or false', async () => {
    const res = await h.json('GET', '/api/v1/stats?site_id=s1&metric=event_count&include_bots=yes', {
      key: keys.secret_key,
    })
    expect(res.status).toBe(422)
  })

  test('a burst from one visitor counts as a bot past the limit', async () => {
    const burst = await createTestApp({ PULSE_TRUSTED_PROXIES: '1', PULSE_BOT_BURST_PER_MINUTE: '5' })
    try {
      const k = await burst.site('s1')
      for (let i = 0; i < 7; i++)
        await burst.json('POST', '/collect', {
          key: k.public_key,
          body: browserEvent({ session_id: `s${i}` }),
          headers: { 'user-agent': UA.chromeWin, 'x-forwarded-for': '8.8.8.8' },
        })
      const res = await burst.json('GET', '/api/v1/events?site_id=s1&bot_reason=burst', { key: k.secret_key })
      expect(res.body.data.events.length).toBe(2)
    } finally {
      await burst.close()
    }
  })

  test('secret-key traffic is not filtered by the request’s UA; a forwarded UA and IP are used, never stored', async () => {
    await collect(event('s1', { session_id: 'srv' }), { 'user-agent': UA.curl }, keys.secret_key)
    await collect(
      event('s1', { session_id: 'fwd', user_agent: UA.googlebot, ip: '193.99.144.80' }),
      {},
      keys.secret_key,
    )
    await collect(
      event('s1', { session_id: 'fwd2', user_agent: UA.firefoxMac, ip: '193.99.144.80' }),
      {},
      keys.secret_key,
    )
    const all = await rawEvents('&include_bots=true')
    const bySession = Object.fromEntries(all.map((e) => [e.session_id, e]))
    expect(bySession.srv).toMatchObject({ bot_reason: null, browser: null, country: null, visitor_id: null })
    expect(bySession.fwd).toMatchObject({ bot_reason: 'ua', country: 'DE' })
    expect(bySession.fwd2).toMatchObject({ bot_reason: null, browser: 'Firefox', country: 'DE' })
    expect(Object.keys(bySession.fwd)).not.toContain('ip')
    expect(Object.keys(bySession.fwd)).not.toContain('user_agent')
    await h.deps.buffer.flush()
    const stored = await h.deps.db.reader.runAndReadAll('SELECT * FROM events')
    expect(
      JSON.stringify(stored.getRowsJS(), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)),
    ).not.toContain('193.99.144.80')
  })
})

describe('cookieless visitors', () => {
  const headers = { 'user-agent': UA.chromeWin, 'x-forwarded-for': '81.2.69.142' }

  test('two tabs (two sessions) of one browser are one visitor; another browser is another', async () => {
    await collect(browserEvent({ session_id: 'tab1' }), headers)
    await collect(browserEvent({ session_id: 'tab2' }), headers)
    await collect(browserEvent({ session_id: 'tab3' }), { ...headers, 'user-agent': UA.firefoxMac })
    expect((await stat('metrics=visitors,unique_sessions')).metrics).toEqual({
      visitors: 2,
      unique_sessions: 3,
    })
    const ids = (await rawEvents()).map((e) => e.visitor_id as string)
    expect(ids.every((id) => /^v_[A-Za-z0-9_-]{22}$/.test(id))).toBe(true)
  })

  test('the salt rotates at UTC midnight; a session crossing midnight keeps its visitor; salts live 48 h', async () => {
    const midnight = Date.UTC(2026, 10, 21)
    h.clock.set(midnight - 60_000)
    await collect(browserEvent({ session_id: 'night', timestamp: midnight - 61_000 }), headers)
    h.clock.set(midnight + 60_000)
    await collect(browserEvent({ session_id: 'night', timestamp: midnight + 59_000 }), headers)
    await collect(browserEvent({ session_id: 'morning', timestamp: midnight + 59_000 }), headers)
    const bySession = new Map<string, Set<unknown>>()
    for (const e of await rawEvents('&period=custom&from=2026-11-20&to=2026-11-22'))
      bySession.set(
        e.session_id as string,
        (bySession.get(e.session_id as string) ?? new Set()).add(e.visitor_id),
      )
    expect(bySession.get('night')?.size).toBe(1)
    expect([...(bySession.get('morning') ?? [])][0]).not.toBe([...(bySession.get('night') ?? [])][0])
    const salts = h.deps.enrichment.salts
    await salts.settled()
    const days = async () =>
      (await h.deps.db.reader.runAndReadAll('SELECT day FROM visitor_salts ORDER BY day'))
        .getRows()
        .map((r) => r[0])
    expect(await days()).toEqual(['2026-11-20', '2026-11-21'])
    h.clock.set(midnight + 86_400_000 + 1000)
    await collect(browserEvent({ session_id: 'later', timestamp: midnight + 86_400_000 }), headers)
    await salts.settled()
    expect(await days()).toEqual(['2026-11-21', '2026-11-22'])
    expect(salts.days()).toEqual(['2026-11-21', '2026-11-22'])
  })

  test('without address and User-Agent there is no visitor id: visitors falls back to the session', async () => {
    await collect(event('s1', { session_id: 'a' }))
    await collect(event('s1', { session_id: 'b' }))
    expect((await stat('metrics=visitors')).metrics.visitors).toBe(2)
    expect((await rawEvents())[0].visitor_id).toBeNull()
  })
})

describe('acquisition', () => {
  const cases: [string, string | null, Record<string, string | null>][] = [
    ['https://shop.example/', 'https://www.google.de/', { source: 'Google', channel: 'Organic Search' }],
    [
      'https://shop.example/',
      'https://news.ycombinator.com/item?id=1',
      { source: 'Hacker News', channel: 'Organic Social' },
    ],
    ['https://shop.example/', 'https://chatgpt.com/', { source: 'ChatGPT', channel: 'AI Assistants' }],
    [
      'https://shop.example/',
      'https://blog.other.org/post',
      { source: 'blog.other.org', channel: 'Referral' },
    ],
    ['https://shop.example/', null, { source: null, channel: 'Direct' }],
    ['https://shop.example/b', 'https://shop.example/a', { source: null, channel: 'Direct' }],
    [
      'https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=bf',
      null,
      {
        source: 'newsletter',
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'bf',
        channel: 'Email',
      },
    ],
    [
      'https://shop.example/?utm_source=google&utm_medium=cpc&utm_term=shoes&utm_content=ad1',
      'https://www.google.com/',
      { source: 'Google', utm_term: 'shoes', utm_content: 'ad1', channel: 'Paid Search' },
    ],
    [
      'https://shop.example/?utm_source=facebook&utm_medium=paid_social',
      null,
      { source: 'Facebook', channel: 'Paid Social' },
    ],
    ['https://shop.example/?ref=producthunt', null, { source: 'Product Hunt', channel: 'Organic Social' }],
    ['https://shop.example/?utm_medium=display', null, { channel: 'Display' }],
  ]
  for (const [url, referrer, want] of cases)
    test(`${url} from ${referrer}`, async () => {
      await collect(browserEvent({ url, referrer }))
      expect((await rawEvents())[0]).toMatchObject(want)
    })

  test('a later page of a visit keeps its source; source and channel are dimensions', async () => {
    await collect(
      browserEvent({ session_id: 'v', url: 'https://shop.example/', referrer: 'https://www.bing.com/' }),
    )
    await collect(
      browserEvent({
        session_id: 'v',
        url: 'https://shop.example/b',
        referrer: 'https://shop.example/',
        timestamp: T0 - 500,
      }),
    )
    await collect(browserEvent({ session_id: 'd', url: 'https://shop.example/' }))
    const rows = (
      await h.json('GET', '/api/v1/stats/breakdown?site_id=s1&dimension=channel&metric=page_views', {
        key: keys.secret_key,
      })
    ).body.data.rows
    expect(rows).toEqual([
      { key: 'Organic Search', value: 2 },
      { key: 'Direct', value: 1 },
    ])
    expect((await stat('metrics=page_views&source=Bing')).metrics.page_views).toBe(2)
  })
})
