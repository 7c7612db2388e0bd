// A spike alert to a real webhook receiver: signed (the receiver verifies it as docs/reports.md shows),
// sent once while the spike lasts, a recovery when it ends, the quiet period holds; a receiver answering
// 500 is retried and shown in /health; a drop rule compares with the same window a week before.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { verifySignature } from '../../src/reports/signature'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { startReceiver, views } from './helpers'

const MIN = 60_000
let h: TestApp
let sk: string
const ok = startReceiver()
let failing = 500
const flaky = startReceiver(() => failing)

beforeAll(async () => {
  h = await createTestApp()
  sk = (await h.site('shop')).secret_key
})
afterAll(async () => {
  await h.close()
  ok.close()
  flaky.close()
})

const post = async (events: unknown[]) =>
  expect((await h.json('POST', '/collect/batch', { key: sk, body: { events } })).status).toBe(200)

test('spike: signed alert once, no repeat while it lasts, recovery, quiet period', async () => {
  const hook = await h.json('POST', '/api/v1/sites/shop/webhooks', {
    key: ADMIN_TOKEN,
    body: { url: ok.url },
  })
  expect(hook.status).toBe(201)
  const { webhook_id, secret } = hook.body.data
  const rule = await h.json('POST', '/api/v1/sites/shop/alerts', {
    key: ADMIN_TOKEN,
    body: { kind: 'spike', threshold: 3, window_minutes: 30, quiet_minutes: 120, webhook_id },
  })
  expect(rule.status).toBe(201)

  await post(views('shop', 5, T0 - 1000))
  await h.deps.reports.tick()
  expect(ok.calls).toHaveLength(1)
  const call = ok.calls[0]
  const ts = Number(call.headers['x-pulse-timestamp'])
  expect(
    verifySignature(secret, ts, call.body, call.headers['x-pulse-signature'], {
      nowS: Math.floor(T0 / 1000),
    }),
  ).toBe(true)
  expect(
    verifySignature('wrong', ts, call.body, call.headers['x-pulse-signature'], {
      nowS: Math.floor(T0 / 1000),
    }),
  ).toBe(false)
  const body = JSON.parse(call.body)
  expect(body).toMatchObject({ type: 'alert', site_id: 'shop', state: 'firing', value: 5, threshold: 3 })
  // The figure is the stats API's.
  const api = await h.json(
    'GET',
    `/api/v1/stats?site_id=shop&metric=visitors&from=${T0 - 30 * MIN}&to=${T0}`,
    { key: ADMIN_TOKEN },
  )
  expect(body.value).toBe(api.body.data.value)

  // Still over the threshold: nothing more.
  for (let i = 0; i < 3; i++) {
    h.clock.advance(2 * MIN)
    await post(views('shop', 1, h.clock() - 1000, undefined, `more${i}`))
    await h.deps.reports.tick()
  }
  expect(ok.calls).toHaveLength(1)

  // The window empties: one recovery.
  h.clock.advance(40 * MIN)
  await h.deps.reports.tick()
  await h.deps.reports.tick()
  expect(ok.calls).toHaveLength(2)
  expect(JSON.parse(ok.calls[1].body)).toMatchObject({ type: 'recovery', state: 'recovered' })

  // A new spike within the quiet period (120 min from the first alert) sends nothing …
  h.clock.advance(2 * MIN)
  await post(views('shop', 5, h.clock() - 1000, undefined, 'again'))
  await h.deps.reports.tick()
  expect(ok.calls).toHaveLength(2)
  // … and once it is over, if the spike still holds, one alert.
  h.clock.set(T0 + 121 * MIN)
  await post(views('shop', 5, h.clock() - 1000, undefined, 'later'))
  await h.deps.reports.tick()
  expect(ok.calls).toHaveLength(3)
  expect(JSON.parse(ok.calls[2].body).type).toBe('alert')
  await h.json('DELETE', `/api/v1/sites/shop/alerts/${rule.body.data.rule_id}`, { key: ADMIN_TOKEN })
})

test('a webhook answering 500 is retried with backoff and shown in /health; Slack preset', async () => {
  const hook = await h.json('POST', '/api/v1/sites/shop/webhooks', {
    key: ADMIN_TOKEN,
    body: { url: flaky.url, format: 'slack' },
  })
  const id = hook.body.data.webhook_id
  expect((await h.json('POST', `/api/v1/sites/shop/webhooks/${id}/test`, { key: ADMIN_TOKEN })).status).toBe(
    202,
  )
  await h.deps.reports.tick()
  expect(flaky.calls).toHaveLength(1)
  expect(JSON.parse(flaky.calls[0].body).text).toContain('Test from PULSE')
  const health = await h.json('GET', '/health', { key: ADMIN_TOKEN })
  expect(health.body.details.deliveries.retrying).toBe(1)
  expect(health.body.details.deliveries.last_error).toBe(`webhook ${id} answered HTTP 500`)
  expect(health.body.details.deliveries.last_error).not.toContain('127.0.0.1')
  failing = 200
  h.clock.advance(30_000)
  await h.deps.reports.tick()
  expect(flaky.calls).toHaveLength(2)
  expect(flaky.calls[1].headers['x-pulse-delivery']).toBe(flaky.calls[0].headers['x-pulse-delivery'])
  const log = await h.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })
  expect(log.body.data.find((d: any) => d.target === id)).toMatchObject({ status: 'sent', attempts: 2 })
  expect((await h.json('GET', '/health', { key: ADMIN_TOKEN })).body.details.deliveries.retrying).toBe(0)
})

test('drop: below half of the same window a week ago (a broken tracker) fires', async () => {
  await h.site('shop2')
  const hook = await h.json('POST', '/api/v1/sites/shop2/webhooks', {
    key: ADMIN_TOKEN,
    body: { url: ok.url, format: 'discord' },
  })
  const now = h.clock()
  const sk2 = (
    await h.json('POST', '/api/v1/sites/shop2/keys', { key: ADMIN_TOKEN, body: { kind: 'secret' } })
  ).body.data.key
  const post2 = async (events: unknown[]) =>
    expect((await h.json('POST', '/collect/batch', { key: sk2, body: { events } })).status).toBe(200)
  await post2(views('shop2', 10, now - 7 * 86_400_000 - 1000, undefined, 'lastweek'))
  await post2(views('shop2', 2, now - 1000, undefined, 'thisweek'))
  const before = ok.calls.length
  const rule = await h.json('POST', '/api/v1/sites/shop2/alerts', {
    key: ADMIN_TOKEN,
    body: { kind: 'drop', threshold: 0.5, window_minutes: 60, webhook_id: hook.body.data.webhook_id },
  })
  expect(rule.status).toBe(201)
  await h.deps.reports.tick()
  expect(ok.calls.length).toBe(before + 1)
  expect(JSON.parse(ok.calls[before].body).content).toContain('Traffic drop on shop2')
  const listed = await h.json('GET', '/api/v1/sites/shop2/alerts', { key: ADMIN_TOKEN })
  expect(listed.body.data.find((r: any) => r.rule_id === rule.body.data.rule_id)).toMatchObject({
    firing: true,
    last_value: 2,
  })
})
