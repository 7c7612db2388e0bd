// A weekly digest through a real SMTP server: due at 09:00 Europe/Berlin on Monday, sent once, its
// figures equal the stats API's for the same week, its unsubscribe link works; a long downtime sends one
// catch-up; a wrong password is reported in the deliveries log and /health, then retried.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { startSmtp, views } from './helpers'

const DAY = 86_400_000
// Monday 2026-11-23 09:00 in Berlin (UTC+1).
const DUE = Date.UTC(2026, 10, 23, 8, 0, 0)
let smtp: Awaited<ReturnType<typeof startSmtp>>
let h: TestApp
let keys: { secret_key: string }

beforeAll(async () => {
  smtp = await startSmtp()
  h = await createTestApp(smtp.env())
  keys = await h.site('shop')
  // This week (from Monday 16th) and the week before, so there is a change to show.
  const events = [
    ...views('shop', 6, T0 - 1000, 'https://shop.example/a'),
    ...views('shop', 3, T0 - 2 * DAY, 'https://shop.example/b'),
    ...views('shop', 4, T0 - 7 * DAY, 'https://shop.example/a', 'old'),
  ]
  const res = await h.json('POST', '/collect/batch', { key: keys.secret_key, body: { events } })
  expect(res.status).toBe(200)
})
afterAll(async () => {
  await h.close()
  await smtp.close()
})

test('a weekly digest is sent once at its local hour, with the stats API’s figures', async () => {
  const created = await h.json('POST', '/api/v1/sites/shop/digests', {
    key: ADMIN_TOKEN,
    body: { email: 'owner@example.com', frequency: 'weekly', hour: 9, timezone: 'Europe/Berlin' },
  })
  expect(created.status).toBe(201)
  expect(created.body.data.last_period).toBe('2026-11-09')
  const digestId = created.body.data.digest_id

  await h.deps.reports.tick()
  h.clock.set(DUE - 60_000)
  await h.deps.reports.tick()
  expect(smtp.mails).toHaveLength(0)

  h.clock.set(DUE)
  await h.deps.reports.tick()
  await h.deps.reports.tick()
  expect(smtp.mails).toHaveLength(1)
  const mail = smtp.mails[0]
  expect(mail.subject).toBe('Weekly report for shop: 2026-11-16 to 2026-11-22')
  expect((mail.to as any).text).toBe('owner@example.com')

  const api = await h.json(
    'GET',
    '/api/v1/stats?site_id=shop&from=2026-11-16&to=2026-11-23&timezone=Europe/Berlin&metrics=visitors,page_views,bounce_rate&compare=previous_period',
    { key: ADMIN_TOKEN },
  )
  const m = api.body.data.metrics
  expect(m.visitors).toBe(9)
  expect(mail.text).toContain(
    `Visitors${String(m.visitors).padStart(18)}  +${api.body.data.changes.visitors}%`,
  )
  expect(mail.text).toContain(`Page views${String(m.page_views).padStart(16)}`)
  expect(mail.html).toContain(`data-metric="visitors">${m.visitors}<`)
  expect(mail.html).toContain('<svg')
  expect(mail.text).toContain('https://shop.example/a')

  // The unsubscribe link: headers and body agree, a GET only asks, the POST unsubscribes.
  const raw = (name: string) => mail.headerLines.find((l) => l.key === name)?.line ?? ''
  const link = raw('list-unsubscribe').match(/<([^>]+)>/)?.[1] ?? ''
  expect(link).toContain('/unsubscribe?token=')
  expect(mail.text).toContain(link)
  expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
  const path = link.replace(/^https?:\/\/[^/]+/, '')
  expect((await h.request('GET', path)).status).toBe(200)
  expect(
    (await h.json('GET', `/api/v1/sites/shop/digests`, { key: ADMIN_TOKEN })).body.data[0].unsubscribed,
  ).toBe(false)
  expect(
    (
      await h.request('POST', path, {
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).status,
  ).toBe(200)
  expect((await h.request('POST', `${path.slice(0, -3)}xyz`)).status).toBe(404)
  const after = await h.json('GET', `/api/v1/sites/shop/digests`, { key: ADMIN_TOKEN })
  expect(after.body.data.find((d: any) => d.digest_id === digestId).unsubscribed).toBe(true)
  h.clock.set(DUE + 7 * DAY)
  await h.deps.reports.tick()
  expect(smtp.mails).toHaveLength(1)
})

test('after a long downtime one catch-up is sent, not one per missed period', async () => {
  h.clock.set(DUE)
  const created = await h.json('POST', '/api/v1/sites/shop/digests', {
    key: ADMIN_TOKEN,
    body: { email: 'daily@example.com', frequency: 'daily', hour: 6 },
  })
  expect(created.body.data.last_period).toBe('2026-11-22')
  const before = smtp.mails.length
  h.clock.set(DUE + 10 * DAY)
  await h.deps.reports.tick()
  await h.deps.reports.tick()
  const sent = smtp.mails.slice(before).filter((m) => (m.to as any).text === 'daily@example.com')
  expect(sent).toHaveLength(1)
  expect(sent[0].subject).toBe('Daily report for shop: 2026-12-02')
  const log = await h.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })
  expect(log.body.data.filter((d: any) => d.target === 'daily@example.com')).toHaveLength(1)
})

