// The dashboard routes through app.handle: the page, its bundled assets, the security headers,
// nothing from a CDN, and the routes kept out of the API document.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createTestApp, type TestApp } from '../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('GET /', () => {
  test('serves the HTML shell with a strict Content Security Policy and versioned assets', async () => {
    const res = await t.request('GET', '/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const html = await res.text()
    expect(html).toContain('<div id="app"></div>')
    expect(html).toMatch(/<script type="module" src="\/dashboard\/app\.js\?v=[a-z0-9]+"><\/script>/)
    expect(html).toMatch(/<link rel="stylesheet" href="\/dashboard\/app\.css\?v=[a-z0-9]+">/)
    // Nothing is loaded from another host.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  test('the bundle and stylesheet are served, immutable under their version, uPlot included', async () => {
    const html = await (await t.request('GET', '/')).text()
    const js = /src="(\/dashboard\/app\.js\?v=[^"]+)"/.exec(html)![1]
    const css = /href="(\/dashboard\/app\.css\?v=[^"]+)"/.exec(html)![1]
    const jsRes = await t.request('GET', js)
    expect(jsRes.status).toBe(200)
    expect(jsRes.headers.get('content-type')).toContain('text/javascript')
    expect(jsRes.headers.get('cache-control')).toContain('immutable')
    const code = await jsRes.text()
    expect(code).toContain('uplot')
    expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|esm\.sh|cdnjs|fonts\.)/)
    const cssRes = await t.request('GET', css)
    expect(cssRes.headers.get('content-type')).toContain('text/css')
    const styles = await cssRes.text()
    expect(styles).toContain('.uplot')
    expect(styles).toContain('prefers-color-scheme:dark')
    expect(styles).not.toContain('@import')
    const unversioned = await t.request('GET', '/dashboard/app.js')
    expect(unversioned.headers.get('cache-control')).toBe('no-cache')
  })

  test('the dashboard routes are not part of the API document', async () => {
    const { body } = await t.json('GET', '/openapi/json')
    const paths = Object.keys(body.paths)
    expect(paths).not.toContain('/')
    expect(paths.some((p) => p.startsWith('/dashboard'))).toBe(false)
  })
})
