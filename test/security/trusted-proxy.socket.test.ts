// Behind a reverse proxy every browser arrives from the proxy's address. With PULSE_TRUSTED_PROXIES
// the per-IP limit keys on the address the proxy saw (the right-most X-Forwarded-For entry), so one
// visitor cannot use up the site's allowance, and a forged left-hand entry changes nothing.
import { afterEach, describe, expect, test } from 'bun:test'
import { clientAddress } from '../../src/http/client-ip'
import { createTestApp, event, type TestApp } from '../helpers/app'
import { postHead, rawRequest } from './raw-http'

let h: TestApp | undefined
afterEach(async () => {
  await h?.app.stop(true)
  await h?.close()
  h = undefined
})

async function serve(env: Record<string, string>) {
  h = await createTestApp({ PULSE_IP_RATE_LIMIT_PER_MINUTE: '3', ...env })
  const { public_key } = await h.site('site_a')
  h.app.listen({ port: 0, hostname: '127.0.0.1' })
  const port = h.app.server?.port as number
  const body = JSON.stringify(event('site_a'))
  return async (forwardedFor: string) => {
    const head = postHead('/collect', {
      authorization: `Bearer ${public_key}`,
      'x-forwarded-for': forwardedFor,
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    })
    return (await rawRequest(port, head + body)).status
  }
}

describe('client address behind proxies', () => {
  test('clientAddress counts trusted hops from the right', () => {
    expect(clientAddress('10.0.0.1', '198.51.100.7', 0)).toBe('10.0.0.1')
    expect(clientAddress('10.0.0.1', '198.51.100.7', 1)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.1', 'forged, 198.51.100.7', 1)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.1', 'forged, 198.51.100.7, 10.0.0.9', 2)).toBe('198.51.100.7')
    expect(clientAddress('10.0.0.1', null, 1)).toBe('10.0.0.1')
  })

  test('without trusted proxies, all visitors behind one proxy share its bucket', async () => {
    const send = await serve({})
    const statuses = [
      await send('198.51.100.1'),
      await send('198.51.100.2'),
      await send('198.51.100.3'),
      await send('198.51.100.4'),
    ]
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  test('with PULSE_TRUSTED_PROXIES=1 each visitor has its own bucket, and a forged entry does not help', async () => {
    const send = await serve({ PULSE_TRUSTED_PROXIES: '1' })
    for (let i = 0; i < 3; i++) expect(await send(`forged-${i}, 198.51.100.1`)).toBe(200)
    expect(await send('forged-9, 198.51.100.1')).toBe(429)
    expect(await send('198.51.100.2')).toBe(200)
  })
})
