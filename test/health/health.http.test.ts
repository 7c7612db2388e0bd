// GET /health (issue 9, defect 9): without credentials only the status (nothing about tenants, volume
// or paths); the details with the admin token; 503 whenever the server cannot do its job.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { createApp } from '../../src/app'
import { combineHealth, type HealthState } from '../../src/health/state'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }

beforeEach(async () => {
  h = await createTestApp()
  keys = await h.site('site_a')
})
afterEach(() => h.close())

/** Make every flush fail the way a broken database does: the events table is out of reach. */
async function breakWrites(): Promise<void> {
  await h.deps.db.writer.run('ALTER TABLE events RENAME TO events_away')
}
async function repairWrites(): Promise<void> {
  await h.deps.db.writer.run('ALTER TABLE events_away RENAME TO events')
}

describe('GET /health without credentials', () => {
  test('shows only status, version and uptime, whatever has been ingested', async () => {
    for (let i = 0; i < 3; i++)
      expect((await h.json('POST', '/collect', { key: keys.public_key, body: event('site_a') })).status).toBe(
        200,
      )
    const res = await h.json('GET', '/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', version: expect.any(String), uptime_s: expect.any(Number) })
  })

  test('a failing database is a 503 that names neither the error nor a path', async () => {
    await breakWrites()
    await h.request('POST', '/collect', { key: keys.secret_key, body: event('site_a') })
    await expect(h.deps.buffer.flush()).rejects.toThrow()
    const res = await h.request('GET', '/health')
    expect(res.status).toBe(503)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      status: 'degraded',
      version: expect.any(String),
      uptime_s: expect.any(Number),
    })
    expect(text).not.toMatch(/events_away|events|Catalog|Error/i)
    await repairWrites()
    await h.deps.buffer.flush()
    expect((await h.request('GET', '/health')).status).toBe(200)
  })
})

describe('GET /health with the admin token', () => {
  test('adds the reason and the details of each component', async () => {
    await h.json('POST', '/collect', { key: keys.public_key, body: event('site_a') })
    const before = await h.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(before.status).toBe(200)
    expect(before.body).toEqual({
      status: 'ok',
      version: expect.any(String),
      uptime_s: expect.any(Number),
      reason: null,
      details: expect.objectContaining({
        buffer_depth: 1,
        flushed_events: 0,
        last_flush_at: null,
        last_flush_error: null,
        draining: false,
      }),
    })
    // The process's memory: a resident set at least as large as the JavaScript heap in use.
    const memory = before.body.details.memory
    expect(memory.rss_mb).toBeGreaterThan(0)
    expect(memory.rss_mb).toBeGreaterThanOrEqual(memory.js_heap_mb)
    expect(memory.js_external_mb).toBeGreaterThanOrEqual(0)
    await breakWrites()
    await expect(h.deps.buffer.flush()).rejects.toThrow()
    const broken = await h.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(broken.status).toBe(503)
    expect(broken.body.status).toBe('degraded')
    expect(broken.body.reason).toContain('writing events to the database is failing')
    expect(broken.body.details.buffer_depth).toBe(1)
    expect(broken.body.details.last_flush_error).toContain('events')
    await repairWrites()
  })

  test('any other credential is refused: a site secret key, a wrong token, a malformed header', async () => {
    for (const key of [keys.secret_key, keys.public_key, 'not-the-admin-token-0123456789']) {
      const res = await h.json('GET', '/health', { key })
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ success: false, status: 401 })
    }
    const malformed = await h.json('GET', '/health', { headers: { authorization: 'Basic abc' } })
    expect(malformed.status).toBe(401)
  })

  test('shutting down is unavailable (503), so a load balancer stops sending', async () => {
    h.deps.lifecycle.draining = true
    const res = await h.json('GET', '/health', { key: ADMIN_TOKEN })
    expect(res.status).toBe(503)
    expect(res.body).toMatchObject({ status: 'unavailable', reason: 'shutting down' })
  })
})

describe('the health-state hook', () => {
  test('any component can feed /health: the worst status wins, details are merged', async () => {
    const walCorrupt: HealthState = {
      status: 'degraded',
      reason: 'log segment 7: 1 record lost',
      details: { wal_lost_records: 1 },
    }
    const app = createApp({ ...h.deps, healthState: () => combineHealth(h.deps.healthState(), walCorrupt) })
    const get = (auth?: string) =>
      app.handle(
        new Request('http://localhost/health', { headers: auth ? { authorization: `Bearer ${auth}` } : {} }),
      )
    const pub = await get()
    expect(pub.status).toBe(503)
    expect(await pub.json()).toEqual({
      status: 'degraded',
      version: expect.any(String),
      uptime_s: expect.any(Number),
    })
    const admin = await get(ADMIN_TOKEN)
    expect(admin.status).toBe(503)
    const body = await admin.json()
    expect(body.reason).toBe('log segment 7: 1 record lost')
    expect(body.details).toMatchObject({ wal_lost_records: 1, buffer_depth: 0 })
  })
})
