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

/** One query's timings, in ms. */
export interface QueryTiming {
  name: string
  api: { p50: number; p95: number }
  sql: { p50: number; p95: number }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

async function sample(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/** Time one query both ways; API and direct runs alternate in rounds so load drifts hit both alike. */
async function timeQuery(q: BenchQuery, handle: (r: Request) => Promise<Response>, n: number) {
  const api = async () => {
    const res = await handle(q.request())
    if (res.status !== 200) throw new Error(`${q.name}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  const rounds = 3
  const a: { p50: number; p95: number }[] = []
  const s: { p50: number; p95: number }[] = []
  for (let r = 0; r < rounds; r++) {
    a.push(await sample(Math.ceil(n / rounds), api))
    s.push(await sample(Math.ceil(n / rounds), q.direct))
  }
  const mid = (xs: number[]) => percentile(xs, 50)
  return {
    name: q.name,
    api: { p50: mid(a.map((x) => x.p50)), p95: Math.max(...a.map((x) => x.p95)) },
    sql: { p50: mid(s.map((x) => x.p50)), p95: Math.max(...s.map((x) => x.p95)) },
  }
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
    const rows = results.map((r) => [
      r.name,
      fixed(r.api.p50),
      fixed(r.api.p95),
      fixed(r.sql.p50),
      fixed(r.sql.p95),
      `${fixed((r.api.p50 / r.sql.p50 - 1) * 100, 0)}%`,
    ])
    console.log(
      `\nQuery times in ms over ${iterations} runs each, site ${site} (${int(events / sites)} events):\n`,
    )
    console.log(
      formatTable(['query', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'API overhead (p50)'], rows),
    )
    const worst = Math.max(...results.map((r) => r.api.p50))
    const stats = results.filter((r) => r.name.startsWith('stats '))
    const overhead = stats.reduce((s, r) => s + r.api.p50, 0) / stats.reduce((s, r) => s + r.sql.p50, 0) - 1
    console.log(
      `\nSlowest API p50: ${fixed(worst)} ms (goal < 150 ms). /api/v1/stats overhead over direct SQL (sum of p50s): ${fixed(overhead * 100, 0)}% (goal < 20%).`,
    )
    return results
  } finally {
    await deps.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
