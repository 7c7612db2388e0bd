// Read-only keys and share links through the real app: what they may read, their locked filter (which
// the holder cannot remove or change), min_visitors (small rows fold into "(other)", narrow views and
// raw events refused), expiry and revocation (at once).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let sk: string
const admin = { key: ADMIN_TOKEN }

/** Make a read-only key of site `s` with `body`; returns the key. */
async function readKey(body: Record<string, unknown> = {}, site = 's'): Promise<string> {
  const res = await h.json('POST', `/api/v1/sites/${site}/read-keys`, { ...admin, body })
  expect(res.status).toBe(201)
  return res.body.data.key
}

beforeAll(async () => {
  h = await createTestApp()
  sk = (await h.site('s')).secret_key
  await h.site('other')
  // Five visitors from DE on /a, one from FR on /b.
  const events = [
    ...[1, 2, 3, 4, 5].map((i) =>
      event('s', { session_id: `de${i}`, user_id: `u${i}`, country: 'DE', url: 'https://e.com/a' }),
    ),
    event('s', { session_id: 'fr1', user_id: 'u9', country: 'FR', url: 'https://e.com/b' }),
  ]
  const res = await h.json('POST', '/collect/batch', { key: sk, body: { events } })
  expect(res.status).toBe(200)
  await h.deps.buffer.flush()
})
afterAll(() => h.close())

const count = async (key: string, q = '') =>
  h.json('GET', `/api/v1/stats?site_id=s&metric=event_count${q}`, { key })

describe('read-only keys', () => {
  test('read stats and raw events of their site; never send, export, erase, administer or read another site', async () => {
    const rk = await readKey()
    expect((await count(rk)).body.data.value).toBe(6)
    expect((await h.json('GET', '/api/v1/events?site_id=s', { key: rk })).status).toBe(200)
    expect((await h.json('POST', '/collect', { key: rk, body: event('s') })).status).toBe(401)
    expect((await h.request('GET', '/api/v1/export?site_id=s', { key: rk })).status).toBe(403)
    expect((await h.json('DELETE', '/api/v1/users/u1?site_id=s', { key: rk })).status).toBe(403)
    expect((await h.json('POST', '/api/v1/sites/s/read-keys', { key: rk, body: {} })).status).toBe(403)
    expect((await h.json('GET', '/api/v1/stats?site_id=other', { key: rk })).status).toBe(403)
  })

  test('a locked filter applies to every read and cannot be removed or changed', async () => {
    const rk = await readKey({ locked_filters: { country: 'DE' } })
    expect((await count(rk)).body.data.value).toBe(5)
    expect((await count(rk, '&country=DE')).body.data.value).toBe(5)
    const changed = await count(rk, '&country=FR')
    expect(changed.status).toBe(403)
    expect(changed.body).toMatchObject({ success: false, status: 403 })
    expect((await count(rk, '&country=')).status).toBe(403)
    const byCountry = await h.json('GET', '/api/v1/stats/breakdown?site_id=s&dimension=country', { key: rk })
    expect(byCountry.body.data.rows).toEqual([{ key: 'DE', value: 5 }])
    const raw = await h.json('GET', '/api/v1/events?site_id=s', { key: rk })
    expect(raw.body.data.events.every((e: any) => e.country === 'DE')).toBe(true)
    const funnel = await h.json('POST', '/api/v1/funnels', {
      key: rk,
      body: {
        site_id: 's',
        steps: [{ event_type: 'page_view' }, { event_type: 'page_view' }],
        filters: { country: 'FR' },
      },
    })
    expect(funnel.status).toBe(403)
  })

  test('a locked filter that is not a filter is refused when the key is made', async () => {
    const res = await h.json('POST', '/api/v1/sites/s/read-keys', {
      ...admin,
      body: { locked_filters: { secret: 'x' } },
    })
    expect(res.status).toBe(422)
    expect(res.body.success).toBe(false)
  })

  test('min_visitors: small rows fold into "(other)", narrow views and small periods are refused, raw events too', async () => {
    const rk = await readKey({ min_visitors: 3 })
    expect((await count(rk)).body.data.value).toBe(6)
    const byUrl = await h.json('GET', '/api/v1/stats/breakdown?site_id=s&dimension=url&metric=visitors', {
      key: rk,
    })
    expect(byUrl.body.data.rows).toEqual([
      { key: 'https://e.com/a', value: 5 },
      { key: '(other)', value: 1 },
    ])
    // Narrowing to the one FR visitor, by a filter or by a property of theirs, is refused.
    expect((await count(rk, '&country=FR')).status).toBe(403)
    expect((await count(rk, '&url=https://e.com/b')).status).toBe(403)
    // A period holding no one (or fewer than k) is refused.
    expect((await count(rk, `&period=custom&from=${T0 - 500}&to=${T0}`)).status).toBe(403)
    expect((await h.json('GET', '/api/v1/events?site_id=s', { key: rk })).status).toBe(403)
    expect((await h.json('GET', '/api/v1/stats/realtime?site_id=s', { key: rk })).status).toBe(403)
    const series = await h.json('GET', '/api/v1/stats/timeseries?site_id=s&metric=visitors&interval=hour', {
      key: rk,
    })
    expect(series.status).toBe(200)
    expect(series.body.data.points.every((p: any) => p.value === 0 || p.value >= 3)).toBe(true)
  })

  test('an expired key and a revoked key stop working at once', async () => {
    const expiring = await readKey({ expires_at: T0 + 60_000 })
    expect((await count(expiring)).status).toBe(200)
    h.clock.set(T0 + 60_001)
    expect((await count(expiring)).status).toBe(401)
    h.clock.set(T0)
    const rk = await readKey({ name: 'grafana' })
    const list = await h.json('GET', '/api/v1/sites/s/read-keys', admin)
    const id = list.body.data.find((k: any) => k.name === 'grafana').key_id
    expect(JSON.stringify(list.body)).not.toContain(rk)
    expect((await h.json('DELETE', `/api/v1/sites/s/read-keys/${id}`, admin)).status).toBe(200)
    expect((await count(rk)).status).toBe(401)
  })
})

