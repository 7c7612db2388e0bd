// The load generator, run as its own process (`bun test/bench/load-worker.ts '<LoadConfig JSON>'`) so it
// never shares a JavaScript thread with the server under test. Closed loop: N keep-alive connections, each
// sends its next request when the previous answer arrives (peak throughput). Open loop: requests are
// due at a fixed rate whatever the server does, and latency is timed from the moment a request was
// due, not from when it could be sent, so queueing behind a slow server is counted (no coordinated
// omission). Prints `READY` once connected and one JSON `LoadResult` line at the end.

import { makeEvents } from './events'
import { Connection } from './http-client'

/** What to send and how. */
export interface LoadConfig {
  host: string
  port: number
  path: string
  token: string
  siteId: string
  /** Events per request: 1 sends one event object; more sends `{events:[…]}`. */
  eventsPerRequest: number
  mode: 'closed' | 'open'
  connections: number
  durationMs: number
  /** Requests in this first part are sent and counted as acknowledged, but not in rates or latencies. */
  warmupMs: number
  /** Requests per second (open loop). */
  rate?: number
  /** Unique prefix of the `event_id`s this run sends. */
  idPrefix: string
  /** Send events without `event_id` (default: each event has a unique one, as the SDK sends). */
  noEventIds?: boolean
  /** Event timestamps lie in the 30 minutes before this. */
  now: number
  seed: number
}

/** What the worker measured. */
export interface LoadResult {
  requests: number
  /** Requests answered 2xx. */
  ok: number
  /** Events the server acknowledged (`data.accepted` summed over 2xx answers). */
  ackedEvents: number
  statuses: Record<string, number>
  /** Over the measured window (after warm-up). */
  seconds: number
  requestsPerSec: number
  eventsPerSec: number
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number }
  /** Open loop: the rate actually offered (requests due per second). */
  offeredRate?: number
  /** CPU used by this load generator, % of one core, over the window. */
  clientCpuPct: number
  connectionsUsed: number
}

