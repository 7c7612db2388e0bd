// Changing reports after they are made, through the API, with real receivers: a webhook moved to another
// address gets the next message there; an alert rule's test send arrives once, marked as a test, and
// leaves the rule's state alone; an edited threshold takes effect; a digest given a new schedule waits
// for its first new period (no catch-up of its own), and a new address is subscribed again.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { startReceiver, startSmtp, views } from './helpers'

let h: TestApp
let sk: string
let smtp: Awaited<ReturnType<typeof startSmtp>>
const first = startReceiver()
const second = startReceiver()
const A = { key: ADMIN_TOKEN }

beforeAll(async () => {
  smtp = await startSmtp()
  h = await createTestApp(smtp.env())
  sk = (await h.site('shop')).secret_key
})
afterAll(async () => {
  await h.close()
  await smtp.close()
  first.close()
  second.close()
})

test('webhook moved, alert test send, threshold edited', async () => {
  const hook = (await h.json('POST', '/api/v1/sites/shop/webhooks', { ...A, body: { url: first.url } })).body
    .data
  const rule = (
    await h.json('POST', '/api/v1/sites/shop/alerts', {
      ...A,
      body: { kind: 'spike', threshold: 10, window_minutes: 30, webhook_id: hook.webhook_id },
    })
  ).body.data
  const moved = await h.json('PATCH', `/api/v1/sites/shop/webhooks/${hook.webhook_id}`, {
    ...A,
    body: { url: second.url },
  })
  expect(moved.body.data.url).toBe(second.url)
  await h.json('POST', '/collect/batch', { key: sk, body: { events: views('shop', 4, T0 - 1000) } })
  const queued = await h.json('POST', `/api/v1/sites/shop/alerts/${rule.rule_id}/test`, A)
  expect(queued.status).toBe(202)
  await h.deps.reports.tick()
  // 4 visitors, under the threshold of 10: only the test went, to the new address, marked as a test.
  expect(first.calls).toHaveLength(0)
  expect(second.calls).toHaveLength(1)
  const body = JSON.parse(second.calls[0].body)
  expect(body).toMatchObject({ type: 'test', site_id: 'shop', value: 4, threshold: 10 })
  expect(body.title).toStartWith('[test]')
  const listed = (await h.json('GET', '/api/v1/sites/shop/alerts', A)).body.data[0]
  expect(listed.firing).toBe(false)
  // Lowering the threshold to 3 makes the next check fire (the test send used no run of the rule).
  const edited = await h.json('PATCH', `/api/v1/sites/shop/alerts/${rule.rule_id}`, {
    ...A,
    body: { threshold: 3 },
  })
  expect(edited.body.data).toMatchObject({ threshold: 3, kind: 'spike', webhook_id: hook.webhook_id })
  h.clock.advance(61_000)
  await h.deps.reports.tick()
  expect(second.calls).toHaveLength(2)
  expect(JSON.parse(second.calls[1].body)).toMatchObject({ type: 'alert', state: 'firing', value: 4 })
  // Switching the destination to an address drops the webhook.
  const toMail = await h.json('PATCH', `/api/v1/sites/shop/alerts/${rule.rule_id}`, {
    ...A,
    body: { email: 'ops@example.com' },
  })
  expect(toMail.body.data).toMatchObject({ email: 'ops@example.com', webhook_id: null })
  const drop = await h.json('POST', '/api/v1/sites/shop/alerts', {
    ...A,
    body: { kind: 'drop', threshold: 0.5, email: 'ops@example.com' },
  })
  const tooHigh = await h.json('PATCH', `/api/v1/sites/shop/alerts/${drop.body.data.rule_id}`, {
    ...A,
    body: { threshold: 2 },
  })
  expect(tooHigh.status).toBe(422)
})

test('a digest given a new schedule waits for its first new period; a new address is subscribed again', async () => {
  const DUE = Date.UTC(2026, 10, 23, 8, 0, 0) // Monday 09:00 Berlin
  h.clock.set(DUE - 3_600_000)
  const d = (
    await h.json('POST', '/api/v1/sites/shop/digests', {
      ...A,
      body: { email: 'old@example.com', frequency: 'daily', hour: 9, timezone: 'Europe/Berlin' },
    })
  ).body.data
  await h.request('POST', `/unsubscribe?token=${await unsubscribeTokenOf(d.digest_id)}`)
  expect((await h.json('GET', '/api/v1/sites/shop/digests', A)).body.data[0].unsubscribed).toBe(true)
  const changed = await h.json('PATCH', `/api/v1/sites/shop/digests/${d.digest_id}`, {
    ...A,
    body: { email: 'new@example.com', frequency: 'weekly' },
  })
  expect(changed.status).toBe(200)
  expect(changed.body.data).toMatchObject({
    email: 'new@example.com',
    frequency: 'weekly',
    unsubscribed: false,
  })
  // The first weekly send is the week that ends at DUE; nothing before it.
  const digests = () => smtp.mails.filter((m) => /report for shop/.test(m.subject ?? ''))
  await h.deps.reports.tick()
  expect(digests()).toHaveLength(0)
  h.clock.set(DUE)
  await h.deps.reports.tick()
  await h.deps.reports.tick()
  expect(digests().map((m) => (m.to as any).text)).toEqual(['new@example.com'])
  expect(digests()[0].subject).toStartWith('Weekly report for shop')
})

async function unsubscribeTokenOf(digestId: string): Promise<string> {
  const { unsubscribeKey, unsubscribeToken } = await import('../../src/reports/unsubscribe')
  return unsubscribeToken(await unsubscribeKey(h.deps.db), digestId)
}
