// Dry run of /collect and /collect/batch: events as they would be stored, problems, warnings, nothing stored.
// On ClickHouse too: PULSE_TEST_ENGINE=clickhouse (the CI's ClickHouse lane) runs it there.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { laneEnv } from '../clickhouse/lane'
import { createTestApp, event, type TestApp } from '../helpers/app'

let a: TestApp
let keys: { secret_key: string; public_key: string }

beforeAll(async () => {
  a = await createTestApp(laneEnv())
  keys = await a.site('site_dry')
  const r = await a.json('POST', '/collect', {
    key: keys.secret_key,
    body: event('site_dry', { event_type: 'signup', properties: { signup_plan: 'pro' } }),
  })
  expect(r.status).toBe(200)
})
afterAll(() => a.close())

async function count(): Promise<number> {
  const r = await a.json('GET', '/api/v1/events?site_id=site_dry', { key: keys.secret_key })
  return r.body.data.events.length
}

test('a dry run answers the stored shape and warns, storing nothing', async () => {
  const r = await a.json('POST', '/collect?dry_run=true', {
    key: keys.public_key,
    body: event('site_dry', { event_type: 'sign_up', properties: { signupPlan: 'pro' }, country: 'de' }),
  })
  expect(r.status).toBe(200)
  expect(r.body.data.dry_run).toBe(true)
  expect(r.body.data.valid).toBe(true)
  expect(r.body.data.events[0].event).toMatchObject({
    site_id: 'site_dry',
    event_type: 'sign_up',
    country: 'DE',
  })
  expect(r.body.data.events[0].event.properties).toEqual({ signupPlan: 'pro' })
  expect(typeof r.body.data.events[0].event.received_at).toBe('number')
  const codes = r.body.data.warnings.map((w: { code: string; path: string }) => `${w.code} ${w.path}`)
  expect(codes).toContain('new_event_type $.event_type')
  expect(codes).toContain('property_key_near_duplicate $.properties.signupPlan')
  expect(r.body.data.warnings.find((w: { code: string }) => w.code === 'new_event_type').message).toContain(
    'did you mean "signup"',
  )
  expect(await count()).toBe(1)
})

test('a misspelt field is shown as a problem with 200, not stored', async () => {
  const bad = { ...event('site_dry'), evnt_type: 'x' }
  const r = await a.json('POST', '/collect?dry_run=true', { key: keys.secret_key, body: bad })
  expect(r.status).toBe(200)
  expect(r.body.data.valid).toBe(false)
  expect(r.body.data.rejected[0].details.map((d: { path: string }) => d.path)).toContain('$.evnt_type')
  expect(await count()).toBe(1)
})

test('batch dry run keeps request indices and warns within the batch', async () => {
  const r = await a.json('POST', '/collect/batch?dry_run=true', {
    key: keys.secret_key,
    body: {
      events: [
        event('site_dry', { event_type: 'signup' }),
        { bogus: 1 },
        event('site_dry', { event_type: 'signup', properties: { Signup_Plan: 'x', 'user-id': 1 } }),
        event('site_dry', { event_type: 'signup', properties: { user_id: 2 } }),
      ],
    },
  })
  expect(r.status).toBe(200)
  expect(r.body.data.events.map((e: { index: number }) => e.index)).toEqual([0, 2, 3])
  expect(r.body.data.rejected.map((e: { index: number }) => e.index)).toEqual([1])
  const paths = r.body.data.warnings.map((w: { path: string }) => w.path)
  expect(paths).toEqual(['$.events[2].properties.Signup_Plan', '$.events[3].properties.user_id'])
  expect(await count()).toBe(1)
})

test('dry_run=false stores; other values and unknown params are 422', async () => {
  expect(
    (await a.json('POST', '/collect?dry_run=yes', { key: keys.secret_key, body: event('site_dry') })).status,
  ).toBe(422)
  expect(
    (await a.json('POST', '/collect?dryrun=true', { key: keys.secret_key, body: event('site_dry') })).status,
  ).toBe(422)
  const r = await a.json('POST', '/collect?dry_run=false', { key: keys.secret_key, body: event('site_dry') })
  expect(r.body).toEqual({ success: true, data: { accepted: 1 } })
  expect(await count()).toBe(2)
})

test('a dry run still needs a key allowed for the site', async () => {
  await a.site('site_other')
  const r = await a.json('POST', '/collect?dry_run=true', { key: keys.secret_key, body: event('site_other') })
  expect(r.status).toBe(403)
  expect((await a.json('POST', '/collect?dry_run=true', { body: event('site_dry') })).status).toBe(401)
})
