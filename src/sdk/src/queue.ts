// The bounded event queue: events wait up to `lingerMs` for company, then leave in batches (by
// count and bytes), one batch in flight at a time so that order is kept and a 429 pauses everything.
import { PulseError } from './errors.js'

/** One queued event: its JSON text and the settle functions of the promise `trackEvent` returned. */
export interface Pending {
  json: string
  resolve(): void
  reject(err: PulseError): void
}

/** Limits of the queue. */
export interface QueueOptions {
  lingerMs: number
  maxBatchSize: number
  maxBatchBytes: number
  maxQueueSize: number
}

/** Queue of pending events drained by `send` (which must settle every event it is given). */
export class EventQueue {
  private waiting: Pending[] = []
  private inFlight = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private busy = false
  private drained: Promise<void> = Promise.resolve()

  constructor(
    private opts: QueueOptions,
    private send: (batch: Pending[]) => Promise<void>,
  ) {}

  /** Events waiting or in flight. */
  get size(): number {
    return this.waiting.length + this.inFlight
  }

  /** Add an event; rejects it at once when the queue is full. */
  push(p: Pending): void {
    if (this.size >= this.opts.maxQueueSize) {
      p.reject(new PulseError(`Queue full: ${this.opts.maxQueueSize} events are waiting`, 'queue_full'))
      return
    }
    this.waiting.push(p)
    if (this.waiting.length >= this.opts.maxBatchSize) this.kick()
    else if (!this.busy && !this.timer) this.timer = setTimeout(() => this.kick(), this.opts.lingerMs)
  }

  /** Send everything now; resolves when every event queued before the call is settled. */
  async flush(): Promise<void> {
    this.kick()
    while (this.busy) await this.drained
  }

  private kick(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.busy || this.waiting.length === 0) return
    this.busy = true
    this.drained = this.drain()
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.take()
        this.inFlight = batch.length
        try {
          await this.send(batch)
        } catch (err) {
          const e = err instanceof PulseError ? err : new PulseError(String(err), 'network')
          for (const p of batch) p.reject(e)
        } finally {
          this.inFlight = 0
        }
      }
    } finally {
      this.busy = false
    }
  }

  /** The next batch: at least one event, at most `maxBatchSize` events and `maxBatchBytes` of JSON. */
  private take(): Pending[] {
    let bytes = 0
    let n = 0
    while (n < this.waiting.length && n < this.opts.maxBatchSize) {
      bytes += this.waiting[n].json.length + 1
      if (n > 0 && bytes > this.opts.maxBatchBytes) break
      n++
    }
    return this.waiting.splice(0, n)
  }
}
