// The demo site (issue 9, defect 9): created and printed only on a first start without
// PULSE_ADMIN_TOKEN, as the README documents. A start with an admin token is a production start.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

const dataDir = mkdtempSync(join(tmpdir(), 'pulse-demo-'))
let server: RunningServer | undefined
afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a first start with PULSE_ADMIN_TOKEN creates no demo site and prints no keys', async () => {
  const admin = 'production-admin-token-0123456789'
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: admin })
  const out = server.output()
  expect(out).not.toContain('Demo site')
  expect(out).not.toMatch(/sk_|pk_/)
  const sites = await fetch(`${server.url}/api/v1/sites`, { headers: { authorization: `Bearer ${admin}` } })
  expect(sites.status).toBe(200)
  expect(((await sites.json()) as { data: unknown[] }).data).toEqual([])
})
