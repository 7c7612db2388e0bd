// The pure parts of enrichment on their own: the bounded cache's bound, GA4 channels, referrer
// lookup, spam hosts, the burst rule and the daily salts (no database).
import { describe, expect, test } from 'bun:test'
import { acquisitionOf, channelOf } from '../../src/ingest/enrich/acquisition'
import { BurstRule, isSpamHost } from '../../src/ingest/enrich/bots'
import { BoundedCache } from '../../src/ingest/enrich/cache'
import { lookupHost, lookupName } from '../../src/ingest/enrich/referrers'
import { utcDay, VisitorSalts } from '../../src/ingest/enrich/salts'
import { parseAgent } from '../../src/ingest/enrich/user-agent'
import { VisitorIds } from '../../src/ingest/enrich/visitor'

describe('BoundedCache', () => {
  test('never holds more than its capacity, keeps what is used', () => {
    const c = new BoundedCache<number, number>({ capacity: 100 })
    for (let i = 0; i < 10_000; i++) {
      c.set(i, i)
      c.get(0) // a hot key stays
      expect(c.size).toBeLessThanOrEqual(100)
    }
    expect(c.get(0)).toBe(0)
    expect(c.get(5)).toBeUndefined()
    expect(c.get(9_999)).toBe(9_999)
  })
})

describe('acquisition', () => {
  test('GA4 default channels', () => {
    expect(channelOf(undefined, null, null, null, false)).toBe('Direct')
    expect(channelOf('search', 'Google', 'cpc', null, true)).toBe('Paid Search')
    expect(channelOf('social', 'Facebook', 'paid', null, false)).toBe('Paid Social')
    expect(channelOf(undefined, 'x', 'cpc', 'summer-shopping', false)).toBe('Paid Shopping')
    expect(channelOf(undefined, 'x', 'banner', null, false)).toBe('Display')
    expect(channelOf(undefined, 'x', 'cpa', null, false)).toBe('Paid Other')
    expect(channelOf('video', 'YouTube', null, null, true)).toBe('Organic Video')
    expect(channelOf(undefined, 'x', 'organic', null, false)).toBe('Organic Search')
    expect(channelOf(undefined, 'newsletter', 'e-mail', null, false)).toBe('Email')
    expect(channelOf(undefined, 'x', 'affiliate', null, false)).toBe('Affiliates')
    expect(channelOf(undefined, 'sms', null, null, false)).toBe('SMS')
    expect(channelOf(undefined, 'x', 'web-push', null, false)).toBe('Mobile Push Notifications')
    expect(channelOf('ai', 'ChatGPT', null, null, true)).toBe('AI Assistants')
    expect(channelOf(undefined, 'blog.example', null, null, true)).toBe('Referral')
    expect(channelOf(undefined, 'x', 'weird', 'cross-network-q4', false)).toBe('Cross-network')
    expect(channelOf(undefined, 'x', 'weird', null, false)).toBe('Unassigned')
  })

  test('referrer hosts and names', () => {
    expect(lookupHost('google.co.uk')?.[0]).toBe('Google')
    expect(lookupHost('m.facebook.com')?.[0]).toBe('Facebook')
    expect(lookupHost('old.reddit.com')?.[0]).toBe('Reddit')
    expect(lookupHost('perplexity.ai')?.[1]).toBe('ai')
    expect(lookupHost('example.org')).toBeUndefined()
    expect(lookupName('fb')?.[0]).toBe('Facebook')
    expect(lookupName('Google')?.[0]).toBe('Google')
  })

  test('self-referrals are direct, subdomains of the page’s host too', () => {
    expect(acquisitionOf('https://example.com/b', 'https://www.example.com/a').channel).toBe('Direct')
    expect(acquisitionOf('https://example.com/b', 'https://docs.example.com/a').channel).toBe('Direct')
    expect(acquisitionOf('/b', 'https://example.com/a').source).toBe('example.com')
  })
})

describe('bots', () => {
  test('spam hosts and their subdomains', () => {
    expect(isSpamHost('semalt.com')).toBe(true)
    expect(isSpamHost('x.semalt.com')).toBe(true)
    expect(isSpamHost('notsemalt.com')).toBe(false)
  })

  test('burst: over the limit within one minute, a new minute starts again', () => {
    const b = new BurstRule({ perMinute: 3, capacity: 10 })
    expect([1, 2, 3, 4].map((i) => b.hit('v', i))).toEqual([false, false, false, true])
    expect(b.hit('v', 60_001)).toBe(false)
    for (let i = 0; i < 100; i++) b.hit(`v${i}`, 0)
    expect(b.size).toBeLessThanOrEqual(10)
  })

  test('headless and crawler User-Agents', () => {
    const h = parseAgent(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    )
    expect(h).toMatchObject({ browser: 'Chrome', headless: true })
    expect(parseAgent('Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)').bot).toBe(
      true,
    )
    expect(
      parseAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0').bot,
    ).toBe(false)
  })
})

describe('daily salts (in memory)', () => {
  test('one per UTC day, a new one at midnight, only today’s and yesterday’s kept', async () => {
    const day = Date.UTC(2026, 10, 20)
    const s = await VisitorSalts.open(undefined, day + 1000)
    const a = s.saltFor(day + 86_399_999)
    expect(s.saltFor(day)).toBe(a)
    const b = s.saltFor(day + 86_400_000)
    expect(b).not.toBe(a)
    expect(s.days()).toEqual(['2026-11-20', '2026-11-21'])
    s.saltFor(day + 2 * 86_400_000)
    expect(s.days()).toEqual(['2026-11-21', '2026-11-22'])
    expect(utcDay(day - 1)).toBe('2026-11-19')
  })

  test('visitor ids: the same within a day (cached), new after midnight, and the old day’s again when asked for it', async () => {
    const day = Date.UTC(2026, 10, 20)
    const s = await VisitorSalts.open(undefined, day)
    const ids = new VisitorIds(s)
    const today = ids.idFor('site', '203.0.113.7', 'UA', day + 5)
    expect(ids.idFor('site', '203.0.113.7', 'UA', day + 86_399_999)).toBe(today)
    expect(ids.idFor('site', '203.0.113.8', 'UA', day + 5)).not.toBe(today)
    const tomorrow = ids.idFor('site', '203.0.113.7', 'UA', day + 86_400_000)
    expect(tomorrow).not.toBe(today)
    // Yesterday's salt is still kept: a clock that goes back finds yesterday's id, not a cached one.
    expect(ids.idFor('site', '203.0.113.7', 'UA', day + 10)).toBe(today)
    expect(ids.idFor('site', '203.0.113.7', 'UA', day + 86_400_001)).toBe(tomorrow)
  })
})
