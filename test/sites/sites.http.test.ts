// Admin API for sites and keys through app.handle.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
beforeEach(async () => {
  h = await createTestApp()
})
afterEach(() => h.close())

describe('sites admin API', () => {
  test('POST /api/v1/sites answers 201 with both keys, once; 409 for an existing id', async () => {
    const res = await h.json('POST', '/api/v1/sites', {
      key: ADMIN_TOKEN,
      body: { site_id: 'site_abc123', name: 'Shop', domains: ['Example.com'] },
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      success: true,
      data: {
        site_id: 'site_abc123',
        name: 'Shop',
        domains: ['example.com'],
        aliases: [],
        exclusions: {},
        timezone: null,
        retention_days: null,
        public_key: expect.stringMatching(/^pk_/),
        secret_key: expect.stringMatching(/^sk_/),
      },
    })
    const again = await h.json('POST', '/api/v1/sites', {
      key: ADMIN_TOKEN,
      body: { site_id: 'site_abc123' },
    })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ success: false, status: 409 })
    const got = await h.json('GET', '/api/v1/sites/site_abc123', { key: ADMIN_TOKEN })
    expect(got.body.data).toMatchObject({ site_id: 'site_abc123', name: 'Shop', domains: ['example.com'] })
    expect(JSON.stringify(got.body)).not.toContain('sk_')
  })

  test('generates an id when none is given, and lists sites', async () => {
    const res = await h.json('POST', '/api/v1/sites', { key: ADMIN_TOKEN, body: {} })
    expect(res.body.data.site_id).toMatch(/^site_[0-9a-f]{12}$/)
    const list = await h.json('GET', '/api/v1/sites', { key: ADMIN_TOKEN })
    expect(list.body.data.map((s: { site_id: string }) => s.site_id)).toEqual([res.body.data.site_id])
  })

  test('keys are stored only as hashes', async () => {
    const { body } = await h.json('POST', '/api/v1/sites', { key: ADMIN_TOKEN, body: { site_id: 's1' } })
    const rows = await queryRows(h.deps.db.reader, 'SELECT * FROM api_keys')
    const dump = JSON.stringify(rows)
    expect(dump).not.toContain(body.data.secret_key)
    expect(dump).not.toContain(body.data.public_key)
  })

  test('needs the admin token: 401 without it, and a site key is not enough (403)', async () => {
    expect((await h.json('GET', '/api/v1/sites')).status).toBe(401)
    const site = await h.site('s1')
    expect((await h.json('GET', '/api/v1/sites', { key: site.secret_key })).status).toBe(403)
    expect((await h.json('GET', '/api/v1/sites', { key: 'x'.repeat(40) })).body).toMatchObject({
      success: false,
      status: 401,
    })
  })

  test('422 for a bad site id or unknown body field', async () => {
    expect(
      (await h.json('POST', '/api/v1/sites', { key: ADMIN_TOKEN, body: { site_id: 'bad id!' } })).status,
    ).toBe(422)
    const typo = await h.json('POST', '/api/v1/sites', { key: ADMIN_TOKEN, body: { siteId: 'x' } })
    expect(typo.status).toBe(422)
    expect(typo.body.success).toBe(false)
  })

  test('new keys work at once; revoked keys stop working at once', async () => {
    const site = await h.site('s1')
    const created = await h.json('POST', '/api/v1/sites/s1/keys', {
      key: ADMIN_TOKEN,
      body: { kind: 'secret' },
    })
    expect(created.status).toBe(201)
    const key = created.body.data.key
    expect((await h.json('POST', '/collect', { key, body: event('s1') })).status).toBe(200)
    const list = await h.json('GET', '/api/v1/sites/s1/keys', { key: ADMIN_TOKEN })
    expect(list.body.data).toHaveLength(3)
    expect(
      (await h.json('DELETE', `/api/v1/sites/s1/keys/${created.body.data.key_id}`, { key: ADMIN_TOKEN }))
        .status,
    ).toBe(200)
    expect((await h.json('POST', '/collect', { key, body: event('s1') })).status).toBe(401)
    expect((await h.json('POST', '/collect', { key: site.secret_key, body: event('s1') })).status).toBe(200)
    expect((await h.json('DELETE', '/api/v1/sites/s1/keys/key_nope', { key: ADMIN_TOKEN })).status).toBe(404)
  })

  test('deleting a site removes its keys and events, and leaves other sites alone', async () => {
    const a = await h.site('a')
    const b = await h.site('b')
    await h.json('POST', '/collect', { key: a.secret_key, body: event('a') })
    await h.json('POST', '/collect', { key: b.secret_key, body: event('b') })
    expect((await h.json('DELETE', '/api/v1/sites/a', { key: ADMIN_TOKEN })).status).toBe(200)
    expect((await h.json('GET', '/api/v1/sites/a', { key: ADMIN_TOKEN })).status).toBe(404)
    expect((await h.json('POST', '/collect', { key: a.secret_key, body: event('a') })).status).toBe(401)
    const rows = await queryRows<{ site_id: string }>(h.deps.db.reader, 'SELECT site_id FROM events')
    expect(rows).toEqual([{ site_id: 'b' }])
  })

  test('admin routes answer no CORS', async () => {
    const res = await h.request('GET', '/api/v1/sites', {
      key: ADMIN_TOKEN,
      headers: { origin: 'https://evil.example' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
