// Keys (issue 5, item 9): only hashes are stored; a secret key is never accepted where a web page could
// have leaked it; a public key only from the site's domains; admin routes need the admin token and
// never answer CORS.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createHash } from 'node:crypto'
import { queryRows } from '../../src/db/rows'
import { isAdminToken } from '../../src/http/auth'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let shop: { public_key: string; secret_key: string }
let open: { public_key: string; secret_key: string }

beforeAll(async () => {
  h = await createTestApp()
  const created = await h.json('POST', '/api/v1/sites', {
    key: ADMIN_TOKEN,
    body: { site_id: 'site_shop', domains: ['shop.example', '*.cdn.example'] },
  })
  shop = created.body.data
  open = await h.site('site_open')
})
afterAll(() => h.close())

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'))

describe('key storage', () => {
  test('api_keys holds the sha256 of each key and a 7-character prefix, never the key', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      h.deps.db.reader,
      "SELECT * FROM api_keys WHERE site_id = 'site_shop' ORDER BY kind",
    )
    expect(rows.map((r) => r.kind)).toEqual(['public', 'secret'])
    const [pub, sec] = rows
    expect(pub.key_hash).toBe(sha256(shop.public_key))
    expect(sec.key_hash).toBe(sha256(shop.secret_key))
    expect(pub.key_prefix).toBe(shop.public_key.slice(0, 7))
    for (const row of rows)
      for (const value of Object.values(row))
        for (const key of [shop.public_key, shop.secret_key]) expect(String(value)).not.toContain(key)
  })

  test('no column of any table contains a key', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      h.deps.db.reader,
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'",
    )
    expect(columns.length).toBeGreaterThan(10)
    for (const { table_name, column_name } of columns) {
      const [hit] = await queryRows<{ n: number }>(
        h.deps.db.reader,
        `SELECT count(*) AS n FROM "${table_name}" WHERE contains(CAST("${column_name}" AS VARCHAR), $1) OR contains(CAST("${column_name}" AS VARCHAR), $2)`,
        [shop.secret_key, shop.public_key],
      )
      expect({ table_name, column_name, hits: hit.n }).toEqual({ table_name, column_name, hits: 0 })
    }
  })

  test('the key list shows prefixes only', async () => {
    const list = await h.json('GET', '/api/v1/sites/site_shop/keys', { key: ADMIN_TOKEN })
    expect(JSON.stringify(list.body)).not.toContain(shop.secret_key)
    expect(list.body.data.every((k: { key_prefix: string }) => k.key_prefix.length === 7)).toBe(true)
  })

  test('admin token comparison: right token only, whatever the length of a guess', () => {
    expect(isAdminToken(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true)
    for (const guess of ['', 'x', ADMIN_TOKEN.slice(0, -1), `${ADMIN_TOKEN}x`, ADMIN_TOKEN.toUpperCase()])
      expect(isAdminToken(guess, ADMIN_TOKEN)).toBe(false)
    expect(isAdminToken(ADMIN_TOKEN, undefined)).toBe(false)
  })
})

describe('secret keys never from a web page', () => {
  const send = (headers: Record<string, string>, path = '/collect', body: unknown = event('site_shop')) =>
    h.json('POST', path, { body, headers })

  test('refused with an Origin header of any web site', async () => {
    for (const origin of ['https://shop.example', 'https://evil.example', 'null']) {
      const res = await send({ authorization: `Bearer ${shop.secret_key}`, origin })
      expect(res.status).toBe(403)
      expect(res.body.error).toContain('Secret keys must not be used from a web page')
    }
  })

  test('refused in the query string and in the batch body', async () => {
    const q = await send({}, `/collect?api_key=${shop.secret_key}`)
    expect(q.status).toBe(403)
    const b = await send({}, '/collect/batch', { events: [event('site_shop')], api_key: shop.secret_key })
    expect(b.status).toBe(403)
  })

  test('accepted from a server (no Origin) and from PULSE’s own pages (same origin)', async () => {
    expect((await send({ authorization: `Bearer ${shop.secret_key}` })).status).toBe(200)
    const same = await send({
      authorization: `Bearer ${shop.secret_key}`,
      origin: 'http://localhost:3000',
      host: 'localhost:3000',
    })
    expect(same.status).toBe(200)
    const otherPort = await send({
      authorization: `Bearer ${shop.secret_key}`,
      origin: 'http://localhost:8080',
      host: 'localhost:3000',
    })
    expect(otherPort.status).toBe(403)
    const noHost = await send({ authorization: `Bearer ${shop.secret_key}`, origin: 'null' })
    expect(noHost.status).toBe(403)
  })
})

