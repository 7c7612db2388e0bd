// PulseClient: the SDK's front door. `trackEvent` queues an event and returns a promise settled by
// the server's answer for its batch; `flush` and `shutdown` drain. The read helpers come from PulseReader.
import { PulseError } from './errors.js'
import { randomId, type TrackEventInput, toWireEvent } from './event.js'
import type { components } from './openapi-types.js'
import { EventQueue, type Pending } from './queue.js'
import type { PostResult, ReadTarget } from './read.js'
import { PulseReader } from './reader.js'
import { type FetchLike, type RetryInfo, request, type TransportOptions } from './transport.js'

/** The answer of `validate`: each event as it would be stored, the invalid ones, and warnings. */
export type ValidationReport = components['schemas']['DryRunResult']['data']

/** Options of `new PulseClient(…)`; only `siteId`, `apiKey` and `endpoint` are required. */
export interface PulseClientOptions {
  /** Site identifier, e.g. `site_abc123`. */
  siteId: string
  /** A key of the site: the secret key (`sk_…`) on servers, which can also read stats. */
  apiKey: string
  /** Base URL of the PULSE server, e.g. `https://pulse.example.com`. */
  endpoint: string
  /** How long an event waits for others to share its request, in ms. Default 10. */
  lingerMs?: number
  /** Most events in one request. Default 100 (the server takes up to 1000). */
  maxBatchSize?: number
  /** Most bytes of JSON in one request. Default 512 KiB (the server takes 1 MiB). */
  maxBatchBytes?: number
  /** Most events waiting or in flight; more are rejected with kind `queue_full`. Default 10 000. */
  maxQueueSize?: number
  /** Retries after a network error, timeout, 5xx or 429. Default 5. */
  maxRetries?: number
  /** First backoff delay in ms, doubled each retry (with jitter). Default 200. */
  retryBaseMs?: number
  /** Longest wait before a retry, in ms; a longer Retry-After fails at once. Default 60 000. */
  maxRetryDelayMs?: number
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number
  /** The fetch to use (default: the global one). */
  fetch?: FetchLike
  /** Called before each retry. */
  onRetry?: (info: RetryInfo) => void
}

/** What `trackEvent` resolves with once the server has acknowledged the event. */
export interface TrackResult {
  /** The event's client id (`event_id` on the wire). */
  eventId: string
}

type BatchAck = PostResult<'/collect/batch'>

/** Client for one PULSE site: sends events, and reads them back (see `PulseReader`). */
export class PulseClient extends PulseReader {
  private readonly opts: Required<Omit<PulseClientOptions, 'onRetry' | 'fetch'>>
  private readonly transport: TransportOptions
  private readonly queue: EventQueue
  private closed = false

  constructor(options: PulseClientOptions) {
    super()
    for (const k of ['siteId', 'apiKey', 'endpoint'] as const)
      if (typeof options?.[k] !== 'string' || options[k] === '')
        throw new TypeError(`PulseClient: option "${k}" is required`)
    const fetchFn = options.fetch ?? globalThis.fetch
    if (typeof fetchFn !== 'function')
      throw new TypeError('PulseClient: no fetch available; pass options.fetch')
    const o = options
    this.opts = {
      siteId: o.siteId,
      apiKey: o.apiKey,
      endpoint: o.endpoint.replace(/\/+$/, ''),
      lingerMs: o.lingerMs ?? 10,
      maxBatchSize: o.maxBatchSize ?? 100,
      maxBatchBytes: o.maxBatchBytes ?? 512 * 1024,
      maxQueueSize: o.maxQueueSize ?? 10_000,
      maxRetries: o.maxRetries ?? 5,
      retryBaseMs: o.retryBaseMs ?? 200,
      maxRetryDelayMs: o.maxRetryDelayMs ?? 60_000,
      timeoutMs: o.timeoutMs ?? 10_000,
    }
    this.transport = {
      fetch: (url, init) => fetchFn(url, init),
      maxRetries: this.opts.maxRetries,
      retryBaseMs: this.opts.retryBaseMs,
      maxRetryDelayMs: this.opts.maxRetryDelayMs,
      timeoutMs: this.opts.timeoutMs,
      onRetry: options.onRetry,
    }
    this.queue = new EventQueue(this.opts, (batch) => this.sendBatch(batch))
  }

