// POST /mcp with the SDK's own client (Streamable HTTP, through app.handle): tools come from the OpenAPI
// document, answers equal REST's, keys and limits are REST's, and event text is stripped of bidi controls.
// On ClickHouse too: PULSE_TEST_ENGINE=clickhouse (the CI's ClickHouse lane) runs it there.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { stripUnsafeText } from '../../src/mcp/sanitize'
import { laneEnv } from '../clickhouse/lane'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let a: TestApp
let keys: { secret_key: string; public_key: string }

beforeAll(async () => {
  a = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '40', ...laneEnv() })
  keys = await a.site('site_mcp')
  const events = Array.from({ length: 12 }, (_, i) =>
    event('site_mcp', {
      event_type: i % 3 ? 'page_view' : 'signup',
      user_id: `u${i % 5}`,
      url: `https://example.com/p${i % 2}`,
      properties: { note: 'safe\u202Egnp.exe\u0007' },
    }),
  )
  await a.json('POST', '/collect/batch', { key: keys.secret_key, body: { events } })
})
afterAll(() => a.close())

async function connect(key?: string): Promise<Client> {
  const client = new Client({ name: 'test', version: '1.0.0' })
  const transport = new StreamableHTTPClientTransport(new URL('http://localhost/mcp'), {
    fetch: (url, init) => a.app.handle(new Request(url, init)),
    requestInit: key ? { headers: { authorization: `Bearer ${key}` } } : {},
  })
  await client.connect(transport)
  return client
}

test('lists the read tools (list_sites for the admin only) with OpenAPI schemas, and the data model', async () => {
  const client = await connect(keys.secret_key)
  const { tools } = await client.listTools()
  expect(tools.map((t) => t.name).sort()).toEqual(
    [
      'get_breakdown',
      'get_funnel',
      'get_journeys',
      'get_retention',
      'get_stats',
      'get_timeseries',
      'list_events',
    ].sort(),
  )
  const stats = tools.find((t) => t.name === 'get_stats')!
  expect(stats.description).toContain('Get metrics for a period')
  expect(stats.inputSchema.required).toContain('site_id')
  expect(Object.keys(stats.inputSchema.properties ?? {})).toContain('period')
  expect(tools.find((t) => t.name === 'get_funnel')!.inputSchema.properties).toHaveProperty('steps')
  const res = await client.listResources()
  expect(res.resources[0].uri).toBe('pulse://data-model')
  const model = await client.readResource({ uri: 'pulse://data-model' })
  expect((model.contents[0] as { text: string }).text).toContain('unique_users')
  await client.close()
  const admin = await connect(ADMIN_TOKEN)
  expect((await admin.listTools()).tools.map((t) => t.name)).toContain('list_sites')
  const sites = await admin.callTool({ name: 'list_sites', arguments: {} })
  expect(JSON.stringify(sites.structuredContent)).toContain('site_mcp')
  // The all-sites overview: the same answer as REST.
  const overview = await admin.callTool({ name: 'get_overview', arguments: { period: '7d' } })
  const rest = await a.json('GET', '/api/v1/overview?period=7d', { key: ADMIN_TOKEN })
  expect(overview.structuredContent).toEqual(rest.body.data)
  await admin.close()
})

test('same numbers as REST', async () => {
  const client = await connect(keys.secret_key)
  const q = { site_id: 'site_mcp', period: '24h', metrics: 'event_count,unique_users' }
  const viaMcp = await client.callTool({ name: 'get_stats', arguments: q })
  const rest = await a.json('GET', `/api/v1/stats?${new URLSearchParams(q)}`, { key: keys.secret_key })
  expect(rest.status).toBe(200)
  expect(viaMcp.isError).toBeFalsy()
  expect(viaMcp.structuredContent).toEqual(rest.body.data)
  const b = { site_id: 'site_mcp', period: '24h', metric: 'event_count', dimension: 'url' }
  const bd = await client.callTool({ name: 'get_breakdown', arguments: b })
  const bdRest = await a.json('GET', `/api/v1/stats/breakdown?${new URLSearchParams(b)}`, {
    key: keys.secret_key,
  })
  expect(bd.structuredContent).toEqual(bdRest.body.data)
  const f = await client.callTool({
    name: 'get_funnel',
    arguments: {
      site_id: 'site_mcp',
      period: '24h',
      steps: [{ event_type: 'signup' }, { event_type: 'page_view' }],
    },
  })
  expect(f.isError).toBeFalsy()
  const filtered = await client.callTool({
    name: 'get_stats',
    arguments: { ...q, url: 'https://example.com/p1', property_filters: { note: 'nope' } },
  })
  expect(JSON.stringify(filtered.structuredContent)).toContain('"event_count":0')
  // Operators and value lists: the `conditions` parameter, as REST takes it.
  const conditions = JSON.stringify([['is_not', 'url', ['https://example.com/p1']]])
  const withOps = await client.callTool({ name: 'get_stats', arguments: { ...q, conditions } })
  const opsRest = await a.json('GET', `/api/v1/stats?${new URLSearchParams({ ...q, conditions })}`, {
    key: keys.secret_key,
  })
  expect(opsRest.status).toBe(200)
  expect(withOps.structuredContent).toEqual(opsRest.body.data)
  expect(opsRest.body.data).not.toEqual(rest.body.data)
  await client.close()
})

test('event text comes back without control or bidi characters', async () => {
  const client = await connect(keys.secret_key)
  const r = await client.callTool({ name: 'list_events', arguments: { site_id: 'site_mcp', limit: 1 } })
  const text = (r.content as { text: string }[])[0].text
  expect(text).toContain('safegnp.exe')
  expect(text).not.toMatch(/[\u202e\u0007]/)
  expect(stripUnsafeText('a\u2066b\u200fc\u0000d\te\n')).toBe('abcd\te\n')
  await client.close()
})

test('errors and authorisation are REST’s', async () => {
  const client = await connect(keys.secret_key)
  const other = await a.site('site_other_mcp')
  const r = await client.callTool({ name: 'get_stats', arguments: { site_id: other.site_id } })
  expect(r.isError).toBe(true)
  expect((r.content as { text: string }[])[0].text).toContain('HTTP 403')
  await client.close()
  const noKey = await a.request('POST', '/mcp', { body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } })
  expect(noKey.status).toBe(401)
  const pub = await a.request('POST', '/mcp', {
    key: keys.public_key,
    body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
  })
  expect(pub.status).toBe(403)
  expect((await a.request('GET', '/mcp', { key: keys.secret_key })).status).toBe(405)
})

test('tool calls take the key’s REST rate-limit tokens', async () => {
  const k = await a.site('site_rl')
  const client = await connect(k.secret_key)
  let limited = false
  for (let i = 0; i < 45 && !limited; i++) {
    const r = await client
      .callTool({ name: 'get_stats', arguments: { site_id: 'site_rl' } })
      .catch(() => undefined)
    if (!r || (r.isError && (r.content as { text: string }[])[0].text.includes('429'))) limited = true
  }
  expect(limited).toBe(true)
  await client.close()
})
