import { describe, expect, test } from 'bun:test'
import { manualClock } from '../../src/clock'
import { RateLimiter } from '../../src/http/rate-limit'

describe('RateLimiter (token bucket)', () => {
  test('allows the limit in a burst, then refuses with Retry-After', () => {
    const clock = manualClock(0)
    const rl = new RateLimiter(3, clock)
    expect([rl.take('k'), rl.take('k'), rl.take('k')].every((d) => d.allowed)).toBe(true)
    const d = rl.take('k')
    expect(d.allowed).toBe(false)
    expect(d.retryAfter).toBe(20)
  })

  test('refills continuously and keys are independent', () => {
    const clock = manualClock(0)
    const rl = new RateLimiter(60, clock)
    for (let i = 0; i < 60; i++) rl.take('a')
    expect(rl.take('a').allowed).toBe(false)
    expect(rl.take('b').allowed).toBe(true)
    clock.advance(1000)
    expect(rl.take('a').allowed).toBe(true)
    expect(rl.take('a').allowed).toBe(false)
  })

  test('a limit of 0 disables limiting', () => {
    const rl = new RateLimiter(0, manualClock(0))
    for (let i = 0; i < 1000; i++) expect(rl.take('k').allowed).toBe(true)
  })
})
