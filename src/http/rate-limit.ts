// Token-bucket rate limits: a bucket per API key (and per client IP for browser traffic), refilled
// continuously at `perMinute / 60` tokens a second, holding at most `perMinute` tokens.
//
// Cost and memory. A bucket left alone for a full minute is full again, so it carries no state and can
// be forgotten. Buckets live in two generations of Maps: a bucket used now moves to the current one, and
// when the current generation is a minute old (or holds `maxBuckets / 2` buckets), the previous one is
// dropped whole and the current becomes the previous. Every request is a few Map operations, O(1)
// whatever the number of clients; nothing ever sweeps a table.
// Bound: at most `maxBuckets` buckets (~150 bytes each). Below the bound the limits are exact. At the
// bound (more than `maxBuckets / 2` distinct clients within a minute) generations turn over faster than
// once a minute, so a client idle for that shorter time may be forgotten and start again from a full
// bucket: a flood of distinct addresses can loosen the limit for idle clients, never tighten it for anyone.
import type { Clock } from '../clock'
import { AppError } from './errors'

interface Bucket {
  tokens: number
  updated: number
}

/** The outcome of taking a token; `retryAfter` in whole seconds when refused. */
export interface RateDecision {
  allowed: boolean
  limit: number
  remaining: number
  retryAfter: number
  reset: number
}

/** Options of `RateLimiter`. */
export interface RateLimiterOptions {
  /** Most buckets held at once (two generations of half that each). */
  maxBuckets?: number
}

/** A full refill: a bucket idle this long is full and can be forgotten. */
const WINDOW_MS = 60_000

/** Token buckets keyed by an id (a key id, an IP). A limit of 0 disables the limiter. */
export class RateLimiter {
  private current = new Map<string, Bucket>()
  private previous = new Map<string, Bucket>()
  private generationStart: number
  private readonly generationCap: number

  constructor(
    private perMinute: number,
    private clock: Clock,
    { maxBuckets = 200_000 }: RateLimiterOptions = {},
  ) {
    this.generationStart = clock()
    this.generationCap = Math.max(1, Math.floor(maxBuckets / 2))
  }

  /** Buckets held now (at most `maxBuckets`). */
  get size(): number {
    return this.current.size + this.previous.size
  }

  /** Take one token for `id`. */
  take(id: string): RateDecision {
    return this.decide(id, true)
  }

  /**
   * What `take(id)` would decide now, without taking a token or remembering `id`; lets a caller check
   * several limiters and take from them only when none refuses.
   */
  check(id: string): RateDecision {
    return this.decide(id, false)
  }

  private decide(id: string, consume: boolean): RateDecision {
    const limit = this.perMinute
    if (limit <= 0) return { allowed: true, limit, remaining: 0, retryAfter: 0, reset: 0 }
    const now = this.clock()
    const ratePerMs = limit / 60_000
    const b = consume ? this.bucketFor(id, now) : this.find(id)
    let tokens = b ? Math.min(limit, b.tokens + (now - b.updated) * ratePerMs) : limit
    if (b && consume) {
      b.tokens = tokens
      b.updated = now
    }
    // `reset`: seconds until the bucket is full again, after this request.
    if (tokens >= 1) {
      tokens -= 1
      if (b && consume) b.tokens = tokens
      const reset = Math.ceil((limit - tokens) / ratePerMs / 1000)
      return { allowed: true, limit, remaining: Math.floor(tokens), retryAfter: 0, reset }
    }
    const retryAfter = Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000))
    const reset = Math.ceil((limit - tokens) / ratePerMs / 1000)
    return { allowed: false, limit, remaining: 0, retryAfter, reset }
  }

  private find(id: string): Bucket | undefined {
    return this.current.get(id) ?? this.previous.get(id)
  }

  /** The bucket of `id` in the current generation, moved there or created full (as an idle one would be). */
  private bucketFor(id: string, now: number): Bucket {
    this.rotate(now)
    let b = this.current.get(id)
    if (b) return b
    b = this.previous.get(id)
    if (b) this.previous.delete(id)
    else b = { tokens: this.perMinute, updated: now }
    this.current.set(id, b)
    return b
  }

  /**
   * Start a new generation when the current one is a window old or full. A bucket still in the previous
   * generation then has not been used since before the current one started: a full window ago on time,
   * which makes it full; earlier only at the bound (see the module comment).
   */
  private rotate(now: number): void {
    const age = now - this.generationStart
    if (age < WINDOW_MS && this.current.size < this.generationCap) return
    // Two windows without a rotation: the current generation is idle too.
    this.previous = age >= 2 * WINDOW_MS ? new Map() : this.current
    this.current = new Map()
    this.generationStart = now
  }
}

/** `RateLimit-*` headers describing `d` (none when the limiter is off). */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  if (d.limit <= 0) return {}
  return {
    'ratelimit-limit': String(d.limit),
    'ratelimit-remaining': String(d.remaining),
    'ratelimit-reset': String(d.allowed ? d.reset : d.retryAfter),
  }
}

/** Throw the seed's 429 body with Retry-After and RateLimit-* headers when `d` refuses. */
export function enforce(d: RateDecision): void {
  if (d.allowed) return
  throw new AppError(429, 'Rate limit exceeded', undefined, {
    'retry-after': String(d.retryAfter),
    ...rateLimitHeaders(d),
  })
}