describe("public keys only from the site's domains", () => {
  test.each([
    ['https://shop.example', 200],
    ['https://SHOP.example:8443', 200],
    ['https://img.cdn.example', 200],
    ['https://cdn.example', 200],
    ['https://evil.example', 403],
    ['https://shop.example.evil.example', 403],
    ['https://evilcdn.example', 403],
    ['null', 403],
    ['not a url', 403],
  ])('Origin %s → %d', async (origin, status) => {
    const res = await h.json('POST', `/collect?api_key=${shop.public_key}`, {
      body: event('site_shop'),
      headers: { origin, 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(status)
    if (status === 403) expect(res.body.error).toMatch(/not one of the site's domains/)
  })

  test('a site without domains takes any origin; a public key never reads stats', async () => {
    const res = await h.json('POST', '/collect', {
      key: open.public_key,
      body: event('site_open'),
      headers: { origin: 'https://anywhere.example' },
    })
    expect(res.status).toBe(200)
    const stats = await h.json('GET', '/api/v1/stats?site_id=site_open', { key: open.public_key })
    expect(stats.status).toBe(403)
  })
})

describe('admin endpoints', () => {
  test.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token-at-all' }],
    ['a malformed header', { authorization: `Basic ${btoa(`admin:${ADMIN_TOKEN}`)}` }],
  ])('refuse %s with 401', async (_name, headers: Record<string, string>) => {
    for (const [method, path] of [
      ['GET', '/api/v1/sites'],
      ['POST', '/api/v1/sites'],
      ['GET', '/api/v1/sites/site_shop/keys'],
      ['DELETE', '/api/v1/sites/site_shop'],
    ]) {
      const res = await h.json(method, path, { headers, body: method === 'POST' ? {} : undefined })
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 401 })
      expect(res.body).toMatchObject({ success: false, status: 401 })
    }
  })

  test('refuse a secret key with 403: a valid credential without the right (the permission table)', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/sites/site_shop/keys'],
      ['POST', '/api/v1/sites'],
      ['DELETE', '/api/v1/sites/site_shop'],
    ]) {
      const res = await h.json(method, path, {
        key: shop.secret_key,
        body: method === 'POST' ? {} : undefined,
      })
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 403 })
    }
  })

  test('never answer CORS: no access-control-* headers on a preflight or a real request', async () => {
    for (const path of ['/api/v1/sites', '/api/v1/sites/site_shop', '/api/v1/sites/site_shop/keys']) {
      const pre = await h.request('OPTIONS', path, {
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      })
      expect(pre.status).toBeGreaterThanOrEqual(400)
      expect(corsHeaders(pre)).toEqual([])
      const get = await h.request('GET', path, {
        key: ADMIN_TOKEN,
        headers: { origin: 'https://shop.example' },
      })
      expect(get.status).toBe(200)
      expect(corsHeaders(get)).toEqual([])
    }
  })

  test('stats answer no CORS either (read with a secret key, server side)', async () => {
    const res = await h.request('GET', '/api/v1/stats?site_id=site_shop', {
      key: ADMIN_TOKEN,
      headers: { origin: 'https://shop.example' },
    })
    expect(corsHeaders(res)).toEqual([])
  })

  test('a revoked key stops working at once, for ingest and for stats', async () => {
    const created = await h.json('POST', '/api/v1/sites/site_open/keys', {
      key: ADMIN_TOKEN,
      body: { kind: 'secret' },
    })
    const { key, key_id } = created.body.data
    expect((await h.json('POST', '/collect', { key, body: event('site_open') })).status).toBe(200)
    await h.json('DELETE', `/api/v1/sites/site_open/keys/${key_id}`, { key: ADMIN_TOKEN })
    expect((await h.json('POST', '/collect', { key, body: event('site_open') })).status).toBe(401)
    expect((await h.json('GET', '/api/v1/stats?site_id=site_open', { key })).status).toBe(401)
  })
})
