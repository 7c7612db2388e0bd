// Token-bucket rate limits: a bucket per API key (and per client IP for browser traffic), refilled
// continuously at `perMinute / 60` tokens a second, holding at most `perMinute` tokens.
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

/** Token buckets keyed by an id (a key id, an IP). A limit of 0 disables the limiter. */
export class RateLimiter {
  private buckets = new Map<string, Bucket>()

  constructor(
    private perMinute: number,
    private clock: Clock,
  ) {}

  /** Take one token for `id`. */
  take(id: string): RateDecision {
    const limit = this.perMinute
    if (limit <= 0) return { allowed: true, limit, remaining: 0, retryAfter: 0, reset: 0 }
    const now = this.clock()
    const ratePerMs = limit / 60_000
    let b = this.buckets.get(id)
    if (!b) {
      if (this.buckets.size > 100_000) this.sweep(now)
      b = { tokens: limit, updated: now }
      this.buckets.set(id, b)
    } else {
      b.tokens = Math.min(limit, b.tokens + (now - b.updated) * ratePerMs)
      b.updated = now
    }
    // `reset`: seconds until the bucket is full again, after this request.
    if (b.tokens >= 1) {
      b.tokens -= 1
      const reset = Math.ceil((limit - b.tokens) / ratePerMs / 1000)
      return { allowed: true, limit, remaining: Math.floor(b.tokens), retryAfter: 0, reset }
    }
    const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000))
    const reset = Math.ceil((limit - b.tokens) / ratePerMs / 1000)
    return { allowed: false, limit, remaining: 0, retryAfter, reset }
  }

  /** Drop buckets that have refilled completely: they carry no state. */
  private sweep(now: number): void {
    const full = 60_000
    for (const [id, b] of this.buckets) if (now - b.updated > full) this.buckets.delete(id)
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
