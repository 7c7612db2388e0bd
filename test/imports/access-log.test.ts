// The access-log mapping on its own: the page allowlist (pages, downloads, everything else static) and
// the reason each request that is no event is ignored for.
import { describe, expect, test } from 'bun:test'
import { eventTypeOf, kindOfPath, type LogRequest } from '../../src/imports/sources/access-log'

const request = (over: Partial<LogRequest>): LogRequest => ({
  ip: '203.0.113.7',
  ts: Date.UTC(2024, 1, 10),
  method: 'GET',
  uri: '/',
  status: 200,
  userAgent: 'Mozilla/5.0',
  ...over,
})

describe('the page allowlist', () => {
  const cases: [string, 'page' | 'download' | 'static'][] = [
    ['/', 'page'],
    ['/blog/hello', 'page'],
    ['/blog/hello/', 'page'],
    ['/index.html', 'page'],
    ['/a.HTM', 'page'],
    ['/wp/index.php', 'page'],
    ['/x.aspx', 'page'],
    ['/cgi-bin/run.cgi', 'page'],
    ['/servlet/show.jsp', 'page'],
    ['/.well-known', 'page'],
    ['/files/logstash-1.3.2-monolithic.jar', 'download'],
    ['/paper.pdf', 'download'],
    ['/release.tar.gz', 'download'],
    ['/setup.exe', 'download'],
    ['/site.css', 'static'],
    ['/app.js', 'static'],
    ['/logo.png', 'static'],
    ['/feed.xml', 'static'],
    ['/robots.txt', 'static'],
    ['/server.log', 'static'],
    ['/style.xsl', 'static'],
    ['/nginx.conf', 'static'],
    ['/script.py', 'static'],
    ['/install.sh', 'static'],
    ['/movie.swf', 'static'],
  ]
  for (const [path, kind] of cases) test(`${path} → ${kind}`, () => expect(kindOfPath(path)).toBe(kind))
})

describe('what a request becomes', () => {
  test('a page view, a download, or a reason', () => {
    expect(eventTypeOf(request({}))).toEqual({ type: 'page_view' })
    expect(eventTypeOf(request({ status: 304, uri: '/a?x=1.css' }))).toEqual({ type: 'page_view' })
    expect(eventTypeOf(request({ uri: '/a.zip?v=2' }))).toEqual({ type: 'file_download' })
    expect(eventTypeOf(request({ uri: '/a.png' }))).toEqual({ ignore: 'static' })
    expect(eventTypeOf(request({ method: 'HEAD' }))).toEqual({ ignore: 'method' })
    expect(eventTypeOf(request({ method: 'POST' }))).toEqual({ ignore: 'method' })
    expect(eventTypeOf(request({ status: 301 }))).toEqual({ ignore: 'redirect' })
    expect(eventTypeOf(request({ status: 404 }))).toEqual({ ignore: 'client_error' })
    expect(eventTypeOf(request({ status: 503 }))).toEqual({ ignore: 'server_error' })
    expect(eventTypeOf(request({ status: 101 }))).toEqual({ ignore: 'other' })
    expect(eventTypeOf(request({ uri: 'http://proxy.example/' }))).toEqual({ ignore: 'other' })
  })
})
