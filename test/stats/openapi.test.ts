// The analytics endpoints in the published OpenAPI document: summary, tags, security, the definitions
// in the description, a documented response with examples for success and every error status.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
let spec: any
beforeAll(async () => {
  h = await createTestApp()
  spec = await (await h.request('GET', '/openapi/json')).json()
})
afterAll(() => h.close())

const OPERATIONS: [string, string][] = [
  ['/api/v1/stats', 'get'],
  ['/api/v1/stats/timeseries', 'get'],
  ['/api/v1/stats/breakdown', 'get'],
  ['/api/v1/stats/realtime', 'get'],
  ['/api/v1/funnels', 'post'],
  ['/api/v1/retention', 'get'],
  ['/api/v1/events', 'get'],
  ['/api/v1/export', 'get'],
]

/** The schema behind a $ref (or the schema itself). */
const resolve = (s: any) => (s?.$ref ? spec.components.schemas[s.$ref.split('/').pop()] : s)

describe('OpenAPI: analytics endpoints', () => {
  for (const [path, method] of OPERATIONS)
    test(`${method.toUpperCase()} ${path} is documented`, () => {
      const op = spec.paths[path]?.[method]
      expect(op).toBeDefined()
      expect(op.summary).toBeString()
      expect(op.tags).toEqual(['Stats'])
      expect(op.security).toEqual([{ bearerAuth: [] }])
      expect(op.description).toContain('secret key')
      for (const status of ['200', '401', '403', '404', '422', '429'])
        expect(Object.keys(op.responses)).toContain(status)
      const ok = op.responses['200'].content
      if (path === '/api/v1/export') {
        expect(Object.keys(ok)).toEqual([
          'application/x-ndjson',
          'text/csv',
          'application/vnd.apache.parquet',
        ])
      } else {
        const schema = resolve(ok['application/json'].schema)
        expect(schema.examples?.length ?? 0).toBeGreaterThan(0)
        expect(schema.properties.data).toBeDefined()
      }
      expect(resolve(op.responses['422'].content['application/json'].schema).properties.error).toBeDefined()
    })

  test('the definitions from the API reference are stated in the stats descriptions', () => {
    const text = spec.paths['/api/v1/stats'].get.description
    for (const phrase of [
      'a session is all events of one (site_id, session_id)',
      'Filters select events first',
      '`bounce_rate`: percent of sessions with at least one page view whose only event is that one page view',
      '`avg_session_duration`: mean over sessions of last minus first event time, in seconds',
      '`visitors`: distinct coalesce(user_id, visitor_id, session_id)',
      'rounded half-up to 2 decimals; 0 when there is nothing to divide',
      'from <= timestamp < to',
      'calendar periods in `timezone` (default UTC)',
    ])
      expect(text).toContain(phrase)
    const params = spec.paths['/api/v1/stats'].get.parameters.map((p: { name: string }) => p.name)
    for (const name of [
      'site_id',
      'metric',
      'metrics',
      'period',
      'from',
      'to',
      'timezone',
      'compare',
      'event_type',
      'url',
      'referrer',
      'device_type',
      'country',
      'user_id',
    ])
      expect(params).toContain(name)
    expect(spec.paths['/api/v1/funnels'].post.requestBody.content['application/json'].schema).toBeDefined()
  })
})
