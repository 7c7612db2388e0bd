// The seed's stats query: GET /api/v1/stats?site_id=…&metric=… answers {metric, value, period}.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }
beforeEach(async () => {
  h = await createTestApp()
  keys = await h.site('site_abc123')
})
afterEach(() => h.close())

const HOUR = 3_600_000

async function send(events: Record<string, unknown>[]) {
  const res = await h.json('POST', '/collect/batch', { key: keys.secret_key, body: { events } })
  expect(res.body.data.accepted).toBe(events.length)
}

async function stat(query: string, key = keys.secret_key) {
  return h.json('GET', `/api/v1/stats?site_id=site_abc123&${query}`, { key })
}

describe('GET /api/v1/stats (seed shape)', () => {
  test('the seed query answers exactly the seed shape', async () => {
    await send([event('site_abc123')])
    const res = await stat('metric=event_count')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true, data: { metric: 'event_count', value: 1, period: '24h' } })
  })

  test('read-your-writes: the next query counts an acknowledged event without waiting for a flush', async () => {
    for (let i = 1; i <= 3; i++) {
      expect(
        (await h.json('POST', '/collect', { key: keys.public_key, body: event('site_abc123') })).status,
      ).toBe(200)
      expect((await stat('metric=event_count')).body.data.value).toBe(i)
    }
  })

  test('metrics and periods count the right events', async () => {
    await send([
      event('site_abc123', { timestamp: T0 - 10 * 60_000, session_id: 'a', user_id: 'u1' }),
      event('site_abc123', { timestamp: T0 - 2 * HOUR, session_id: 'a', user_id: 'u1', event_type: 'click' }),
      event('site_abc123', { timestamp: T0 - 3 * 24 * HOUR, session_id: 'b', user_id: 'u2' }),
      event('site_abc123', { timestamp: T0 - 20 * 24 * HOUR, session_id: 'c' }),
    ])
    const v = async (q: string) => (await stat(q)).body.data.value
    expect(await v('metric=event_count&period=1h')).toBe(1)
    expect(await v('metric=event_count&period=24h')).toBe(2)
    expect(await v('metric=event_count&period=7d')).toBe(3)
    expect(await v('metric=event_count&period=30d')).toBe(4)
    expect(await v('metric=page_views&period=30d')).toBe(3)
    expect(await v('metric=unique_users&period=30d')).toBe(2)
    expect(await v('metric=unique_sessions&period=30d')).toBe(3)
    expect(await v('metric=unique_sessions&period=24h')).toBe(1)
  })

  test('other sites are never counted', async () => {
    const other = await h.site('other')
    await h.json('POST', '/collect', { key: other.secret_key, body: event('other') })
    expect((await stat('metric=event_count')).body.data.value).toBe(0)
  })

  test('401 for a wrong key, 403 for a public key or another site, admin token may read', async () => {
    const wrong = await stat('metric=event_count', 'YOUR_API_KEY')
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual({ success: false, error: 'Invalid API key', status: 401 })
    expect((await stat('metric=event_count', keys.public_key)).status).toBe(403)
    const other = await h.site('other')
    expect((await stat('metric=event_count', other.secret_key)).status).toBe(403)
    expect((await stat('metric=event_count', ADMIN_TOKEN)).status).toBe(200)
  })

  test('unknown metric or period is a 422 listing the allowed names; hostile text touches nothing', async () => {
    const bad = await stat('metric=bogus')
    expect(bad.status).toBe(422)
    expect(bad.body.error).toContain('event_count')
    const inj = await stat(`metric=${encodeURIComponent('event_count; DROP TABLE events; --')}`)
    expect(inj.status).toBe(422)
    expect((await stat('period=forever')).status).toBe(422)
    expect((await stat('metric=event_count')).status).toBe(200)
  })

  test('site_id is required', async () => {
    const res = await h.json('GET', '/api/v1/stats?metric=event_count', { key: keys.secret_key })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ success: false, status: 422 })
  })
})
