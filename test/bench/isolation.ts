// Read-isolation benchmark against a real server process (fsync durability): export RSS above idle per
// format at PULSE_BENCH_EXPORT_ROWS (default 3M) events, and `/collect` p99 plus a cheap stats query's
// p50 for a second site, alone, while 6 worst-case queries of the first site run in a loop, and while
// 3 exports of the first site stream.
// Run alone with `bun test/bench/isolation.ts [--quick]` or as `bun run bench --only isolation`;
// PULSE_BENCH_EXPORTS=csv,parquet picks export formats (`none`: no exports).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'
import { generateIsolationEvents } from '../helpers/heavy-events'
import { type ServerProcess, startPulse } from './processes'
import { fixed, formatTable, int } from './table'

const ADMIN = 'bench-admin-token-0123456789'
const HEAVY = 'site_heavy'
const LIGHT = 'site_light'

/** Resident set size of a process, in MB (VmRSS from /proc). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/** One export read to the end, with the server's RSS sampled every 50 ms. */
async function measureExport(server: ServerProcess, key: string, format: string) {
  await Bun.sleep(1000)
  const idle = rssMb(server.pid)
  let peak = idle
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.pid))
  }, 50)
  const t0 = performance.now()
  let bytes = 0
  let status = 0
  try {
    // A connection of its own: a kept-alive one from the previous export was seen reset under load.
    const res = await fetch(`${server.url}/api/v1/export?site_id=${HEAVY}&format=${format}`, {
      headers: { authorization: `Bearer ${key}` },
      keepalive: false,
    })
    status = res.status
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength
  } finally {
    clearInterval(sampler)
  }
  peak = Math.max(peak, rssMb(server.pid))
  return { format, status, mb: bytes / 1e6, s: (performance.now() - t0) / 1000, idle, above: peak - idle }
}

/** The worst-case queries of the issue, as request builders for the heavy site. */
function worstCase(url: string, key: string, now: number): (() => Request)[] {
  const auth = { authorization: `Bearer ${key}` }
  const get = (path: string, q: Record<string, string>) => () =>
    new Request(`${url}/api/v1${path}?${new URLSearchParams({ site_id: HEAVY, ...q })}`, { headers: auth })
  const types = ['page_view', 'click', 'scroll', 'page_view', 'click', 'signup', 'page_view', 'click']
  const steps = [...types, 'purchase', 'page_view'].map((event_type) => ({ event_type }))
  return [
    () =>
      new Request(`${url}/api/v1/funnels`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ site_id: HEAVY, period: '90d', steps }),
      }),
    get('/stats/breakdown', { dimension: 'property:ref', metric: 'visitors', period: '90d' }),
    get('/retention', { interval: 'week', period: '90d' }),
    get('/stats', {
      metrics:
        'event_count,page_views,unique_users,unique_sessions,visitors,bounce_rate,avg_session_duration,events_per_session,views_per_session',
      from: '0',
      to: String(now),
    }),
  ]
}

/** `/collect` latencies (open loop, 50/s, timed from the intended send time) and cheap-query latencies for `seconds`. */
async function measureLight(server: ServerProcess, key: string, seconds: number) {
  const collect: number[] = []
  const cheap: number[] = []
  const statuses: Record<string, number> = {}
  const end = performance.now() + seconds * 1000
  const sends: Promise<void>[] = []
  const start = performance.now()
  for (let i = 0; start + i * 20 < end; i++) {
    const due = start + i * 20
    const wait = due - performance.now()
    if (wait > 0) await Bun.sleep(wait)
    sends.push(
      fetch(`${server.url}/collect`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          site_id: LIGHT,
          event_type: 'page_view',
          timestamp: Date.now(),
          session_id: `b${i}`,
        }),
      })
        .then(async (r) => {
          await r.arrayBuffer()
          return r.status
        })
        .catch(() => 'error')
        .then((status) => {
          collect.push(performance.now() - due)
          statuses[`collect ${status}`] = (statuses[`collect ${status}`] ?? 0) + 1
        }),
    )
    if (i % 5 === 0)
      sends.push(
        (async () => {
          const t = performance.now()
          let status: number | string = 'error'
          try {
            const r = await fetch(
              `${server.url}/api/v1/stats?site_id=${LIGHT}&metric=event_count&period=24h`,
              {
                headers: { authorization: `Bearer ${key}` },
              },
            )
            await r.arrayBuffer()
            status = r.status
          } catch {}
          // A reset connection (Bun closes a request idle for 10 s) counts with the time it took.
          cheap.push(performance.now() - t)
          statuses[`cheap ${status}`] = (statuses[`cheap ${status}`] ?? 0) + 1
        })(),
      )
  }
  await Promise.all(sends)
  return {
    collectP50: percentile(collect, 50),
    collectP99: percentile(collect, 99),
    cheapP50: percentile(cheap, 50),
    cheapP95: percentile(cheap, 95),
    statuses,
  }
}