describe('share links', () => {
  test('read aggregates of their site only; revoked: 410 at once', async () => {
    const made = await h.json('POST', '/api/v1/sites/s/share-links', {
      ...admin,
      body: { locked_filters: { country: 'DE' } },
    })
    const slug = made.body.data.slug
    expect((await count(slug)).body.data.value).toBe(5)
    expect((await count(slug, '&country=FR')).status).toBe(403)
    expect((await h.json('GET', '/api/v1/stats?site_id=other', { key: slug })).status).toBe(403)
    expect((await h.json('GET', '/api/v1/events?site_id=s', { key: slug })).status).toBe(403)
    expect((await h.json('GET', `/api/v1/share/${slug}`)).body.data).toMatchObject({
      site_id: 's',
      needs_password: false,
    })
    await h.json('DELETE', `/api/v1/sites/s/share-links/${made.body.data.link_id}`, admin)
    expect((await count(slug)).status).toBe(410)
    expect((await h.json('GET', `/api/v1/share/${slug}`)).status).toBe(410)
  })

  test('a password link needs unlocking; the access token works for an hour; wrong passwords hit a limit', async () => {
    const made = await h.json('POST', '/api/v1/sites/s/share-links', {
      ...admin,
      body: { password: 'open sesame 123' },
    })
    const slug = made.body.data.slug
    expect((await count(slug)).status).toBe(401)
    const wrong = await h.json('POST', `/api/v1/share/${slug}/unlock`, {
      body: { password: 'guess guess 1' },
    })
    expect(wrong.status).toBe(401)
    const unlocked = await h.json('POST', `/api/v1/share/${slug}/unlock`, {
      body: { password: 'open sesame 123' },
    })
    const token = unlocked.body.data.access_token
    expect((await count(token)).body.data.value).toBe(6)
    h.clock.set(T0 + 3600_001)
    expect((await count(token)).status).toBe(401)
    h.clock.set(T0)
    let last = 0
    for (let i = 0; i < 12; i++)
      last = (
        await h.json('POST', `/api/v1/share/${slug}/unlock`, { body: { password: `guess ${i} guess` } })
      ).status
    expect(last).toBe(429)
  })
})
