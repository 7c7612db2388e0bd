// Admin API for goals through app.handle: create, list, update, delete; the errors a caller meets.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
beforeEach(async () => {
  h = await createTestApp()
  await h.site('shop')
})
afterEach(() => h.close())

const admin = (method: string, path: string, body?: unknown) =>
  h.json(method, path, { key: ADMIN_TOKEN, body })

describe('goals admin API', () => {
  test('creates event and page goals, lists them oldest first, shows a created goal in full', async () => {
    const a = await admin('POST', '/api/v1/sites/shop/goals', {
      name: 'Signup',
      kind: 'event',
      event_type: 'signup',
    })
    expect(a.status).toBe(201)
    expect(a.body).toEqual({
      success: true,
      data: {
        goal_id: expect.stringMatching(/^goal_/),
        site_id: 'shop',
        name: 'Signup',
        kind: 'event',
        event_type: 'signup',
        page_path: null,
        property_key: null,
        property_value: null,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    })
    const b = await admin('POST', '/api/v1/sites/shop/goals', {
      name: 'Pro checkout',
      kind: 'page',
      page_path: '/checkout/*/done',
      property_key: 'plan',
      property_value: 'pro',
    })
    expect(b.status).toBe(201)
    const list = await admin('GET', '/api/v1/sites/shop/goals')
    expect(list.status).toBe(200)
    expect(list.body.data.map((g: { name: string }) => g.name)).toEqual(['Signup', 'Pro checkout'])
    expect(list.body.data[1]).toMatchObject({
      kind: 'page',
      page_path: '/checkout/*/done',
      property_value: 'pro',
    })
  })

  test('a name the site already uses is 409; another site may use it', async () => {
    const body = { name: 'Signup', kind: 'event', event_type: 'signup' }
    expect((await admin('POST', '/api/v1/sites/shop/goals', body)).status).toBe(201)
    const again = await admin('POST', '/api/v1/sites/shop/goals', { ...body, event_type: 'other' })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({ success: false, error: expect.stringContaining('Signup'), status: 409 })
    await h.site('blog')
    expect((await admin('POST', '/api/v1/sites/blog/goals', body)).status).toBe(201)
  })

  test('bad goals are 422 in the error envelope, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'A', kind: 'event' }, '$.event_type'],
      [{ name: 'A', kind: 'page' }, '$.page_path'],
      [{ name: 'A', kind: 'page', page_path: 'blog/*' }, '$.page_path'],
      [{ name: 'A', kind: 'page', page_path: '/a?x=1' }, '$.page_path'],
      [{ name: 'A', kind: 'page', page_path: '/a', event_type: 'x' }, '$.event_type'],
      [{ name: 'A', kind: 'event', event_type: 'x', property_key: 'plan' }, '$.property_value'],
      [
        { name: 'A', kind: 'event', event_type: 'x', property_key: '.bad', property_value: 'v' },
        '$.property_key',
      ],
      [{ name: ' ', kind: 'event', event_type: 'x' }, '$.name'],
      [{ name: 'A', kind: 'funnel', event_type: 'x' }, '$.kind'],
      [{ name: 'A', kind: 'event', event_type: 'x', extra: 1 }, '$.extra'],
    ]
    for (const [body, path] of cases) {
      const res = await admin('POST', '/api/v1/sites/shop/goals', body)
      expect({ body, status: res.status }).toEqual({ body, status: 422 })
      expect(res.body).toMatchObject({ success: false, status: 422, error: expect.any(String) })
      expect(JSON.stringify(res.body.details ?? [])).toContain(path.split('.')[1])
    }
    expect((await admin('GET', '/api/v1/sites/shop/goals')).body.data).toEqual([])
  })

  test('updates fields, switching kind; a taken name is 409; unknown goal or site is 404', async () => {
    const { body } = await admin('POST', '/api/v1/sites/shop/goals', {
      name: 'Signup',
      kind: 'event',
      event_type: 'signup',
    })
    await admin('POST', '/api/v1/sites/shop/goals', { name: 'Other', kind: 'event', event_type: 'x' })
    const id = body.data.goal_id
    const upd = await admin('PATCH', `/api/v1/sites/shop/goals/${id}`, {
      kind: 'page',
      page_path: '/welcome',
    })
    expect(upd.status).toBe(200)
    expect(upd.body.data).toMatchObject({
      goal_id: id,
      name: 'Signup',
      kind: 'page',
      page_path: '/welcome',
      event_type: null,
    })
    expect((await admin('PATCH', `/api/v1/sites/shop/goals/${id}`, { name: 'Other' })).status).toBe(409)
    expect((await admin('PATCH', `/api/v1/sites/shop/goals/${id}`, { page_path: 'x' })).status).toBe(422)
    const missing = await admin('PATCH', '/api/v1/sites/shop/goals/goal_nope', { name: 'X' })
    expect(missing.body).toEqual({ success: false, error: expect.stringContaining('goal_nope'), status: 404 })
    expect((await admin('GET', '/api/v1/sites/nosite/goals')).status).toBe(404)
    expect(
      (await admin('POST', '/api/v1/sites/nosite/goals', { name: 'A', kind: 'event', event_type: 'x' }))
        .status,
    ).toBe(404)
  })

  test('deletes a goal (404 the second time); deleting the site deletes its goals', async () => {
    const { body } = await admin('POST', '/api/v1/sites/shop/goals', {
      name: 'Signup',
      kind: 'event',
      event_type: 'signup',
    })
    const del = await admin('DELETE', `/api/v1/sites/shop/goals/${body.data.goal_id}`)
    expect(del.body).toEqual({ success: true, data: { deleted: true } })
    expect((await admin('DELETE', `/api/v1/sites/shop/goals/${body.data.goal_id}`)).status).toBe(404)
    await admin('POST', '/api/v1/sites/shop/goals', { name: 'Again', kind: 'event', event_type: 'signup' })
    expect((await admin('DELETE', '/api/v1/sites/shop')).status).toBe(200)
    await h.site('shop')
    expect((await admin('GET', '/api/v1/sites/shop/goals')).body.data).toEqual([])
  })

  test('needs the admin token: a site secret key is 403, no credentials 401', async () => {
    const keys = await h.site('other')
    const res = await h.json('GET', '/api/v1/sites/other/goals', { key: keys.secret_key })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ success: false, status: 403 })
    expect((await h.json('POST', '/api/v1/sites/other/goals', { body: { name: 'x' } })).status).toBe(401)
  })
})
