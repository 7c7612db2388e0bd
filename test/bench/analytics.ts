// Analytics benchmark: PULSE_BENCH_EVENTS (default 10 000 000) events in an on-disk DuckDB file, then
// p50/p95 of every analytics query type through the app (`app.handle`: routing, auth, parsing, flush
// check, SQL, shaping, JSON) and of the same SQL run directly, with the app's overhead over direct SQL.
// Run alone with `bun test/bench/analytics.ts` (add `--quick` for a short run) or from `bun run bench`.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'
import { benchSite, generateBenchEvents } from './analytics-data'
import { type BenchQuery, benchQueries } from './analytics-queries'
import { fixed, formatTable, int } from './table'

const ADMIN = 'bench-admin-token-0123456789'
const NOW = Date.UTC(2026, 10, 20, 12)

/** Options of the analytics benchmark. */
export interface AnalyticsBenchOptions {
  quick?: boolean
  events?: number
  iterations?: number
}

/** One query's timings, in ms: wall-clock p50/p95, and the median CPU time of the process per call. */
export interface QueryTiming {
  name: string
  api: Stats
  sql: Stats
}

interface Stats {
  p50: number
  p95: number
  cpu: number
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/** Wall and CPU time (all threads of the process: DuckDB's and JavaScript's) of one call. */
async function measure(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage()
  const t = performance.now()
  await fn()
  const wall = performance.now() - t
  const d = process.cpuUsage(c)
  return { wall, cpu: (d.user + d.system) / 1000 }
}

/**
 * Time one query through the app and directly, alternating call by call so that load from other
 * processes on the machine hits both alike. CPU time per call is reported too: on a shared machine
 * it is steadier than wall time.
 */
async function timeQuery(q: BenchQuery, handle: (r: Request) => Promise<Response>, n: number) {
  const api = async () => {
    const res = await handle(q.request())
    if (res.status !== 200) throw new Error(`${q.name}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  for (let i = 0; i < 2; i++) {
    await api()
    await q.direct()
  }
  const a: { wall: number; cpu: number }[] = []
  const s: { wall: number; cpu: number }[] = []
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      a.push(await measure(api))
      s.push(await measure(q.direct))
    } else {
      s.push(await measure(q.direct))
      a.push(await measure(api))
    }
  }
  const stats = (xs: { wall: number; cpu: number }[]): Stats => ({
    p50: percentile(
      xs.map((x) => x.wall),
      50,
    ),
    p95: percentile(
      xs.map((x) => x.wall),
      95,
    ),
    cpu: percentile(
      xs.map((x) => x.cpu),
      50,
    ),
  })
  return { name: q.name, api: stats(a), sql: stats(s) }
}

/** Run the benchmark and print its table; returns the timings. */
export async function run(opts: AnalyticsBenchOptions = {}): Promise<QueryTiming[]> {
  const events =
    opts.events ?? (Number(process.env.PULSE_BENCH_EVENTS) || (opts.quick ? 1_000_000 : 10_000_000))
  const iterations = opts.iterations ?? (opts.quick ? 6 : 21)
  const dir = mkdtempSync(join(tmpdir(), 'pulse-analytics-bench-'))
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DATA_DIR: dir,
    PULSE_DB_PATH: join(dir, 'bench.duckdb'),
    PULSE_LOG_LEVEL: 'silent',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
  })
  const deps = await createServices(config, {
    clock: manualClock(NOW),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  try {
    const sites = 20
    const keys: string[] = []
    for (let i = 0; i < sites; i++) keys.push((await createSite(deps, { site_id: benchSite(i) })).secret_key)
    console.log(`\n## Analytics queries on ${int(events)} events (${sites} sites, 30 days, on-disk DuckDB)\n`)
    const t0 = performance.now()
    await generateBenchEvents(deps.db, { events, sites, now: NOW, days: 30 })
    const mb = statSync(config.dbPath).size / 1e6
    console.log(`Generated in ${fixed((performance.now() - t0) / 1000)} s; database file ${int(mb)} MB.`)
    const app = createApp(deps)
    const site = benchSite(7)
    const queries = benchQueries({ db: deps.db, siteId: site, key: keys[7], now: NOW })
    const results: QueryTiming[] = []
    for (const q of queries) results.push(await timeQuery(q, (r) => app.handle(r), iterations))
    const pct = (a: number, b: number) => `${fixed((a / b - 1) * 100, 0)}%`
    const rows = results.map((r) => [
      r.name,
      fixed(r.api.p50),
      fixed(r.api.p95),
      fixed(r.sql.p50),
      fixed(r.sql.p95),
      pct(r.api.p50, r.sql.p50),
      fixed(r.api.cpu),
      fixed(r.sql.cpu),
      pct(r.api.cpu, r.sql.cpu),
    ])
    console.log(
      `\nQuery times in ms over ${iterations} runs each, site ${site} (${int(events / sites)} events):\n`,
    )
    console.log(
      formatTable(
        [
          'query',
          'API p50',
          'API p95',
          'SQL p50',
          'SQL p95',
          'overhead p50',
          'API CPU',
          'SQL CPU',
          'overhead CPU',
        ],
        rows,
      ),
    )
    const worst = Math.max(...results.map((r) => r.api.p50))
    const stats = results.filter((r) => r.name.startsWith('stats '))
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    const wall = sum(stats.map((r) => r.api.p50)) / sum(stats.map((r) => r.sql.p50)) - 1
    const cpu = sum(stats.map((r) => r.api.cpu)) / sum(stats.map((r) => r.sql.cpu)) - 1
    console.log(
      `\nSlowest API p50: ${fixed(worst)} ms (goal < 150 ms). /api/v1/stats overhead over direct SQL, sum over the stats rows: ${fixed(wall * 100, 0)}% wall p50, ${fixed(cpu * 100, 0)}% CPU (goal < 20%).`,
    )
    console.log(
      'CPU = median process CPU time per call (DuckDB threads + JavaScript), steadier than wall time on a shared machine.',
    )
    return results
  } finally {
    await deps.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
