// GET /tracker.js: the bundled tracker, small, cacheable, gzipped on request, and in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
beforeAll(async () => {
  h = await createTestApp()
})
afterAll(() => h.close())

describe('GET /tracker.js', () => {
  test('serves minified JavaScript with cache headers; under 2 KB gzipped', async () => {
    const res = await h.request('GET', '/tracker.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(res.headers.get('etag')).toMatch(/^".+"$/)
    const js = await res.text()
    expect(js).toContain('PULSE')
    expect(js).toContain('/collect/batch')
    expect(js.split('\n').filter(Boolean)).toHaveLength(1)
    const gz = await h.request('GET', '/tracker.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const bytes = new Uint8Array(await gz.arrayBuffer())
    expect(bytes.length).toBeLessThan(2048)
    expect(new TextDecoder().decode(Bun.gunzipSync(bytes))).toBe(js)
  })

  test('answers 304 to a matching If-None-Match', async () => {
    const etag = (await h.request('GET', '/tracker.js')).headers.get('etag')!
    const res = await h.request('GET', '/tracker.js', { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
  })

  test('is documented under the Tracker tag', async () => {
    const spec = (await h.json('GET', '/openapi/json')).body
    expect(spec.paths['/tracker.js'].get.tags).toEqual(['Tracker'])
    expect(Object.keys(spec.paths['/tracker.js'].get.responses['200'].content)).toEqual(['text/javascript'])
  })
})
