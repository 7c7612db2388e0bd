// Generated clients, as a user would make them from /openapi/json with the generators' own CLIs:
// openapi-typescript + openapi-fetch, @hey-api/openapi-ts, oazapfts and orval. Each is generated once
// into a temporary directory, compiled under `tsc --strict` with a small program that reads the count
// fields as `number` without a cast, and that program runs against the app.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'

const ROOT = join(import.meta.dir, '../..')
const BIN = join(ROOT, 'node_modules/.bin')
const SITE = 'site_abc123'
let h: TestApp
let dir: string
let secret: string

/** Run a generator's CLI; throws with its output when it fails. */
function run(cmd: string[]) {
  const out = Bun.spawnSync(cmd, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } })
  if (out.exitCode !== 0) throw new Error(`${cmd[0]} failed:\n${out.stdout}\n${out.stderr}`)
}

beforeAll(async () => {
  h = await createTestApp()
  dir = mkdtempSync(join(tmpdir(), 'pulse-clients-'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  writeFileSync(join(dir, 'openapi.json'), await (await h.request('GET', '/openapi/json')).text())
  const { default: openapiTS, astToString } = await import('openapi-typescript')
  const spec = JSON.parse(await Bun.file(join(dir, 'openapi.json')).text())
  writeFileSync(join(dir, 'openapi-typescript.d.ts'), astToString(await openapiTS(spec)))
  run([join(BIN, 'openapi-ts'), '-i', 'openapi.json', '-o', 'hey', '-c', '@hey-api/client-fetch'])
  run([join(BIN, 'oazapfts'), 'openapi.json', 'oazapfts.ts'])
  run([join(BIN, 'orval'), '--input', 'openapi.json', '--output', 'orval/api.ts', '--client', 'fetch'])
  for (const [name, text] of Object.entries(PROGRAMS)) writeFileSync(join(dir, `${name}.ts`), text)

  secret = (await h.site(SITE)).secret_key
  for (const [i, type] of ['page_view', 'page_view', 'purchase'].entries())
    await h.request('POST', '/collect', {
      key: secret,
      body: event(SITE, {
        event_type: type,
        session_id: `s${i % 2}`,
        properties: { plan: 'pro' },
        timestamp: T0 - 3000 + i * 1000,
      }),
    })
  await h.deps.buffer.flush()
}, 60_000)
afterAll(async () => {
  await h.close()
  rmSync(dir, { recursive: true, force: true })
})

/** What every program returns: the count fields, read as numbers. */
const READS = `return { totalRows, timestamp, receivedAt, sessions, cohortVisitors, counts, realtime, visitors, dryRun }`
const EVENT = `{ site_id: '${SITE}', event_type: 'page_view', timestamp: ${T0 - 1000}, session_id: 'session_123', url: '/products' }`
const FUNNEL = `{ site_id: '${SITE}', period: '30d', steps: [{ event_type: 'page_view' }, { event_type: 'purchase' }], filters: { device_type: 'desktop', 'property.plan': 'pro' } }`

// No `as`, no `any`, no `!`: each read must type-check as written.
const PROGRAMS: Record<string, string> = {
  'use-openapi-fetch': `import createClient from 'openapi-fetch'
import type { paths } from './openapi-typescript'
export async function run(baseUrl: string, fetchFn: (r: Request) => Promise<Response>, key: string) {
  const c = createClient<paths>({ baseUrl, fetch: fetchFn, headers: { authorization: 'Bearer ' + key } })
  const b = await c.GET('/api/v1/stats/breakdown', { params: { query: { site_id: '${SITE}', period: '30d', dimension: 'url' } } })
  if (!b.data) throw new Error('breakdown')
  const totalRows: number = b.data.data.total_rows
  const e = await c.GET('/api/v1/events', { params: { query: { site_id: '${SITE}', period: '30d' } } })
  if (!e.data) throw new Error('events')
  const timestamp: number = e.data.data.events[0].timestamp
  const receivedAt: number = e.data.data.events[0].received_at
  const f = await c.POST('/api/v1/funnels', { body: ${FUNNEL} })
  if (!f.data) throw new Error('funnel')
  const sessions: number[] = f.data.data.steps.map((s) => s.sessions)
  const r = await c.GET('/api/v1/retention', { params: { query: { site_id: '${SITE}', period: '7d' } } })
  if (!r.data) throw new Error('retention')
  const cohortVisitors: number = r.data.data.cohorts[r.data.data.cohorts.length - 1].visitors
  const counts: number[] = r.data.data.cohorts[r.data.data.cohorts.length - 1].counts
  const rt = await c.GET('/api/v1/stats/realtime', { params: { query: { site_id: '${SITE}' } } })
  if (!rt.data) throw new Error('realtime')
  const realtime: number = rt.data.data.visitors
  const s = await c.GET('/api/v1/stats', { params: { query: { site_id: '${SITE}', period: '30d', metrics: 'visitors,page_views' } } })
  if (!s.data || !('metrics' in s.data.data)) throw new Error('stats')
  const visitors: number = s.data.data.metrics.visitors
  const d = await c.POST('/collect', { params: { query: { dry_run: true } }, body: ${EVENT} })
  const dryRun: boolean = d.data !== undefined && 'dry_run' in d.data.data && d.data.data.valid
  ${READS}
}
`,
  'use-hey-api': `import { createClient } from './hey/client'
import { collectEvent, getBreakdown, getFunnel, getRealtime, getRetention, getStats, listEvents } from './hey/sdk.gen'
export async function run(baseUrl: string, fetchFn: typeof fetch, key: string) {
  const client = createClient({ baseUrl, fetch: fetchFn, headers: { authorization: 'Bearer ' + key } })
  const b = await getBreakdown({ client, query: { site_id: '${SITE}', period: '30d', dimension: 'url' } })
  if (!b.data) throw new Error('breakdown')
  const totalRows: number = b.data.data.total_rows
  const e = await listEvents({ client, query: { site_id: '${SITE}', period: '30d' } })
  if (!e.data) throw new Error('events')
  const timestamp: number = e.data.data.events[0].timestamp
  const receivedAt: number = e.data.data.events[0].received_at
  const f = await getFunnel({ client, body: ${FUNNEL} })
  if (!f.data) throw new Error('funnel')
  const sessions: number[] = f.data.data.steps.map((s) => s.sessions)
  const r = await getRetention({ client, query: { site_id: '${SITE}', period: '7d' } })
  if (!r.data) throw new Error('retention')
  const cohortVisitors: number = r.data.data.cohorts[r.data.data.cohorts.length - 1].visitors
  const counts: number[] = r.data.data.cohorts[r.data.data.cohorts.length - 1].counts
  const rt = await getRealtime({ client, query: { site_id: '${SITE}' } })
  if (!rt.data) throw new Error('realtime')
  const realtime: number = rt.data.data.visitors
  const s = await getStats({ client, query: { site_id: '${SITE}', period: '30d', metrics: 'visitors,page_views' } })
  if (!s.data || !('metrics' in s.data.data)) throw new Error('stats')
  const visitors: number = s.data.data.metrics.visitors
  const d = await collectEvent({ client, query: { dry_run: true }, body: ${EVENT} })
  const dryRun: boolean = d.data !== undefined && 'dry_run' in d.data.data && d.data.data.valid
  ${READS}
}
`,
  'use-oazapfts': `import * as api from './oazapfts'
export async function run(baseUrl: string, fetchFn: typeof fetch, key: string) {
  api.defaults.baseUrl = baseUrl
  api.defaults.fetch = fetchFn
  api.defaults.headers = { authorization: 'Bearer ' + key }
  const b = await api.getBreakdown('${SITE}', 'url', { period: '30d' })
  if (b.status !== 200) throw new Error('breakdown')
  const totalRows: number = b.data.data.total_rows
  const e = await api.listEvents('${SITE}', { period: '30d' })
  if (e.status !== 200) throw new Error('events')
  const timestamp: number = e.data.data.events[0].timestamp
  const receivedAt: number = e.data.data.events[0].received_at
  const f = await api.getFunnel(${FUNNEL})
  if (f.status !== 200) throw new Error('funnel')
  const sessions: number[] = f.data.data.steps.map((s) => s.sessions)
  const r = await api.getRetention('${SITE}', { period: '7d' })
  if (r.status !== 200) throw new Error('retention')
  const cohortVisitors: number = r.data.data.cohorts[r.data.data.cohorts.length - 1].visitors
  const counts: number[] = r.data.data.cohorts[r.data.data.cohorts.length - 1].counts
  const rt = await api.getRealtime('${SITE}')
  if (rt.status !== 200) throw new Error('realtime')
  const realtime: number = rt.data.data.visitors
  const s = await api.getStats('${SITE}', { period: '30d', metrics: 'visitors,page_views' })
  if (s.status !== 200 || !('metrics' in s.data.data)) throw new Error('stats')
  const visitors: number = s.data.data.metrics.visitors
  const d = await api.collectEvent(${EVENT}, { dryRun: true })
  const dryRun: boolean = d.status === 200 && 'dry_run' in d.data.data && d.data.data.valid
  ${READS}
}
`,
  'use-orval': `import { collectEvent, getBreakdown, getFunnel, getRealtime, getRetention, getStats, listEvents } from './orval/api'
// orval's fetch client calls the global fetch with paths relative to the page.
export async function run(key: string) {
  const o = { headers: { authorization: 'Bearer ' + key } }
  const b = await getBreakdown({ site_id: '${SITE}', period: '30d', dimension: 'url' }, o)
  if (b.status !== 200) throw new Error('breakdown')
  const totalRows: number = b.data.data.total_rows
  const e = await listEvents({ site_id: '${SITE}', period: '30d' }, o)
  if (e.status !== 200) throw new Error('events')
  const timestamp: number = e.data.data.events[0].timestamp
  const receivedAt: number = e.data.data.events[0].received_at
  const f = await getFunnel(${FUNNEL}, o)
  if (f.status !== 200) throw new Error('funnel')
  const sessions: number[] = f.data.data.steps.map((s) => s.sessions)
  const r = await getRetention({ site_id: '${SITE}', period: '7d' }, o)
  if (r.status !== 200) throw new Error('retention')
  const cohortVisitors: number = r.data.data.cohorts[r.data.data.cohorts.length - 1].visitors
  const counts: number[] = r.data.data.cohorts[r.data.data.cohorts.length - 1].counts
  const rt = await getRealtime({ site_id: '${SITE}' }, o)
  if (rt.status !== 200) throw new Error('realtime')
  const realtime: number = rt.data.data.visitors
  const s = await getStats({ site_id: '${SITE}', period: '30d', metrics: 'visitors,page_views' }, o)
  if (s.status !== 200 || !('metrics' in s.data.data)) throw new Error('stats')
  const visitors: number = s.data.data.metrics.visitors
  const d = await collectEvent(${EVENT}, { dry_run: true }, o)
  const dryRun: boolean = d.status === 200 && 'dry_run' in d.data.data && d.data.data.valid
  ${READS}
}
`,
}

describe('generated clients', () => {
  test('all four compile under tsc --strict with programs that read counts as numbers, no casts', () => {
    for (const [name, text] of Object.entries(PROGRAMS))
      expect({ name, casts: text.replace(/^import .*$/gm, '').match(/\bas\s+\w|\bany\b|\w!\./g) }).toEqual({
        name,
        casts: null,
      })
    const out = Bun.spawnSync(
      [
        join(BIN, 'tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom,dom.iterable',
        '--types',
        'node',
        ...Object.keys(PROGRAMS).map((n) => `${n}.ts`),
      ],
      { cwd: dir },
    )
    expect(`${out.stdout}${out.stderr}`).toBe('')
  }, 60_000)

  test('each program runs against the app and reads the same numbers', async () => {
    h.clock.set(T0)
    const handle = (input: Request | string | URL, init?: RequestInit) =>
      h.app.handle(
        input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init),
      )
    const expected = {
      totalRows: 1,
      timestamp: T0 - 1000,
      receivedAt: T0,
      sessions: [2, 1],
      cohortVisitors: 2,
      counts: [2],
      realtime: 2,
      visitors: 2,
      dryRun: true,
    }
    const base = 'http://localhost'
    const runs: Record<string, () => Promise<unknown>> = {
      'use-openapi-fetch': async () =>
        (await import(join(dir, 'use-openapi-fetch.ts'))).run(base, handle, secret),
      'use-hey-api': async () => (await import(join(dir, 'use-hey-api.ts'))).run(base, handle, secret),
      'use-oazapfts': async () => (await import(join(dir, 'use-oazapfts.ts'))).run(base, handle, secret),
      'use-orval': async () => {
        const original = globalThis.fetch
        globalThis.fetch = handle as typeof fetch
        try {
          return await (await import(join(dir, 'use-orval.ts'))).run(secret)
        } finally {
          globalThis.fetch = original
        }
      },
    }
    for (const [name, fn] of Object.entries(runs))
      expect({ name, reads: await fn() }).toEqual({ name, reads: expected })
  }, 60_000)
})
