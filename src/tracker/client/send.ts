// Delivery: events wait briefly in a small queue and leave in batches to POST /collect/batch. The body
// is JSON sent as text/plain with the public key inside it, so the browser needs no CORS preflight.
// When the page is hidden or closed the queue leaves at once through sendBeacon, which outlives the page.

const LINGER_MS = 500
const BATCH = 20
const MAX_QUEUED = 200

/** The queue's target: where to send and with which public key. */
export interface Target {
  endpoint: string
  apiKey: string
}

const queue: object[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let target: Target | undefined

/** Set where events go (on init). */
export function setTarget(t: Target): void {
  target = t
}

/** Queue one event; a full batch leaves now, otherwise after a short linger. */
export function enqueue(event: object): void {
  if (queue.length < MAX_QUEUED) queue.push(event)
  if (queue.length >= BATCH) flush()
  else timer ??= setTimeout(flush, LINGER_MS)
}

/** Send everything queued; `leaving`: the page is going away, so prefer a beacon. Never throws. */
export function flush(leaving?: boolean): void {
  clearTimeout(timer)
  timer = undefined
  while (target && queue.length > 0) {
    const url = `${target.endpoint}/collect/batch`
    const body = JSON.stringify({ api_key: target.apiKey, events: queue.splice(0, BATCH) })
    try {
      if (!(leaving && navigator.sendBeacon(url, body)))
        // A string body goes as text/plain: a "simple" request. keepalive lets it finish after unload.
        fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
    } catch {}
  }
}
