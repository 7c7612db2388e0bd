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

const tsc = (file: string) =>
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
      file,
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
    expect(JSON.stringify(spec.paths['/api/v1/stats'].get.responses['200'])).toContain('event_count')
  })

  test('a client generated with openapi-typescript + openapi-fetch type-checks and calls the app', async () => {
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'schema.d.ts'), astToString(await openapiTS(structuredClone(spec))))
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
  const sent = await client.POST('/collect', {
    body: { site_id: 'gen_site', event_type: 'page_view', timestamp: Date.now() - 1000, session_id: 'session_123', url: '/products' },
    headers: { authorization: \`Bearer \${key}\` },
  })
  const accepted: number | undefined = sent.data?.data.accepted
  const stats = await client.GET('/api/v1/stats', {
    params: { query: { site_id: 'gen_site', metric: 'event_count' } },
    headers: { authorization: \`Bearer \${key}\` },
  })
  const value: number | undefined = stats.data?.data.value
  const denied = await client.GET('/api/v1/stats', {
    params: { query: { site_id: 'gen_site' } },
    headers: { authorization: 'Bearer YOUR_API_KEY' },
  })
  return { accepted, value, deniedStatus: denied.response.status, deniedError: denied.error }
}
`,
    )
    const check = tsc(join(outDir, 'client.ts'))
    expect(check.stdout.toString() + check.stderr.toString()).toBe('')
    expect(check.exitCode).toBe(0)

    // The check is not vacuous: a wrong field type is a compile error.
    writeFileSync(
      join(outDir, 'bad.ts'),
      `import createClient from 'openapi-fetch'
import type { paths } from './schema'
const client = createClient<paths>({ baseUrl: 'http://localhost' })
client.POST('/collect', { body: { site_id: 'x', event_type: 'page_view', timestamp: 'now', session_id: 's' } })
`,
    )
    expect(tsc(join(outDir, 'bad.ts')).exitCode).not.toBe(0)

    const { run } = await import(join(outDir, 'client.ts'))
    h.clock.set(Date.now())
    const result = await run('http://localhost', (r: Request) => h.app.handle(r), ADMIN_TOKEN)
    expect(result).toEqual({
      accepted: 1,
      value: 1,
      deniedStatus: 401,
      deniedError: { success: false, error: 'Invalid API key', status: 401 },
    })
  }, 60_000)
})
