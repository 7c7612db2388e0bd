// Analytics benchmark (issue 13): the seeded data set of PULSE_BENCH_EVENTS (default 10 000 000) events
// (analytics-dataset.ts, cached under .bench-cache/), then p50/p95 of every query of one 30-day dashboard
// view and of the issue's six, through the app (`app.handle`: routing, auth, parsing, flush check, SQL,
// shaping, JSON), each next to the 150 ms ceiling and to a hand-written SQL reference, same run.
// Run alone with `bun test/bench/analytics.ts` (add `--quick` for a short run) or from `bun run bench`.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type App, createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { copyDataset, datasetSite, ensureDataset } from './analytics-dataset'
import { type BenchQuery, benchQueries } from './analytics-queries'
import { fixed, formatTable, int } from './table'

const ADMIN = 'bench-admin-token-0123456789'
const NOW = Date.UTC(2026, 10, 20, 12)

/** Options of the analytics benchmark. */
export interface AnalyticsBenchOptions {
  quick?: boolean
  events?: number
  iterations?: number
  /**
   * Also on ClickHouse (chDB, `npm run setup:chdb`): the same events copied by `pulse migrate
   * clickhouse`, every query timed through the app on it and its answer compared with DuckDB's.
   */
  clickhouse?: boolean
}

