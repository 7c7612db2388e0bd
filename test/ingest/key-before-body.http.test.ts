// The ingest handler checks the key, the origin and the rate limits before it reads the body (issue 19,
// part 5): a request that may not send is refused at once, even when its body never ends. The same over a
// real socket: test/http/key-before-body.socket.test.ts.
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }

beforeEach(async () => {
  h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '2' })
  keys = await h.site('site_a', ['example.com'])
})
afterEach(() => h.close())

/** A body that sends the start of an event and then nothing, until `fail()` errors it. */
function endlessBody() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
      c.enqueue(new TextEncoder().encode('{"site_id":"site_a",'))
    },
  })
  return { stream, fail: () => controller?.error(new Error('client went away')) }
}

/** POST `path` with an endless body; the answer, or 'pending' if none came within `ms`. */
async function sendEndless(path: string, headers: Record<string, string>, ms = 1000) {
  const body = endlessBody()
  const request = new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body.stream,
    duplex: 'half',
  } as RequestInit)
  const answer = h.app.handle(request)
  const timeout = Bun.sleep(ms).then(() => 'pending' as const)
  const res = await Promise.race([answer, timeout])
  body.fail()
  if (res === 'pending') await answer.catch(() => undefined)
  return res
}

test.each([
  ['/collect', 'no key', {}],
  ['/collect', 'an unknown key', { authorization: 'Bearer sk_not_a_real_key_000000000000' }],
  ['/collect', 'a malformed Authorization header', { authorization: 'Basic YTpi' }],
  ['/collect?api_key=pk_unknown', 'an unknown key in the query', {}],
  ['/collect/batch', 'an unknown key', { authorization: 'Bearer sk_not_a_real_key_000000000000' }],
  ['/collect/batch?api_key=pk_unknown', 'an unknown key in the query', {}],
])('%s with %s: 401 before the body is read', async (path, _name, headers) => {
  const res = await sendEndless(path, headers)
  if (res === 'pending') throw new Error('no answer: the body was read first')
  expect(res.status).toBe(401)
  expect(res.headers.get('www-authenticate')).toBe('Bearer')
  expect((await res.json()).success).toBe(false)
})

test("a public key from an origin not among the site's domains: 403 before the body, with CORS", async () => {
  const res = await sendEndless('/collect', {
    authorization: `Bearer ${keys.public_key}`,
    origin: 'https://evil.example.net',
  })
  if (res === 'pending') throw new Error('no answer: the body was read first')
  expect(res.status).toBe(403)
  expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example.net')
})

test('over the rate limit: 429 with Retry-After before the body is read', async () => {
  for (let i = 0; i < 2; i++)
    expect(
      (await h.request('POST', '/collect', { key: keys.secret_key, body: event('site_a') })).status,
    ).toBe(200)
  for (const path of ['/collect', '/collect/batch']) {
    const res = await sendEndless(path, { authorization: `Bearer ${keys.secret_key}` })
    if (res === 'pending') throw new Error('no answer: the body was read first')
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  }
})

test('an authorised request does wait for its body (the check above can fail)', async () => {
  expect(await sendEndless('/collect', { authorization: `Bearer ${keys.secret_key}` }, 300)).toBe('pending')
})

test('a batch with its public key in the body (no header, no query key) is still read and stored', async () => {
  const r = await h.json('POST', '/collect/batch', {
    body: { events: [event('site_a')], api_key: keys.public_key },
  })
  expect(r.status).toBe(200)
  expect(r.body).toEqual({ success: true, data: { accepted: 1, rejected: [] } })
})
