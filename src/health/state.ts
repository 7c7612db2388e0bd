// What /health reports: each component (the ingest buffer, the lifecycle, later the write-ahead log or
// the disk) describes its own state, and `combineHealth` folds them into one — the worst status wins.

/** `ok`: serving; `degraded`: serving, but part of the job fails (events pile up unwritten);
 * `unavailable`: cannot do its job (shutting down, database gone). Anything but `ok` answers 503. */
export type HealthStatus = 'ok' | 'degraded' | 'unavailable'

/** One component's state, or the combined state of the server. */
export interface HealthState {
  status: HealthStatus
  /** Why the status is not `ok`, in words fit for an operator's log (admin only: may name paths). */
  reason?: string
  /** Figures for the admin view of /health, by field name (snake_case, JSON values). */
  details: Record<string, unknown>
}

/** Produces the current state; called on every /health request, so it must be cheap. */
export type HealthSource = () => HealthState

const RANK: Record<HealthStatus, number> = { ok: 0, degraded: 1, unavailable: 2 }

/** Fold components' states: the worst status, every non-ok reason (in order), all details merged. */
export function combineHealth(...states: HealthState[]): HealthState {
  let status: HealthStatus = 'ok'
  const reasons: string[] = []
  const details: Record<string, unknown> = {}
  for (const s of states) {
    if (RANK[s.status] > RANK[status]) status = s.status
    if (s.status !== 'ok' && s.reason) reasons.push(s.reason)
    Object.assign(details, s.details)
  }
  return reasons.length > 0 ? { status, reason: reasons.join('; '), details } : { status, details }
}

/** The lifecycle's part: unavailable once shutdown has begun, so a load balancer stops sending. */
export function lifecycleHealth(lifecycle: { draining: boolean }): HealthState {
  return lifecycle.draining
    ? { status: 'unavailable', reason: 'shutting down', details: { draining: true } }
    : { status: 'ok', details: { draining: false } }
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576)

/** The process's memory (always `ok`): resident set, the JavaScript heap in use, and memory held outside
 * the heap by JavaScript objects (buffers); the rest of the resident set is DuckDB's and the runtime's. */
export function memoryHealth(): HealthState {
  const m = process.memoryUsage()
  return {
    status: 'ok',
    details: { memory: { rss_mb: mb(m.rss), js_heap_mb: mb(m.heapUsed), js_external_mb: mb(m.external) } },
  }
}
