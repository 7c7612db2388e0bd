// `pulse mcp` over stdio, a real process, with the SDK's own client: against a running server (calls go
// over HTTP to it) and with no server (it opens the data directory itself); same numbers as REST.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { type RunningServer, startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-mcp-'))
const dataDir = join(root, 'data')
const ADMIN = 'mcp-admin-token-0123456789'
let server: RunningServer | undefined
let secret = ''

beforeAll(async () => {
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN })
  const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }
  const site = await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ site_id: 'site_stdio' }),
  }).then((r) => r.json())
  secret = site.data.secret_key
  const now = Date.now()
  const events = Array.from({ length: 7 }, (_, i) => ({
    site_id: 'site_stdio',
    event_type: 'page_view',
    timestamp: now - 1000 * i,
    session_id: `s${i % 3}`,
    url: 'https://example.com/',
  }))
  const r = await fetch(`${server.url}/collect/batch`, {
    method: 'POST',
    headers: { ...admin, authorization: `Bearer ${secret}` },
    body: JSON.stringify({ events }),
  })
  expect(r.status).toBe(200)
}, 30_000)
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

async function stdioClient(env: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' })
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ['src/cli.ts', 'mcp'],
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PULSE_LOG_LEVEL: 'warn',
        PULSE_DATA_DIR: dataDir,
        PULSE_ADMIN_TOKEN: ADMIN,
        ...env,
      },
      stderr: 'pipe',
    }),
  )
  return client
}

const Q = { site_id: 'site_stdio', period: '24h', metrics: 'event_count,unique_sessions' }

test('with the server running: lists tools, same numbers as REST', async () => {
  const client = await stdioClient({ PULSE_MCP_KEY: secret })
  const { tools } = await client.listTools()
  expect(tools.map((t) => t.name)).toContain('get_stats')
  expect(tools.map((t) => t.name)).not.toContain('list_sites')
  const viaMcp = await client.callTool({ name: 'get_stats', arguments: Q })
  const rest = await fetch(`${server!.url}/api/v1/stats?${new URLSearchParams(Q)}`, {
    headers: { authorization: `Bearer ${secret}` },
  }).then((r) => r.json())
  expect((viaMcp.structuredContent as { metrics: unknown }).metrics).toEqual(rest.data.metrics)
  expect(JSON.stringify(rest.data)).toContain('"event_count":7')
  await client.close()
}, 30_000)

test('with no server: opens the data directory itself (admin token by default)', async () => {
  const rest = await fetch(`${server!.url}/api/v1/stats?${new URLSearchParams(Q)}`, {
    headers: { authorization: `Bearer ${secret}` },
  }).then((r) => r.json())
  expect(await server!.stop('SIGTERM')).toBe(0)
  server = undefined
  const client = await stdioClient({})
  expect((await client.listTools()).tools.map((t) => t.name)).toContain('list_sites')
  const viaMcp = await client.callTool({ name: 'get_stats', arguments: Q })
  expect((viaMcp.structuredContent as { metrics: unknown }).metrics).toEqual(rest.data.metrics)
  await client.close()
}, 30_000)
