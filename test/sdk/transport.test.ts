// Retry rules of the SDK's transport: what is retried, how long it waits, how Retry-After is read.
import { describe, expect, test } from 'bun:test'
import { PulseError } from '../../src/sdk/src/errors'
import { isRetryable, parseRetryAfter, retryDelay, type TransportOptions } from '../../src/sdk/src/transport'

const opts: TransportOptions = {
  fetch: fetch,
  maxRetries: 5,
  retryBaseMs: 100,
  maxRetryDelayMs: 1_000,
  timeoutMs: 1_000,
}

describe('SDK transport rules', () => {
  test('retries rate limits, timeouts and server errors; never validation or auth errors', () => {
    for (const s of [429, 408, 500, 502, 503, 504]) expect(isRetryable(s)).toBe(true)
    for (const s of [400, 401, 403, 404, 409, 413, 415, 422]) expect(isRetryable(s)).toBe(false)
  })

  test('Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7)
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
    const now = Date.UTC(2026, 10, 20, 12, 0, 0)
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('Fri, 20 Nov 2026 11:00:00 GMT', now)).toBe(0)
  })

  test('backoff doubles from retryBaseMs with jitter, capped; Retry-After wins when given', () => {
    const net = new PulseError('down', 'network')
    for (let n = 1; n <= 6; n++) {
      const full = Math.min(1_000, 100 * 2 ** (n - 1))
      for (let i = 0; i < 20; i++) {
        const d = retryDelay(n, net, opts)
        expect(d).toBeGreaterThanOrEqual(full / 2)
        expect(d).toBeLessThanOrEqual(full)
      }
    }
    expect(retryDelay(1, new PulseError('slow down', 'http', 429, undefined, 3), opts)).toBe(3_000)
  })
})
