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

/** The unbounded token bucket the limiter must agree with while under its bound. */
function referenceLimiter(limit: number) {
  const buckets = new Map<string, { tokens: number; updated: number }>()
  const ratePerMs = limit / 60_000
  return (id: string, now: number) => {
    const b = buckets.get(id) ?? { tokens: limit, updated: now }
    buckets.set(id, b)
    b.tokens = Math.min(limit, b.tokens + (now - b.updated) * ratePerMs)
    b.updated = now
    if (b.tokens < 1) return { allowed: false, remaining: 0 }
    b.tokens -= 1
    return { allowed: true, remaining: Math.floor(b.tokens) }
  }
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Count the entries any Map iterator yields while `fn` runs; throws past `max` (a sweep). */
function countMapIteration<T>(max: number, fn: () => T): { result: T; iterated: number } {
  const proto = Map.prototype as unknown as Record<PropertyKey, (this: any, ...a: any[]) => any>
  const names: PropertyKey[] = [Symbol.iterator, 'entries', 'keys', 'values', 'forEach']
  const saved = names.map((n) => proto[n])
  let iterated = 0
  const bump = () => {
    if (++iterated > max) throw new Error(`a Map was iterated over more than ${max} entries`)
  }
  for (const [i, n] of names.entries()) {
    const original = saved[i]
    proto[n] =
      n === 'forEach'
        ? function (this: Map<unknown, unknown>, cb: (...a: unknown[]) => void) {
            return original.call(this, (...a: unknown[]) => {
              bump()
              cb(...a)
            })
          }
        : function* (this: Map<unknown, unknown>) {
            for (const x of original.call(this)) {
              bump()
              yield x
            }
          }
  }
  try {
    return { result: fn(), iterated }
  } finally {
    for (const [i, n] of names.entries()) proto[n] = saved[i]
  }
}

describe('RateLimiter with many distinct clients (issue 9, defect 5)', () => {
  test('a million distinct clients in a minute: no request walks the table, memory stays at the bound', () => {
    const clock = manualClock(0)
    const rl = new RateLimiter(600, clock, { maxBuckets: 200_000 })
    let largest = 0
    const { iterated } = countMapIteration(1000, () => {
      for (let i = 0; i < 1_000_000; i++) {
        clock.set(Math.floor((i * 60_000) / 1_000_000))
        const d = rl.take(`site_a|10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)
        if (!d.allowed) throw new Error(`client ${i} refused on its first request`)
        if ((i & 1023) === 0) largest = Math.max(largest, rl.size)
      }
    })
    expect(iterated).toBe(0)
    expect(largest).toBeGreaterThan(100_000)
    expect(largest).toBeLessThanOrEqual(200_000)
    expect(rl.size).toBeLessThanOrEqual(200_000)
  })

  test('under the bound it decides exactly as an unbounded token bucket, and forgets idle clients', () => {
    const clock = manualClock(1_000_000)
    const rl = new RateLimiter(6, clock, { maxBuckets: 1000 })
    const ref = referenceLimiter(6)
    const rnd = random(9)
    let largest = 0
    for (let i = 0; i < 20_000; i++) {
      clock.advance(Math.floor(rnd() * rnd() * 4000))
      const id = `c${Math.floor(rnd() * rnd() * 200)}`
      const d = rl.take(id)
      const want = ref(id, clock())
      if (d.allowed !== want.allowed || d.remaining !== want.remaining)
        throw new Error(`step ${i}, ${id}: got ${JSON.stringify(d)}, want ${JSON.stringify(want)}`)
      largest = Math.max(largest, rl.size)
    }
    expect(largest).toBeLessThanOrEqual(400) // every id seen within the last two minutes at most
    clock.advance(120_000)
    rl.take('late')
    expect(rl.size).toBe(1) // everyone else was idle for two minutes
  })

  test('at the bound an active abuser stays limited while a flood of new clients passes through', () => {
    const clock = manualClock(0)
    const rl = new RateLimiter(60, clock, { maxBuckets: 100 })
    const allowed: boolean[] = []
    for (let i = 0; i < 10_000; i++) {
      clock.advance(5) // 10 000 requests in 50 s
      allowed.push(rl.take('abuser').allowed)
      rl.take(`flood-${i}`)
      expect(rl.size).toBeLessThanOrEqual(100)
    }
    // 60 at once, then one a second: the flood did not reset the abuser's bucket.
    expect(allowed.filter(Boolean).length).toBeLessThanOrEqual(60 + 50 + 1)
  })

  test('check() decides like take() but takes nothing and remembers nothing', () => {
    const clock = manualClock(0)
    const rl = new RateLimiter(2, clock)
    expect(rl.check('a')).toEqual(rl.take('a'))
    expect(rl.check('a')).toMatchObject({ allowed: true, remaining: 0 })
    expect(rl.check('a')).toMatchObject({ allowed: true, remaining: 0 })
    expect(rl.take('a').allowed).toBe(true)
    const refused = rl.check('a')
    expect(refused).toEqual(rl.take('a'))
    expect(refused).toMatchObject({ allowed: false, retryAfter: 30 })
    for (let i = 0; i < 10; i++) rl.check(`nobody-${i}`)
    expect(rl.size).toBe(1)
  })
})
