// The transport part of the hostile-input catalogue that needs a real socket and the real server process
// (its listen options: body size cap, idle timeout): lying Content-Length, slow and stalled bodies,
// request-smuggling shapes and oversized headers. Refusals that Bun's HTTP parser makes before PULSE
// sees the request (marked `bun`) are a bare 4xx that closes the connection: no envelope is possible there.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { postHead, type RawResponse, rawRequest } from './raw-http'

const ADMIN = 'socket-catalogue-admin-token'
const dataDir = mkdtempSync(join(tmpdir(), 'pulse-socket-'))
let server: RunningServer
let port: number
let secret: string
let stored = 0

beforeAll(async () => {
  server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN })
  port = Number(new URL(server.url).port)
  const res = await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: 'site_s' }),
  })
  secret = ((await res.json()) as { data: { secret_key: string } }).data.secret_key
}, 30_000)

afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

const body = () =>
  JSON.stringify({ site_id: 'site_s', event_type: 'page_view', timestamp: Date.now(), session_id: 's1' })
const head = (headers: Record<string, string | number>, path = '/collect') =>
  postHead(path, { authorization: `Bearer ${secret}`, ...headers })

function expectEnvelope(res: RawResponse, status: number, error: RegExp): void {
  expect(res.status).toBe(status)
  const parsed = JSON.parse(res.body)
  expect(parsed).toMatchObject({ success: false, status })
  expect(parsed.error).toMatch(error)
}

async function healthy(): Promise<void> {
  const res = await fetch(`${server.url}/health`)
  expect(res.status).toBe(200)
}

describe('real socket', () => {
  test('Content-Length shorter than the body: the truncated JSON is a 400', async () => {
    const b = body()
    const res = await rawRequest(port, head({ 'content-length': b.length - 10 }) + b)
    expectEnvelope(res, 400, /not valid JSON/)
  })

  test('Content-Length longer than the body, then the client closes: no answer, nothing stored', async () => {
    const b = body()
    const res = await rawRequest(port, head({ 'content-length': b.length + 100 }) + b, { end: true })
    expect(res.closed).toBe(true)
    expect(res.status).toBe(0)
  })

  test('a stalled body (Content-Length never reached) does not hold up anyone else', async () => {
    const b = body()
    const stalled = Array.from({ length: 20 }, () =>
      rawRequest(port, head({ 'content-length': b.length + 100 }) + b, { waitMs: 1500 }),
    )
    await Bun.sleep(100)
    await healthy()
    const ok = await rawRequest(port, head({ 'content-length': b.length, connection: 'close' }) + b)
    expect(ok.status).toBe(200)
    stored++
    for (const res of await Promise.all(stalled)) expect(res.status).toBe(0)
  })

  test('a slow body (12 pieces, 100 ms apart) is read to the end and stored', async () => {
    const b = body()
    const pieces = b.match(/.{1,8}/gs) ?? []
    const slow = rawRequest(port, head({ 'content-length': b.length, connection: 'close' }), {
      pieces: pieces.slice(0, 12).concat(pieces.slice(12).join('')),
      gapMs: 100,
    })
    await Bun.sleep(300)
    await healthy()
    const res = await slow
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ success: true, data: { accepted: 1 } })
    stored++
  })

  test('Content-Length over the limit (1.5 MB): 413 at once, connection closed without reading the body', async () => {
    const res = await rawRequest(port, head({ 'content-length': 1_500_000 }) + body(), {
      awaitClose: true,
      waitMs: 3000,
    })
    expectEnvelope(res, 413, /at most 1048576 bytes/)
    expect(res.headers.connection).toBe('close')
    expect(res.closed).toBe(true)
  })

  test('a chunked body over the limit: 413 once the limit is passed', async () => {
    const chunk = `${(64 * 1024).toString(16)}\r\n${' '.repeat(64 * 1024)}\r\n`
    const res = await rawRequest(port, head({ 'transfer-encoding': 'chunked' }), {
      pieces: Array(20).fill(chunk),
    })
    expectEnvelope(res, 413, /too large/)
  })

  test.each([
    ['Content-Length of 1 GB (over the server cap) → 413', { 'content-length': 1_000_000_000 }, 413],
    ['two different Content-Length headers → 400', { 'content-length': '10\r\nContent-Length: 20' }, 400],
    [
      'Content-Length with Transfer-Encoding: chunked → 400',
      { 'content-length': 10, 'transfer-encoding': 'chunked' },
      400,
    ],
    ['non-numeric Content-Length → 400', { 'content-length': 'abc' }, 400],
    ['negative Content-Length → 400', { 'content-length': -1 }, 400],
    ['a 70 KB header → 431', { 'x-filler': 'a'.repeat(70_000) }, 431],
  ] as const)('bun: %s, connection closed', async (_name, headers, status) => {
    const res = await rawRequest(port, head(headers) + body(), { awaitClose: true, waitMs: 3000 })
    expect(res.status).toBe(status)
    expect(res.closed).toBe(true)
  })

  test('afterwards: healthy, and only the valid events were stored', async () => {
    await healthy()
    const res = await fetch(`${server.url}/api/v1/stats?site_id=site_s&metric=event_count&period=1h`, {
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(((await res.json()) as { data: { value: number } }).data.value).toBe(stored)
    expect(stored).toBe(2)
  })
})
