// The server's request limit (src/http/request-limit.ts), through the real app: a declared length over it
// is refused at once, a chunked body is cut off when it passes it, whichever way its route reads it; each
// refusal is a 413 in the error envelope. Without the option (in-process use) no limit applies.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createApp } from '../../src/app'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

const LIMIT = 4096
let h: TestApp
let limited: ReturnType<typeof createApp>
let sk: string

beforeAll(async () => {
  h = await createTestApp()
  limited = createApp(h.deps, { maxRequestBytes: LIMIT })
  sk = (await h.site('site_lim')).secret_key
})
afterAll(() => h.close())

/** `text` as a chunked body (no Content-Length), in pieces of 1 KiB. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let at = 0
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close()
      c.enqueue(bytes.subarray(at, at + 1024))
      at += 1024
    },
  })
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return limited.handle(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  )
}

async function expectTooLarge(res: Response) {
  expect(res.status).toBe(413)
  expect(res.headers.get('content-type')).toStartWith('application/json')
  expect(await res.json()).toEqual({
    success: false,
    status: 413,
    error: `Request body too large: at most ${LIMIT} bytes`,
  })
}

describe('the request limit', () => {
  test('a declared length over it: 413 before the body is read, connection closed', async () => {
    const res = await post('/api/v1/sites', JSON.stringify({ name: 'x'.repeat(LIMIT) }))
    expect(res.headers.get('connection')).toBe('close')
    await expectTooLarge(res)
  })

  test('a chunked body over it, to a route whose body Elysia parses: 413', async () => {
    await expectTooLarge(await post('/api/v1/sites', chunked(JSON.stringify({ name: 'x'.repeat(LIMIT) }))))
  })

  test('a chunked body under it is parsed as usual (JSON and a form)', async () => {
    const res = await post('/api/v1/sites', chunked(JSON.stringify({ site_id: 'site_chunked', name: 'C' })))
    expect(res.status).toBe(201)
    // The one-click unsubscribe reads a form: an unknown token is its 404 page, not a parse error.
    const form = await post('/unsubscribe', chunked('token=dg_x.bad'), {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(404)
    expect(form.headers.get('content-type')).toStartWith('text/html')
  })

  test('a chunked event under it is read by ingest and stored', async () => {
    const res = await post('/collect', chunked(JSON.stringify(event('site_lim'))), {
      authorization: `Bearer ${sk}`,
    })
    expect(await res.json()).toEqual({ success: true, data: { accepted: 1 } })
  })

  test('in-process (no option) nothing is refused for its size but by the routes themselves', async () => {
    const res = await h.app.handle(
      new Request('http://localhost/api/v1/sites', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ site_id: 'site_big', name: 'Big' }) + ' '.repeat(LIMIT * 2),
      }),
    )
    expect(res.status).toBe(201)
  })
})
