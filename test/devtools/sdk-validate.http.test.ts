// The SDK's validate(): a dry run through the real app; reports problems and warnings, stores nothing.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { PulseClient } from '../../src/sdk/src/index'
import { createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
let pulse: PulseClient

beforeAll(async () => {
  h = await createTestApp()
  h.clock.set(Date.now() + 60_000)
  const keys = await h.site('site_sdk')
  pulse = new PulseClient({
    siteId: 'site_sdk',
    apiKey: keys.secret_key,
    endpoint: 'http://localhost/',
    fetch: (url, init) => h.app.handle(new Request(url, init)),
  })
  await pulse.trackEvent({ eventType: 'signup', sessionId: 's1', properties: { plan_name: 'pro' } })
})
afterAll(() => h.close())

test('validate() shows the stored shape and warns about a misspelt property key, storing nothing', async () => {
  const report = await pulse.validate([
    { eventType: 'signup', sessionId: 's2', properties: { planName: 'pro' } },
    { eventType: 'sigup', sessionId: 's3', url: 'not a url' },
  ])
  expect(report.dry_run).toBe(true)
  expect(report.valid).toBe(false)
  expect(report.events[0].event).toMatchObject({
    site_id: 'site_sdk',
    event_type: 'signup',
    properties: { planName: 'pro' },
  })
  expect(report.rejected[0].index).toBe(1)
  expect(report.warnings.map((w) => w.code)).toEqual(['property_key_near_duplicate'])
  const single = await pulse.validate({ eventType: 'sigup', sessionId: 's4' })
  expect(single.warnings[0].message).toContain('did you mean "signup"')
  await h.deps.buffer.flush()
  const rows = await h.deps.db.reader.runAndReadAll("SELECT count(*) FROM events WHERE site_id = 'site_sdk'")
  expect(Number(rows.getRows()[0][0])).toBe(1)
})
