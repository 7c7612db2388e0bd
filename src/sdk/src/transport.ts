// HTTP with retries: network errors, timeouts, 5xx and 429 are retried with exponential backoff and
// jitter, or after the server's Retry-After (429/503); any other 4xx is final and never retried.
import { type FieldIssue, PulseError } from './errors.js'

/** Called before each retry (for logging and metrics). */
export interface RetryInfo {
  /** The retry about to happen: 1 for the first retry. */
  attempt: number
  /** How long the client waits before it. */
  delayMs: number
  /** The failure that caused it. */
  error: PulseError
}

/** The part of `fetch` the SDK uses (the global fetch of Node, Bun, Deno and browsers fits). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** How requests are made and retried. */
export interface TransportOptions {
  fetch: FetchLike
  maxRetries: number
  retryBaseMs: number
  maxRetryDelayMs: number
  timeoutMs: number
  onRetry?: (info: RetryInfo) => void
}

type Outcome = { ok: true; body: unknown } | { ok: false; error: PulseError; retry: boolean }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** Whether a status is worth retrying: rate limits, timeouts and server errors, never validation errors. */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || status >= 500
}

async function attempt(url: string, init: RequestInit, o: TransportOptions): Promise<Outcome> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), o.timeoutMs)
  try {
    const res = await o.fetch(url, { ...init, signal: abort.signal })
    const text = await res.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    if (res.ok && (body as { success?: unknown } | undefined)?.success === true) return { ok: true, body }
    const env = (body ?? {}) as { error?: unknown; details?: FieldIssue[] }
    const message = res.ok
      ? `Unexpected response from ${url}: not a PULSE envelope`
      : typeof env.error === 'string'
        ? env.error
        : `HTTP ${res.status}`
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'))
    const error = new PulseError(message, 'http', res.status, env.details, retryAfter)
    return { ok: false, error, retry: isRetryable(res.status) }
  } catch (err) {
    const timedOut = abort.signal.aborted
    const error = timedOut
      ? new PulseError(`Request to ${url} timed out after ${o.timeoutMs} ms`, 'timeout')
      : new PulseError(`Could not reach ${url}: ${(err as Error)?.message ?? err}`, 'network')
    return { ok: false, error, retry: true }
  } finally {
    clearTimeout(timer)
  }
}

/** The delay before retry number `n` (1-based): Retry-After when given, else capped backoff with jitter. */
export function retryDelay(n: number, error: PulseError, o: TransportOptions): number {
  if (error.retryAfter !== undefined) return error.retryAfter * 1000
  const full = Math.min(o.maxRetryDelayMs, o.retryBaseMs * 2 ** (n - 1))
  return Math.round(full / 2 + (Math.random() * full) / 2)
}

/** Make a request, retrying as described above; resolves with the parsed `{success:true}` body. */
export async function request(url: string, init: RequestInit, o: TransportOptions): Promise<unknown> {
  for (let n = 1; ; n++) {
    const out = await attempt(url, init, o)
    if (out.ok) return out.body
    if (!out.retry || n > o.maxRetries) throw out.error
    const delayMs = retryDelay(n, out.error, o)
    // A server asking for a longer pause than we may wait: fail now rather than retry too early.
    if (delayMs > o.maxRetryDelayMs) throw out.error
    o.onRetry?.({ attempt: n, delayMs, error: out.error })
    await sleep(delayMs)
  }
}
