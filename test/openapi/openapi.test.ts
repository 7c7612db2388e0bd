// The published OpenAPI document: valid 3.1 under a strict validator, documents every route, and
// generates (openapi-typescript + openapi-fetch) a typed client that type-checks and works against the app.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileErrors, validate } from '@readme/openapi-parser'
import openapiTS, { astToString } from 'openapi-typescript'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
let spec: any
const outDir = join(import.meta.dir, '../../test-artifacts/openapi-client')

beforeAll(async () => {
  h = await createTestApp()
  spec = await (await h.request('GET', '/openapi/json')).json()
})
afterAll(async () => {
  await h.close()
  rmSync(outDir, { recursive: true, force: true })
})

/** Type-check `files` in one compiler run (each run costs seconds); its diagnostics, one per line. */
const tsc = (...files: string[]) =>
  Bun.spawnSync(
    [
      'node_modules/.bin/tsc',
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--target',
      'es2022',
      ...files,
    ],
    {
      cwd: join(import.meta.dir, '../..'),
    },
  )

describe('OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    expect(spec.openapi).toMatch(/^3\.1\./)
    const result = await validate(structuredClone(spec))
    if (!result.valid) throw new Error(compileErrors(result))
    expect(result.valid).toBe(true)
  })

  test('every operation has a summary, tags and a response for each status; the UI is served offline', async () => {
    const ops = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, any>).map(([method, op]) => ({ path, method, op })),
    )
    expect(ops.length).toBeGreaterThanOrEqual(10)
    for (const { path, method, op } of ops) {
      expect({ path, method, summary: typeof op.summary }).toEqual({ path, method, summary: 'string' })
      expect(op.tags?.length).toBeGreaterThan(0)
      expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true)
    }
    expect(spec.paths['/collect'].post.responses).toHaveProperty('429')
    expect(spec.paths['/api/v1/stats'].get.responses).toHaveProperty('401')
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
    const ui = await (await h.request('GET', '/openapi')).text()
    expect(ui).toContain('/openapi/scalar.js')
    expect(ui).not.toMatch(/src="https?:\/\//)
    const bundle = await h.request('GET', '/openapi/scalar.js')
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toContain('javascript')
  })

  test('carries the seed examples', () => {
    const body = spec.paths['/collect'].post.requestBody.content['application/json']
    expect(body.example).toMatchObject({
      site_id: 'site_abc123',
      event_type: 'page_view',
      session_id: 'session_123',
    })
    expect(JSON.stringify(spec.components.schemas.StatsResult.examples)).toContain('event_count')
  })

  test('a client generated with openapi-typescript + openapi-fetch reads every stats shape without casts, under strict', async () => {
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'schema.d.ts'), astToString(await openapiTS(structuredClone(spec))))
    // No `as`, no `any`, no non-null assertions: each read below must type-check as written.
    writeFileSync(
      join(outDir, 'client.ts'),
      `import createClient from 'openapi-fetch'
import type { paths } from './schema'

export async function run(baseUrl: string, fetchFn: (r: Request) => Promise<Response>, admin: string) {
  const client = createClient<paths>({ baseUrl, fetch: fetchFn })
  const created = await client.POST('/api/v1/sites', {
    body: { site_id: 'gen_site', name: 'Generated' },
    headers: { authorization: \`Bearer \${admin}\` },
  })
  if (!created.data) throw new Error('create failed: ' + JSON.stringify(created.error))
  const key: string = created.data.data.secret_key
  const headers = { authorization: \`Bearer \${key}\` }
  const sent = await client.POST('/collect', {
    body: { site_id: 'gen_site', event_type: 'page_view', timestamp: Date.now() - 1000, session_id: 'session_123', url: '/products' },
    headers,
  })
  // The 200 is a stored event or, with ?dry_run=true, a dry run: told apart by narrowing, not a cast.
  const sentData = sent.data?.data
  const accepted: number | undefined = sentData && 'accepted' in sentData ? sentData.accepted : undefined

  // The seed call: one metric, read as a number.
  const seed = await client.GET('/api/v1/stats', { params: { query: { site_id: 'gen_site', metric: 'event_count' } }, headers })
  if (!seed.data) throw new Error('stats failed')
  const single = seed.data.data
  if (!('value' in single)) throw new Error('expected the single-metric shape')
  const value: number = single.value

  // Several metrics: metrics.visitors is a number.
  const multi = await client.GET('/api/v1/stats', {
    params: { query: { site_id: 'gen_site', metrics: 'visitors,page_views', period: '7d', compare: 'previous_period' } },
    headers,
  })
  if (!multi.data) throw new Error('stats failed')
  const many = multi.data.data
  if (!('metrics' in many)) throw new Error('expected the multi-metric shape')
  const visitors: number = many.metrics.visitors

  const breakdown = await client.GET('/api/v1/stats/breakdown', {
    params: { query: { site_id: 'gen_site', dimension: 'url', metric: 'visitors' } },
    headers,
  })
  if (!breakdown.data || typeof breakdown.data === 'string') throw new Error('breakdown failed')
  const rowKey: string | null = breakdown.data.data.rows[0].key
  const rowValue: number = breakdown.data.data.rows[0].value

  const series = await client.GET('/api/v1/stats/timeseries', {
    params: { query: { site_id: 'gen_site', metric: 'event_count', interval: 'hour' } },
    headers,
  })
  if (!series.data || typeof series.data === 'string') throw new Error('timeseries failed')
  const firstTime: string = series.data.data.points[0].time
  const firstValue: number = series.data.data.points[0].value
  const total: number = series.data.data.points.reduce((sum, p) => sum + p.value, 0)

  const denied = await client.GET('/api/v1/stats', {
    params: { query: { site_id: 'gen_site' } },
    headers: { authorization: 'Bearer YOUR_API_KEY' },
  })
  return {
    accepted,
    value,
    visitors,
    row: { key: rowKey, value: rowValue },
    firstPoint: { time: typeof firstTime, value: typeof firstValue },
    total,
    deniedStatus: denied.response.status,
    deniedError: denied.error,
  }
}
`,
    )
    // The checks are not vacuous: a wrong field type, or a metric the server does not know, is a compile error.
    const snippet = (name: string, line: string) => {
      writeFileSync(
        join(outDir, name),
        `import createClient from 'openapi-fetch'
import type { paths } from './schema'
const client = createClient<paths>({ baseUrl: 'http://localhost' })
${line}
`,
      )
      return join(outDir, name)
    }
    const files = [
      join(outDir, 'client.ts'),
      snippet(
        'bad-body.ts',
        `client.POST('/collect', { body: { site_id: 'x', event_type: 'page_view', timestamp: 'now', session_id: 's' } })`,
      ),
      snippet(
        'bad-metric.ts',
        `client.GET('/api/v1/stats', { params: { query: { site_id: 'x', metric: 'nope' } } })`,
      ),
      snippet(
        'good-metric.ts',
        `client.GET('/api/v1/stats', { params: { query: { site_id: 'x', metric: 'visitors' } } })`,
      ),
    ]
    const out = tsc(...files)
    const diagnostics = (out.stdout.toString() + out.stderr.toString()).split('\n').filter(Boolean)
    const of = (name: string) =>
      diagnostics.filter((d) => d.startsWith(`test-artifacts/openapi-client/${name}(`))
    expect(of('client.ts')).toEqual([])
    expect(of('good-metric.ts')).toEqual([])
    expect(of('bad-body.ts').length).toBeGreaterThan(0)
    expect(of('bad-metric.ts').join('\n')).toContain('"nope"')
    // Nothing else went wrong (every diagnostic belongs to one of the two bad snippets).
    expect(diagnostics.filter((d) => /^\S/.test(d) && !/bad-(body|metric)\.ts\(/.test(d))).toEqual([])

    const { run } = await import(join(outDir, 'client.ts'))
    h.clock.set(Date.now())
    const result = await run('http://localhost', (r: Request) => h.app.handle(r), ADMIN_TOKEN)
    expect(result).toEqual({
      accepted: 1,
      value: 1,
      visitors: 1,
      row: { key: '/products', value: 1 },
      firstPoint: { time: 'string', value: 'number' },
      total: 1,
      deniedStatus: 401,
      deniedError: { success: false, error: 'Invalid API key', status: 401 },
    })
  }, 60_000)

  test('names users choose are enums; the two stats shapes are separate, exact schemas', () => {
    const params = (path: string) =>
      Object.fromEntries(
        spec.paths[path].get.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
      )
    const stats = params('/api/v1/stats')
    expect(stats.metric.enum).toContain('visitors')
    expect(stats.period.enum).toEqual([
      '1h',
      '24h',
      '7d',
      '30d',
      '90d',
      'today',
      'yesterday',
      'month',
      'last_month',
      '12mo',
      'year_to_date',
      'all',
      'custom',
    ])
    expect(stats.compare.enum).toEqual(['previous_period', 'year_over_year', 'custom'])
    expect(new RegExp(stats.metrics.pattern).test('visitors,page_views')).toBe(true)
    expect(new RegExp(stats.metrics.pattern).test('visitors,nope')).toBe(false)
    expect(params('/api/v1/stats/timeseries').interval.enum).toEqual([
      'minute',
      'hour',
      'day',
      'week',
      'month',
    ])
    expect(params('/api/v1/retention').interval.enum).toEqual(['day', 'week'])
    expect(params('/api/v1/export').format.enum).toEqual(['ndjson', 'csv', 'parquet'])
    expect(params('/api/v1/stats/breakdown').dimension.anyOf[0].enum).toContain('referrer_domain')
    for (const schema of Object.values(stats) as { default?: unknown }[])
      expect(schema.default).toBeUndefined()

    const ok = spec.paths['/api/v1/stats'].get.responses['200'].content['application/json'].schema
    const shapes = (ok.$ref ? spec.components.schemas[ok.$ref.split('/').pop()] : ok).properties.data.anyOf
    expect(shapes.map((s: { required: string[] }) => s.required)).toEqual([
      ['metric', 'value', 'period'],
      ['period', 'timezone', 'from', 'to', 'metrics'],
    ])
  })
})
