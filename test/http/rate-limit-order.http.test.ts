// The per-IP and per-key limits of browser ingest are both checked before a token is taken from either
// (issue 9, defect 5): a request one limit refuses costs nothing in the other.
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let publicKey: string

beforeEach(async () => {
  // X-Forwarded-For gives each request a client address under app.handle (one trusted proxy).
  h = await createTestApp({
    PULSE_IP_RATE_LIMIT_PER_MINUTE: '3',
    PULSE_RATE_LIMIT_PER_MINUTE: '4',
    PULSE_TRUSTED_PROXIES: '1',
  })
  publicKey = (await h.site('site_a')).public_key
})
afterEach(() => h.close())

const send = async (from: string) =>
  (
    await h.request('POST', '/collect', {
      key: publicKey,
      body: event('site_a'),
      headers: { 'x-forwarded-for': from },
    })
  ).status

test('a request refused by one limit takes no token from the other', async () => {
  // A uses up its IP bucket (3); the key keeps 1 of its 4. A's refused requests leave the key alone.
  for (let i = 0; i < 3; i++) expect(await send('198.51.100.1')).toBe(200)
  for (let i = 0; i < 5; i++) expect(await send('198.51.100.1')).toBe(429)
  // B gets the key's last token, then the key refuses B twice: that must not cost B's own bucket.
  expect([await send('198.51.100.2'), await send('198.51.100.2'), await send('198.51.100.2')]).toEqual([
    200, 429, 429,
  ])
  // 15 s later the key has one token again; B's bucket still holds the two it did not spend.
  h.clock.advance(15_000)
  expect(await send('198.51.100.2')).toBe(200)
})