test('a wrong SMTP password is reported clearly, kept out of the log, retried with backoff', async () => {
  const bad = await createTestApp(smtp.env('wrong-password-123'))
  try {
    await bad.site('shop')
    const d = await bad.json('POST', '/api/v1/sites/shop/digests', {
      key: ADMIN_TOKEN,
      body: { email: 'owner@example.com', frequency: 'daily' },
    })
    const sendNow = await bad.json('POST', `/api/v1/sites/shop/digests/${d.body.data.digest_id}/send`, {
      key: ADMIN_TOKEN,
    })
    expect(sendNow.status).toBe(202)
    await bad.deps.reports.tick()
    const log = await bad.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })
    const [row] = log.body.data
    expect(row).toMatchObject({ status: 'pending', attempts: 1, source: 'test' })
    expect(row.last_error).toContain('SMTP login refused')
    expect(row.last_error).not.toContain('wrong-password-123')
    const health = await bad.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(health.status).toBe(200)
    expect(health.body.details.deliveries).toMatchObject({ retrying: 1 })
    // Ingest and reads go on.
    expect((await bad.json('GET', '/api/v1/stats?site_id=shop', { key: ADMIN_TOKEN })).status).toBe(200)
    // Not before the backoff; then a second attempt.
    await bad.deps.reports.tick()
    expect(
      (await bad.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })).body.data[0].attempts,
    ).toBe(1)
    bad.clock.advance(30_000)
    await bad.deps.reports.tick()
    expect(
      (await bad.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })).body.data[0].attempts,
    ).toBe(2)
  } finally {
    await bad.close()
  }
})

test('an unreachable SMTP host is reported as such and retried', async () => {
  const env = { ...smtp.env(), PULSE_SMTP_PORT: '1' }
  const bad = await createTestApp(env)
  try {
    await bad.site('shop')
    const d = await bad.json('POST', '/api/v1/sites/shop/digests', {
      key: ADMIN_TOKEN,
      body: { email: 'owner@example.com', frequency: 'monthly' },
    })
    await bad.json('POST', `/api/v1/sites/shop/digests/${d.body.data.digest_id}/send`, { key: ADMIN_TOKEN })
    await bad.deps.reports.tick()
    const [row] = (await bad.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })).body.data
    expect(row.last_error).toContain('unreachable')
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    // Retried after the backoff.
    bad.clock.advance(30_000)
    await bad.deps.reports.tick()
    const [again] = (await bad.json('GET', '/api/v1/sites/shop/deliveries', { key: ADMIN_TOKEN })).body.data
    expect(again.attempts).toBe(2)
  } finally {
    await bad.close()
  }
})
