// Per-site exclusions: IPs and CIDR ranges, path patterns and the "don't count me" flag drop events on
// every ingest path (/collect and the drop-in endpoints), counted by reason in the admin /health.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { compileExclusions, excludedBy, parseRange, pathPattern } from '../../src/sites/exclusions'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

describe('rules', () => {
  test('addresses, CIDR ranges (v4, v6, mapped) and path patterns', () => {
    const r = compileExclusions({
      ips: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32'],
      paths: ['/admin/**', '/p/*/edit'],
    })
    const by = (ip: string | undefined, url: string | null) => excludedBy(r, { ip, url, properties: null })
    expect(by('203.0.113.7', '/')).toBe('ip')
    expect(by('203.0.113.8', '/')).toBeUndefined()
    expect(by('10.200.1.1', '/')).toBe('ip')
    expect(by('::ffff:10.1.2.3', '/')).toBe('ip')
    expect(by('2001:db8:1::5', '/')).toBe('ip')
    expect(by('2001:db9::5', '/')).toBeUndefined()
    expect(by(undefined, 'https://x.com/admin/users/1?x')).toBe('path')
    expect(by(undefined, '/p/3/edit')).toBe('path')
    expect(by(undefined, '/p/3/4/edit')).toBeUndefined()
    expect(excludedBy(r, { url: '/', properties: '{"pulse_ignore":true}' })).toBe('opt_out')
    expect(
      excludedBy(compileExclusions({ opt_out: false }), { url: '/', properties: '{"pulse_ignore":true}' }),
    ).toBeUndefined()
    expect(parseRange('10.0.0.0/33')).toBeUndefined()
    expect(pathPattern('/a.b/*').test('/a.b/c')).toBe(true)
    expect(pathPattern('/a.b/*').test('/aXb/c')).toBe(false)
  })
})

describe('exclusions on ingest', () => {
  let h: TestApp
  let keys: { secret_key: string }
  beforeEach(async () => {
    h = await createTestApp()
    keys = await h.site('site_x', ['example.com'])
    await h.json('PATCH', '/api/v1/sites/site_x', {
      key: ADMIN_TOKEN,
      body: { exclusions: { ips: ['198.51.100.0/24'], paths: ['/admin/**'] } },
    })
  })
  afterEach(() => h.close())

  test('an excluded IP, path and opted-out browser record nothing; drops are counted by reason', async () => {
    const plausible = (u: string, ip: string, p?: object) =>
      h.request('POST', '/api/event', {
        body: JSON.stringify({ n: 'pageview', u, d: 'example.com', p }),
        headers: {
          'content-type': 'text/plain',
          'x-forwarded-for': ip,
          'user-agent':
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        },
      })
    expect((await plausible('https://example.com/', '198.51.100.9')).status).toBe(202)
    expect((await plausible('https://example.com/admin/x', '203.0.113.1')).status).toBe(202)
    expect((await plausible('https://example.com/', '203.0.113.1', { pulse_ignore: true })).status).toBe(202)
    const collect = await h.json('POST', '/collect', {
      key: keys.secret_key,
      body: event('site_x', { url: '/admin/' }),
    })
    expect(collect.body.data.accepted).toBe(0)
    const kept = await h.json('POST', '/collect', {
      key: keys.secret_key,
      body: event('site_x', { url: '/shop', ip: '198.51.100.3', user_agent: 'Mozilla/5.0 Chrome/131.0' }),
    })
    expect(kept.body.data.accepted).toBe(0)
    expect((await plausible('https://example.com/', '203.0.113.1')).status).toBe(202)
    await h.deps.buffer.flush()
    h.clock.set(T0 + 1000)
    const health = await h.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(health.body.details.enrichment.dropped).toEqual({
      'exclude:ip': 2,
      'exclude:path': 2,
      'exclude:opt_out': 1,
    })
    const stats = await h.json('GET', '/api/v1/stats?site_id=site_x&metric=event_count', {
      key: keys.secret_key,
    })
    expect(stats.body.data.value).toBe(1)
  })
})
