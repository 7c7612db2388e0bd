// The real server process: first start prints an admin token and a demo site whose keys make every seed
// call work as written; SIGTERM flushes and exits 0; a restart finds the data still there.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const dataDir = mkdtempSync(join(tmpdir(), 'pulse-e2e-'))
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const nowMs = () => Math.floor(Date.now() / 1000) * 1000 // like $(date +%s000)

describe('real server process', () => {
  test('first start, every seed call, SIGTERM, restart with the data still there', async () => {
    server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: '' })
    const out = server.output()
    const secret = /secret key: (sk_\S+)/.exec(out)?.[1]
    const pub = /public key: (pk_\S+)/.exec(out)?.[1]
    const admin = /Admin token \(saved in \S+\): (\S+)/.exec(out)?.[1]
    expect(secret && pub && admin).toBeTruthy()
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600)
    const base = server.url

    // Method 1: the single-event curl, exactly as written.
    const single = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: `{
"site_id": "site_abc123",
"event_type": "page_view",
"timestamp": ${nowMs()},
"session_id": "session_123",
"url": "https://example.com",
"device_type": "desktop"
}`,
    })
    expect(single.status).toBe(200)
    expect(await single.json()).toEqual({ success: true, data: { accepted: 1 } })

    // The full event of "Understanding Events".
    const full = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${pub}` },
      body: JSON.stringify({
        site_id: 'site_abc123',
        event_type: 'page_view',
        timestamp: Date.now(),
        session_id: 'session_xyz789',
        user_id: 'user_123',
        url: 'https://example.com/products',
        referrer: 'https://google.com',
        device_type: 'desktop',
        country: 'US',
      }),
    })
    expect(full.status).toBe(200)

    // Batch events.
    const common = { site_id: 'site_abc123', timestamp: Date.now(), session_id: 'session_xyz789' }
    const events = [
      { ...common, event_type: 'page_view' },
      { ...common, event_type: 'click' },
      { ...common, event_type: 'form_submit' },
    ]
    const batch = await fetch(`${base}/collect/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ events }),
    })
    expect(await batch.json()).toEqual({ success: true, data: { accepted: 3, rejected: [] } })

    // Query your events.
    const stats = await fetch(`${base}/api/v1/stats?site_id=site_abc123&metric=event_count`, {
      headers: { Authorization: `Bearer ${secret}` },
    })
    expect(await stats.json()).toEqual({
      success: true,
      data: { metric: 'event_count', value: 5, period: '24h' },
    })

    // Wrong key.
    const wrong = await fetch(`${base}/api/v1/stats?site_id=site_abc123&metric=event_count`, {
      headers: { Authorization: 'Bearer YOUR_API_KEY' },
    })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ success: false, status: 401 })

    const health = await (await fetch(`${base}/health`)).json()
    expect(health.status).toBe('ok')

    expect(await server.stop('SIGTERM')).toBe(0)

    // Restart: same token file, no new demo keys, data still there.
    server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: '' })
    expect(server.output()).not.toContain('secret key:')
    const again = await fetch(`${server.url}/api/v1/stats?site_id=site_abc123&metric=event_count`, {
      headers: { Authorization: `Bearer ${secret}` },
    })
    expect((await again.json()).data.value).toBe(5)
    const sites = await fetch(`${server.url}/api/v1/sites`, { headers: { Authorization: `Bearer ${admin}` } })
    expect(sites.status).toBe(200)
    expect(await server.stop('SIGINT')).toBe(0)
    server = undefined
  })

  test('a bad config value stops start-up with a message naming the variable', async () => {
    const proc = Bun.spawnSync([process.execPath, 'src/index.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, PORT: 'not-a-port', PULSE_DATA_DIR: dataDir },
    })
    expect(proc.exitCode).not.toBe(0)
    expect(proc.stderr.toString()).toContain('PORT')
  })
})