  /** Events waiting or in flight. */
  get pending(): number {
    return this.queue.size
  }

  /**
   * Send one event. Resolves when the server has acknowledged it; rejects with a `PulseError` when
   * the server refuses it (kind `rejected` or `http`, never retried for 4xx) or retries run out.
   */
  trackEvent(event: TrackEventInput): Promise<TrackResult> {
    const eventId = event?.eventId ?? randomId()
    let settle!: Pick<Pending, 'resolve' | 'reject'>
    const promise = new Promise<TrackResult>((resolve, reject) => {
      settle = { resolve: () => resolve({ eventId }), reject }
    })
    // Marks the promise handled: a fire-and-forget call that fails must not crash the process.
    promise.catch(() => undefined)
    if (this.closed) settle.reject(new PulseError('PulseClient is shut down', 'shutdown'))
    else {
      const json = this.serialize(event, eventId)
      if (json instanceof PulseError) settle.reject(json)
      else if (json.length > this.opts.maxBatchBytes)
        settle.reject(new PulseError(`Event too large: ${json.length} bytes`, 'too_large', 413))
      else this.queue.push({ json, ...settle })
    }
    return promise
  }

  /**
   * Check events without storing them (`POST /collect/batch?dry_run=true`): resolves with each valid
   * event as the server would store it, the invalid ones with their problems, and warnings (a property
   * key that differs from one the site has only by case, `_` or `-`; an event type never seen on the site).
   */
  async validate(events: TrackEventInput | TrackEventInput[]): Promise<ValidationReport> {
    const list = Array.isArray(events) ? events : [events]
    const now = Date.now()
    const body = JSON.stringify({ events: list.map((e) => toWireEvent(this.opts.siteId, e, now)) })
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${this.opts.apiKey}` }
    const url = `${this.opts.endpoint}/collect/batch?dry_run=true`
    const res = (await request(url, { method: 'POST', headers, body }, this.transport)) as {
      data: ValidationReport
    }
    return res.data
  }

  /** Send everything queued now; resolves when all of it is settled (never rejects). */
  flush(): Promise<void> {
    return this.queue.flush()
  }

  /** Refuse new events, then flush. Call before the process exits. */
  async shutdown(): Promise<void> {
    this.closed = true
    await this.queue.flush()
  }

  protected readTarget(): ReadTarget {
    const { endpoint, apiKey, siteId } = this.opts
    return { endpoint, apiKey, siteId, transport: this.transport }
  }

  /** The event's wire JSON, or the reason it cannot be sent (not an object, a BigInt property, …). */
  private serialize(event: TrackEventInput, eventId: string): string | PulseError {
    try {
      if (typeof event !== 'object' || event === null) throw new TypeError('expected an event object')
      return JSON.stringify(toWireEvent(this.opts.siteId, { ...event, eventId }, Date.now()))
    } catch (err) {
      return new PulseError(`Invalid event: ${(err as Error).message}`, 'rejected', 422)
    }
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    const body = `{"events":[${batch.map((p) => p.json).join(',')}]}`
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${this.opts.apiKey}` }
    const url = `${this.opts.endpoint}/collect/batch`
    const res = (await request(url, { method: 'POST', headers, body }, this.transport)) as { data: BatchAck }
    const rejected = new Map((res.data?.rejected ?? []).map((r) => [r.index, r]))
    batch.forEach((p, i) => {
      const r = rejected.get(i)
      if (r) p.reject(new PulseError(r.error, 'rejected', 422, r.details))
      else p.resolve()
    })
  }
}
