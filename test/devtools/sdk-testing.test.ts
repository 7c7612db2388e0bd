// @pulse/sdk/testing as an application's integration test would use it: a real server on a free port
// with a temporary data directory, events sent with the SDK, `expectEvent` passing and failing clearly.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startPulse, type TestPulse } from '../../src/sdk/src/testing'

let pulse: TestPulse

beforeAll(async () => {
  pulse = await startPulse({ command: [process.execPath, 'src/cli.ts'], cwd: join(import.meta.dir, '../..') })
}, 30_000)
afterAll(() => pulse?.stop())

test('expectEvent finds what the application sent', async () => {
  const client = pulse.client()
  await client.trackEvent({ eventType: 'signup', sessionId: 's1', userId: 'u1', properties: { plan: 'pro' } })
  const e = await pulse.expectEvent({ event_type: 'signup', user_id: 'u1', properties: { plan: 'pro' } })
  expect(e.site_id).toBe('test')
  expect((await pulse.events()).length).toBe(1)
})

test('expectEvent fails with what was received instead', async () => {
  const err = await pulse.expectEvent({ event_type: 'purchase' }, { timeoutMs: 200 }).catch((x: Error) => x)
  expect(err).toBeInstanceOf(Error)
  expect((err as Error).message).toContain('expected an event matching {"event_type":"purchase"}')
  expect((err as Error).message).toContain('"event_type":"signup"')
})

test('stop removes the data directory', async () => {
  const other = await startPulse({
    command: [process.execPath, 'src/cli.ts'],
    cwd: join(import.meta.dir, '../..'),
    siteId: 'x',
  })
  expect(existsSync(join(other.dataDir, 'pulse.duckdb'))).toBe(true)
  await other.stop()
  expect(
    await fetch(`${other.url}/health`).then(
      () => 'up',
      () => 'down',
    ),
  ).toBe('down')
  expect(existsSync(other.dataDir)).toBe(false)
}, 30_000)
