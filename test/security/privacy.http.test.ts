// Privacy (issue 5, item 12): DELETE /api/v1/users/{user_id}?site_id= erases a user's events —
// stored and still buffered — on that site only, for the site's secret key or the admin token.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let a: { public_key: string; secret_key: string }
let b: { public_key: string; secret_key: string }

beforeAll(async () => {
  h = await createTestApp()
  a = await h.site('site_a')
  b = await h.site('site_b')
})
afterAll(() => h.close())

async function send(site: string, key: string, userIds: (string | undefined)[]): Promise<void> {
  const events = userIds.map((u, i) => event(site, { user_id: u, session_id: `s${i}` }))
  const res = await h.json('POST', '/collect/batch', { key, body: { events } })
  expect(res.body.data.accepted).toBe(events.length)
}

async function countBy(site: string, user: string): Promise<number> {
  await h.deps.buffer.flush()
  const [row] = await queryRows<{ n: number }>(
    h.deps.db.reader,
    'SELECT count(*) AS n FROM events WHERE site_id = $1 AND user_id IS NOT DISTINCT FROM $2',
    [site, user],
  )
  return row.n
}

describe('DELETE /api/v1/users/{user_id}', () => {
  test("erases the user's stored and buffered events on that site, and nothing else", async () => {
    await send('site_a', a.secret_key, ['alice', 'alice', 'bob', undefined])
    await h.deps.buffer.flush()
    await send('site_a', a.public_key, ['alice']) // still in the buffer when the erasure starts
    await send('site_b', b.secret_key, ['alice'])
    expect(h.deps.buffer.depth).toBeGreaterThan(0)

    const res = await h.json('DELETE', '/api/v1/users/alice?site_id=site_a', { key: a.secret_key })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true, data: { deleted: 3 } })

    expect(await countBy('site_a', 'alice')).toBe(0)
    expect(await countBy('site_a', 'bob')).toBe(1)
    expect(await countBy('site_b', 'alice')).toBe(1)
    const [anon] = await queryRows<{ n: number }>(
      h.deps.db.reader,
      "SELECT count(*) AS n FROM events WHERE site_id = 'site_a' AND user_id IS NULL",
    )
    expect(anon.n).toBe(1)
  })

  test('a second erasure finds nothing; the admin token may erase too', async () => {
    const again = await h.json('DELETE', '/api/v1/users/alice?site_id=site_a', { key: ADMIN_TOKEN })
    expect(again.body).toEqual({ success: true, data: { deleted: 0 } })
    const other = await h.json('DELETE', '/api/v1/users/alice?site_id=site_b', { key: ADMIN_TOKEN })
    expect(other.body).toEqual({ success: true, data: { deleted: 1 } })
  })

  test('user ids with spaces, slashes and non-ASCII characters are matched exactly (URL-encoded)', async () => {
    const odd = 'Zoë/42 ?&#'
    await send('site_a', a.secret_key, [odd, 'Zoë'])
    const res = await h.json('DELETE', `/api/v1/users/${encodeURIComponent(odd)}?site_id=site_a`, {
      key: a.secret_key,
    })
    expect(res.body).toEqual({ success: true, data: { deleted: 1 } })
    expect(await countBy('site_a', 'Zoë')).toBe(1)
  })

  test.each([
    ['no key', undefined, 'site_a', 401],
    ['the public key of the site', 'pub_a', 'site_a', 403],
    ["another site's secret key", 'sec_b', 'site_a', 403],
    ['the admin token on an unknown site', 'admin', 'site_nope', 404],
    ['a site id that is not one', 'admin', "x' OR 1=1 --", 422],
  ])('refuses %s (%#)', async (_name, who, site, status) => {
    await send('site_a', a.secret_key, ['carol'])
    const key = { pub_a: a.public_key, sec_b: b.secret_key, admin: ADMIN_TOKEN }[who as string]
    const res = await h.json('DELETE', `/api/v1/users/carol?site_id=${encodeURIComponent(site)}`, { key })
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ success: false, status })
    expect(await countBy('site_a', 'carol')).toBeGreaterThan(0)
  })

  test('without site_id, or with a user id over 128 characters: 422', async () => {
    expect((await h.json('DELETE', '/api/v1/users/carol', { key: a.secret_key })).status).toBe(422)
    const long = await h.json('DELETE', `/api/v1/users/${'u'.repeat(129)}?site_id=site_a`, {
      key: a.secret_key,
    })
    expect(long.status).toBe(422)
  })

  test('is not offered to browsers: no CORS on the preflight or the response', async () => {
    const pre = await h.request('OPTIONS', '/api/v1/users/carol?site_id=site_a', {
      headers: { origin: 'https://example.com', 'access-control-request-method': 'DELETE' },
    })
    const res = await h.request('DELETE', '/api/v1/users/nobody?site_id=site_a', {
      key: a.secret_key,
      headers: { origin: 'https://example.com' },
    })
    expect(res.status).toBe(200)
    for (const r of [pre, res])
      expect([...r.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
  })

  test('is in the OpenAPI document', async () => {
    const doc = await h.json('GET', '/openapi/json')
    const op = doc.body.paths['/api/v1/users/{user_id}']?.delete
    expect(op?.summary).toBe("Erase a user's events")
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '422']))
  })
})