/** One query's timings, in ms: wall-clock p50/p95, and the median CPU time of the process per call. */
export interface QueryTiming {
  name: string
  /** Through the app on the events path (the read path before issue 13). */
  before: Stats
  api: Stats
  sql: Stats
  /** The app's answer (its body), to compare engines. */
  answer: string
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
 * Time one query three ways, rotating the order call by call so that load from other processes hits all
 * alike: through the app on the events path (fragment reads off: the read path before issue 13), through
 * the app as it is, and the hand-written reference SQL.
 */
async function timeQuery(q: BenchQuery, apps: { before: App; after: App }, n: number) {
  const answer = await (await apps.after.handle(q.request())).text()
  const api = (app: App) => async () => {
    const res = await app.handle(q.request())
    if (res.status !== 200) throw new Error(`${q.name}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  const fns = [api(apps.before), api(apps.after), q.direct]
  for (const f of fns) await f()
  const xs: { wall: number; cpu: number }[][] = [[], [], []]
  for (let i = 0; i < n; i++)
    for (let j = 0; j < 3; j++) {
      const which = (i + j) % 3
      xs[which].push(await measure(fns[which]))
    }
  const stats = (ys: { wall: number; cpu: number }[]): Stats => ({
    p50: percentile(
      ys.map((y) => y.wall),
      50,
    ),
    p95: percentile(
      ys.map((y) => y.wall),
      95,
    ),
    cpu: percentile(
      ys.map((y) => y.cpu),
      50,
    ),
  })
  return { name: q.name, before: stats(xs[0]), api: stats(xs[1]), sql: stats(xs[2]), answer }
}

function statsOf(ys: number[]): Stats {
  return { p50: percentile(ys, 50), p95: percentile(ys, 95), cpu: 0 }
}

/** The ceiling of issue 13: every dashboard and API query over 30 days of the 5M-event site, p50. */
export const CEILING_MS = 150

/** Run the benchmark and print its table; returns the timings. */
export async function run(opts: AnalyticsBenchOptions = {}): Promise<QueryTiming[]> {
  const events =
    opts.events ?? (Number(process.env.PULSE_BENCH_EVENTS) || (opts.quick ? 200_000 : 10_000_000))
  const iterations = opts.iterations ?? (opts.quick ? 3 : 5)
  const shape = { events, sites: 20, days: 35, now: NOW, seed: 1 }
  console.log(
    `\n## Analytics queries on ${int(events)} events (${shape.sites} sites, site_00 holding half, ${shape.days} days, arrival order, on-disk DuckDB)\n`,
  )
  const cache = join(import.meta.dir, '..', '..', '.bench-cache')
  const data = await ensureDataset(cache, shape)
  console.log(
    data.built
      ? `Data set generated in ${fixed(data.seconds)} s, cached as ${data.path}.`
      : `Data set from the cache: ${data.path}.`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'pulse-analytics-bench-'))
  const dbPath = join(dir, 'bench.duckdb')
  copyDataset(data.path, dbPath)
  console.log(`Database file ${int(statSync(dbPath).size / 1e6)} MB.`)
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DATA_DIR: dir,
    PULSE_DB_PATH: dbPath,
    PULSE_LOG_LEVEL: 'silent',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    // The events path takes seconds on a loaded machine: time it rather than cut it off.
    PULSE_QUERY_TIMEOUT_MS: '300000',
  })
  const deps = await createServices(config, {
    clock: manualClock(NOW),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  let closed = false
  try {
    const app = createApp(deps)
    // The same services with fragment reads off: the events path (the read path before issue 13).
    const before = createApp({ ...deps, readOptions: { fragments: false } })
    const site = datasetSite(0)
    // The dashboard's Goals card needs goals: an event goal, a page goal with `*` and one with a property.
    for (const goal of [
      { name: 'Signup', kind: 'event', event_type: 'signup' },
      { name: 'Docs', kind: 'page', page_path: '/docs*' },
      {
        name: 'Pro purchase',
        kind: 'event',
        event_type: 'purchase',
        property_key: 'plan',
        property_value: 'pro',
      },
    ]) {
      const res = await app.handle(
        new Request(`http://localhost/api/v1/sites/${site}/goals`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify(goal),
        }),
      )
      if (res.status !== 200 && res.status !== 201) throw new Error(`goal ${goal.name}: ${await res.text()}`)
    }
    const n = Number(
      (
        await deps.db.reader.runAndReadAll('SELECT count(*) FROM events WHERE site_id = $1', [site])
      ).getRows()[0][0],
    )
    const queries = benchQueries({ db: deps.db, siteId: site, token: ADMIN, now: NOW })
    const results: (QueryTiming & { issue?: boolean })[] = []
    for (const q of queries) {
      const r = await timeQuery(q, { before, after: app }, iterations)
      results.push({ ...r, issue: q.issue })
      console.log(
        `  ${q.name}: before ${fixed(r.before.p50)}, after ${fixed(r.api.p50)}, reference ${fixed(r.sql.p50)} ms`,
      )
    }
    const rows = results.map((r) => [
      `${r.name}${r.issue ? ' *' : ''}`,
      fixed(r.before.p50),
      fixed(r.api.p50),
      fixed(r.api.p95),
      String(CEILING_MS),
      r.api.p50 <= CEILING_MS ? 'yes' : `no (${fixed(r.api.p50 / CEILING_MS)}×)`,
      fixed(r.sql.p50),
      fixed(r.api.p50 / r.sql.p50),
      fixed(r.api.cpu),
    ])
    console.log(
      `\nQuery times in ms over ${iterations} runs each, 30 days (7 for the hourly series) of site ${site} (${int(n)} events); * = the six queries of issue 13; before = this app with fragment reads off (the events path of main); reference = hand-written SQL over events; same run:\n`,
    )
    console.log(
      formatTable(
        [
          'query',
          'before p50',
          'after p50',
          'after p95',
          'ceiling',
          'met',
          'reference SQL p50',
          'after / reference',
          'after CPU',
        ],
        rows,
      ),
    )
    const worst = results.reduce((a, b) => (b.api.p50 > a.api.p50 ? b : a))
    const met = results.filter((r) => r.api.p50 <= CEILING_MS).length
    console.log(
      `\n${met} of ${results.length} queries at or under ${CEILING_MS} ms p50; slowest ${worst.name} ${fixed(worst.api.p50)} ms. Machine: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
    )
    console.log(
      'CPU = median process CPU time per call (DuckDB threads + JavaScript), steadier than wall time.',
    )
    await deps.close()
    closed = true
    if (opts.clickhouse) await clickhouseLeg(dir, dbPath, queries, results, iterations)
    return results
  } finally {
    if (!closed) await deps.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * An answer as compared across engines: raw-event pages order ties of one timestamp by each engine's
 * row id, so their cursor differs and the events are compared as a set.
 */
function comparable(text: string): string {
  const body = JSON.parse(text) as { data?: { events?: unknown[]; next_cursor?: unknown } }
  if (body.data?.events) {
    body.data.events = body.data.events.map((e) => JSON.stringify(e)).sort()
    delete body.data.next_cursor
  }
  return JSON.stringify(body)
}

/**
 * The same queries on ClickHouse (chDB in `dir`): the DuckDB file's events copied by `pulse migrate
 * clickhouse` (sites and goals stay in the DuckDB file, as in production), each query timed through the
 * app on it, its answer compared with DuckDB's, and the ratio per query. Run after the DuckDB leg (one
 * file cannot be open twice), on the same machine in the same run.
 */
async function clickhouseLeg(
  dir: string,
  dbPath: string,
  queries: BenchQuery[],
  duck: QueryTiming[],
  iterations: number,
): Promise<void> {
  const { chdbInstalled } = await import('../../src/events/clickhouse/client')
  if (!chdbInstalled()) {
    console.log('\nClickHouse leg skipped: chDB is not installed (`npm run setup:chdb`).')
    return
  }
  const { migrateToClickHouse } = await import('../../src/cli/migrate-clickhouse')
  const env = {
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DATA_DIR: dir,
    PULSE_DB_PATH: dbPath,
    PULSE_LOG_LEVEL: 'silent',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_QUERY_TIMEOUT_MS: '300000',
    PULSE_CLICKHOUSE_URL: `chdb:${join(dir, 'clickhouse')}`,
    PULSE_CLICKHOUSE_DATABASE: 'pulse_bench',
  }
  const config = loadConfig(env)
  const t0 = performance.now()
  const code = await migrateToClickHouse(config, true)
  if (code !== 0) throw new Error(`pulse migrate clickhouse exited ${code}`)
  const loadSeconds = (performance.now() - t0) / 1000
  const deps = await createServices(config, {
    clock: manualClock(NOW),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  try {
    const app = createApp(deps)
    const rows: string[][] = []
    let identical = 0
    for (const q of queries) {
      const d = duck.find((r) => r.name === q.name) as QueryTiming
      const answer = await (await app.handle(q.request())).text()
      const same = answer === d.answer || comparable(answer) === comparable(d.answer)
      if (same) identical++
      const ys: number[] = []
      for (let i = 0; i < iterations; i++) {
        const t = performance.now()
        const res = await app.handle(q.request())
        if (res.status !== 200) throw new Error(`${q.name} on ClickHouse: ${res.status} ${await res.text()}`)
        await res.arrayBuffer()
        ys.push(performance.now() - t)
      }
      const ch = statsOf(ys)
      console.log(
        `  ${q.name}: DuckDB ${fixed(d.api.p50)}, ClickHouse ${fixed(ch.p50)} ms${same ? '' : ' (answer differs)'}`,
      )
      rows.push([
        q.name,
        fixed(d.api.p50),
        fixed(ch.p50),
        fixed(ch.p95),
        fixed(ch.p50 / d.api.p50),
        same ? 'yes' : 'NO',
      ])
    }
    console.log(
      `\n### The same queries on ClickHouse (chDB ${'in process'}, events copied by \`pulse migrate clickhouse\` in ${fixed(loadSeconds)} s), ${iterations} runs each, same run:\n`,
    )
    console.log(
      formatTable(
        ['query', 'DuckDB p50', 'ClickHouse p50', 'ClickHouse p95', 'ClickHouse / DuckDB', 'same answer'],
        rows,
      ),
    )
    console.log(
      `\n${identical} of ${queries.length} answers identical (byte for byte; a raw-event page's events as a set, its cursor left out: ties of one timestamp follow each engine's row ids). Machine: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
    )
  } finally {
    await deps.close()
  }
}

if (import.meta.main)
  await run({ quick: process.argv.includes('--quick'), clickhouse: process.argv.includes('--clickhouse') })