/** Builds request bytes: each event gets a unique `event_id`. */
function requestFactory(cfg: LoadConfig): () => Buffer {
  const pool = makeEvents(2048, { siteId: cfg.siteId, now: cfg.now, seed: cfg.seed }).map((e) =>
    JSON.stringify(e).slice(0, -1),
  )
  let seq = 0
  const event = cfg.noEventIds
    ? () => `${pool[seq++ % pool.length]}}`
    : () => `${pool[seq % pool.length]},"event_id":"${cfg.idPrefix}${(seq++).toString(36)}"}`
  const head = `POST ${cfg.path} HTTP/1.1\r\nHost: ${cfg.host}:${cfg.port}\r\nAuthorization: Bearer ${cfg.token}\r\nContent-Type: application/json\r\n`
  return () => {
    let body: string
    if (cfg.eventsPerRequest === 1) body = event()
    else {
      const parts: string[] = new Array(cfg.eventsPerRequest)
      for (let i = 0; i < parts.length; i++) parts[i] = event()
      body = `{"events":[${parts.join(',')}]}`
    }
    return Buffer.from(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Run one load phase against the server. */
export async function runLoad(cfg: LoadConfig, onReady: () => void = () => undefined): Promise<LoadResult> {
  const nextRequest = requestFactory(cfg)
  const conns: Connection[] = []
  for (let i = 0; i < cfg.connections; i++) conns.push(await Connection.open(cfg.host, cfg.port))
  let latencies = new Float64Array(1 << 16)
  let nLat = 0
  let requests = 0
  let ok = 0
  let acked = 0
  let inWindow = 0
  let ackedInWindow = 0
  const statuses: Record<string, number> = {}
  onReady()
  const t0 = performance.now()
  const windowStart = t0 + cfg.warmupMs
  const end = t0 + cfg.durationMs
  const cpu0 = process.cpuUsage()
  let cpuAtWindow = cpu0
  const cpuTimer = setTimeout(() => {
    cpuAtWindow = process.cpuUsage()
  }, cfg.warmupMs)

  let outstanding = 0
  let resolveDone: () => void = () => undefined
  const done = new Promise<void>((r) => {
    resolveDone = r
  })
  /** Send one request on `conn`; `due` is when it should have gone out (latency is timed from it). */
  const issue = (conn: Connection, due: number, after: (c: Connection) => void) => {
    outstanding++
    requests++
    conn.send(nextRequest(), (status, body) => {
      const now = performance.now()
      outstanding--
      statuses[status] = (statuses[status] ?? 0) + 1
      if (status >= 200 && status < 300) {
        ok++
        const accepted = (JSON.parse(body) as { data?: { accepted?: number } }).data?.accepted ?? 0
        acked += accepted
        // Throughput counts answers completed inside the window, whenever their request was sent.
        if (now >= windowStart && now <= end) {
          inWindow++
          ackedInWindow += accepted
        }
      }
      if (due >= windowStart) {
        if (nLat === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2)
          bigger.set(latencies)
          latencies = bigger
        }
        latencies[nLat++] = now - due
      }
      after(conn)
      if (outstanding === 0 && performance.now() >= end) resolveDone()
    })
  }

  if (cfg.mode === 'closed') {
    const loop = (c: Connection) => {
      if (performance.now() >= end) return
      if (!c.alive) {
        Connection.open(cfg.host, cfg.port).then((n) => loop(n), resolveDone)
        return
      }
      issue(c, performance.now(), loop)
    }
    for (const c of conns) loop(c)
  } else {
    const interval = 1000 / (cfg.rate ?? 1000)
    const idle = [...conns]
    const waiting: number[] = []
    let next = t0
    const release = (c: Connection) => {
      if (!c.alive) {
        Connection.open(cfg.host, cfg.port).then((n) => {
          conns.push(n)
          release(n)
        }, resolveDone)
        return
      }
      const due = waiting.shift()
      if (due !== undefined) issue(c, due, release)
      else idle.push(c)
    }
    // A fixed pool, as wrk2 does: when every connection is busy the request waits for one, and that
    // wait counts in its latency. (Opening connections on demand turns a short stall into a storm of
    // connects that the server must accept on the same thread.)
    const dispatch = (due: number) => {
      const c = idle.pop()
      if (c) issue(c, due, release)
      else waiting.push(due)
    }
    const tick = () => {
      const now = performance.now()
      while (next <= now && next < end) {
        dispatch(next)
        next += interval
      }
      if (next < end) setTimeout(tick, Math.max(0, Math.min(1, next - performance.now())))
      else if (outstanding === 0 && waiting.length === 0) resolveDone()
    }
    tick()
  }
  await Promise.race([done, Bun.sleep(cfg.durationMs + 15_000)])
  clearTimeout(cpuTimer)
  if (outstanding > 0) statuses['no answer'] = outstanding
  const cpu1 = process.cpuUsage()
  const seconds = (Math.min(performance.now(), end) - windowStart) / 1000
  for (const c of conns) c.close()
  const sorted = latencies.slice(0, nLat).sort()
  let sum = 0
  for (const v of sorted) sum += v
  const cpuUs = cpu1.user - cpuAtWindow.user + cpu1.system - cpuAtWindow.system
  return {
    requests,
    ok,
    ackedEvents: acked,
    statuses,
    seconds,
    requestsPerSec: inWindow / seconds,
    eventsPerSec: ackedInWindow / seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      p999: percentile(sorted, 99.9),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      mean: sum / sorted.length,
    },
    offeredRate: cfg.mode === 'open' ? cfg.rate : undefined,
    clientCpuPct: cpuUs / 10 / ((performance.now() - windowStart) / 1000) / 1000,
    connectionsUsed: conns.length,
  }
}

if (import.meta.main) {
  const cfg = JSON.parse(process.argv[2]) as LoadConfig
  const result = await runLoad(cfg, () => process.stdout.write('READY\n'))
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
}