/** Six loops of worst-case queries until `signal` aborts; returns the status counts. */
function runHeavy(server: ServerProcess, key: string, signal: AbortSignal) {
  const queries = worstCase(server.url, key, Date.now())
  const counts: Record<string, number> = {}
  const loops = Array.from({ length: 6 }, async (_, w) => {
    for (let i = w; !signal.aborted; i++) {
      try {
        const r = await fetch(queries[i % queries.length](), { signal })
        await r.arrayBuffer()
        counts[r.status] = (counts[r.status] ?? 0) + 1
        if (r.status !== 200) await Bun.sleep(100)
      } catch {}
    }
  })
  return { counts, done: Promise.all(loops) }
}

/** Run the benchmark and print its tables. */
export async function run({ quick = false }: { quick?: boolean } = {}): Promise<void> {
  const rows = Number(process.env.PULSE_BENCH_EXPORT_ROWS) || (quick ? 300_000 : 3_000_000)
  const seconds = quick ? 5 : 15
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-isolation-'))
  const now = Date.now()
  console.log(`\n## Read isolation and export memory (${int(rows)} events, real server, fsync)\n`)
  const config = loadConfig({ PULSE_ADMIN_TOKEN: ADMIN, PULSE_DATA_DIR: dir, PULSE_LOG_LEVEL: 'silent' })
  const deps = await createServices(config, { clock: systemClock, logger: createLogger('silent') })
  const heavyKey = (await createSite(deps, { site_id: HEAVY })).secret_key
  const lightKey = (await createSite(deps, { site_id: LIGHT })).secret_key
  await generateIsolationEvents(deps.db, { siteId: HEAVY, events: rows, now, days: 30 })
  await generateIsolationEvents(deps.db, { siteId: LIGHT, events: 100_000, now, days: 30 })
  await deps.close()
  const server = await startPulse({ dataDir: dir, adminToken: ADMIN, durability: 'fsync' })
  try {
    const exports = []
    const only = process.env.PULSE_BENCH_EXPORTS
    const formats = ['ndjson', 'csv', 'parquet'].filter(
      (f) => only === undefined || only.split(',').includes(f),
    )
    for (const f of formats) {
      const t0 = performance.now()
      try {
        exports.push(await measureExport(server, heavyKey, f))
      } catch (err) {
        console.log(
          `${f} export failed after ${fixed((performance.now() - t0) / 1000)} s: ${(err as Error).message}\nserver output:\n${server.output().slice(-3000)}`,
        )
        throw err
      }
    }
    console.log(
      formatTable(
        ['export', 'status', 'MB', 's', 'idle RSS MB', 'peak RSS above idle MB'],
        exports.map((e) => [e.format, e.status, fixed(e.mb), fixed(e.s), int(e.idle), int(e.above)]),
      ),
    )
    const alone = await measureLight(server, lightKey, seconds)
    const stop = new AbortController()
    const heavy = runHeavy(server, heavyKey, stop.signal)
    await Bun.sleep(1000)
    const loaded = await measureLight(server, lightKey, seconds)
    stop.abort()
    await heavy.done
    // The admin token's own read slots: aborted worst-case requests may still hold the site key's for a while.
    await Bun.sleep(3000)
    const exporting = new AbortController()
    const readers = [0, 1, 2].map(async () => {
      try {
        const res = await fetch(`${server.url}/api/v1/export?site_id=${HEAVY}&format=ndjson`, {
          headers: { authorization: `Bearer ${ADMIN}` },
          signal: exporting.signal,
        })
        for await (const _ of res.body as unknown as AsyncIterable<Uint8Array>);
        return res.status
      } catch {
        return 'stopped'
      }
    })
    await Bun.sleep(1000)
    const withExports = await measureLight(server, lightKey, seconds)
    exporting.abort()
    const exportStatuses = await Promise.all(readers)
    const row = (name: string, r: typeof alone) => [
      name,
      fixed(r.collectP50),
      fixed(r.collectP99),
      fixed(r.cheapP50),
      fixed(r.cheapP95),
      Object.entries(r.statuses)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
    ]
    console.log(
      `\nSecond site during ${seconds} s, alone and with 6 worst-case query loops on the first site (goal: /collect p99 < 25 ms, cheap p50 < 100 ms):\n`,
    )
    console.log(
      formatTable(
        ['load', '/collect p50', '/collect p99', 'cheap p50', 'cheap p95', 'statuses'],
        [row('alone', alone), row('6 worst-case loops', loaded), row('3 NDJSON exports', withExports)],
      ),
    )
    console.log(
      `Worst-case query answers: ${JSON.stringify(heavy.counts)}; exports: ${exportStatuses.join(', ')}`,
    )
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
