// Rate limits (issue 5, item 10) through a real socket, where the client address is known: browser
// (public-key) traffic per site and client IP, every key on its own bucket, so one abusive client
// starves neither other visitors of its site nor other sites. 429s carry Retry-After and RateLimit-*;
// successful ingest answers carry RateLimit-* too.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { createTestApp, event, type TestApp } from '../helpers/app'
import { postHead, type RawResponse, rawRequest } from './raw-http'

let h: TestApp
let port: number
const keys: Record<string, { public_key: string; secret_key: string }> = {}

beforeAll(async () => {
  h = await createTestApp({ PULSE_IP_RATE_LIMIT_PER_MINUTE: '5', PULSE_RATE_LIMIT_PER_MINUTE: '20' })
  for (const site of ['site_a', 'site_b', 'site_c', 'site_d']) keys[site] = await h.site(site)
  h.app.listen({ port: 0, hostname: '127.0.0.1' })
  port = h.app.server?.port as number
})
afterAll(async () => {
  await h.app.stop(true)
  await h.close()
})

/** POST one event for `site` from client address `from`, with the site's public or secret key. */
function send(site: string, kind: 'public' | 'secret', from: string): Promise<RawResponse> {
  const body = JSON.stringify(event(site))
  const key = kind === 'public' ? keys[site].public_key : keys[site].secret_key
  const head = postHead('/collect', {
    authorization: `Bearer ${key}`,
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  })
  return rawRequest(port, head + body, { localAddress: from })
}

async function sendMany(n: number, site: string, kind: 'public' | 'secret', from: string) {
  const out: RawResponse[] = []
  for (let i = 0; i < n; i++) out.push(await send(site, kind, from))
  return out
}

describe('per client IP, for public keys', () => {
  test('an abusive address is refused after its 5 per minute, with Retry-After and RateLimit-*', async () => {
    const res = await sendMany(30, 'site_a', 'public', '127.0.0.2')
    expect(res.map((r) => r.status)).toEqual([...Array(5).fill(200), ...Array(25).fill(429)])
    expect(res.slice(0, 5).map((r) => r.headers['ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0'])
    expect(res[0].headers['ratelimit-limit']).toBe('5')
    const refused = res[5]
    expect(JSON.parse(refused.body)).toEqual({ success: false, error: 'Rate limit exceeded', status: 429 })
    expect(refused.headers['retry-after']).toBe('12') // one token every 60/5 s
    expect(refused.headers['ratelimit-remaining']).toBe('0')
  })

  test("another visitor of the same site is not starved: refused requests did not use the site key's tokens", async () => {
    const other = await sendMany(5, 'site_a', 'public', '127.0.0.3')
    expect(other.map((r) => r.status)).toEqual(Array(5).fill(200))
  })

  test('the abusive address still reaches another site (buckets are per site and address)', async () => {
    expect((await send('site_b', 'public', '127.0.0.2')).status).toBe(200)
  })

  test('secret-key (server-to-server) traffic is not limited per IP', async () => {
    const res = await sendMany(15, 'site_c', 'secret', '127.0.0.4')
    expect(res.map((r) => r.status)).toEqual(Array(15).fill(200))
  })
})

describe('per key', () => {
  test('a key over its 20 per minute is refused; another site’s key from the same address is not', async () => {
    const rest = await sendMany(6, 'site_c', 'secret', '127.0.0.4')
    expect(rest.map((r) => r.status)).toEqual([...Array(5).fill(200), 429])
    expect(Number(rest[5].headers['retry-after'])).toBe(3) // one token every 60/20 s
    expect((await send('site_d', 'secret', '127.0.0.4')).status).toBe(200)
  })

  test('buckets refill with time', async () => {
    h.clock.advance(60_000)
    expect((await send('site_a', 'public', '127.0.0.2')).status).toBe(200)
    expect((await send('site_c', 'secret', '127.0.0.4')).status).toBe(200)
  })
})
