// The all-sites overview benchmark (issue 25): PULSE_BENCH_EVENTS (default 10 000 000) events over 100
// sites (analytics-dataset.ts, site_00 holding half, cached under .bench-cache/), then p50/p95 of
// GET /api/v1/overview for the dashboard's usual periods through the app (`app.handle`), next to the
// 300 ms ceiling, and with fragment reads off (the events path) for comparison.
// Run alone with `bun test/bench/overview.ts` (add `--quick` for a short run) or `bun run bench --only overview`.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type App, createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { copyDataset, ensureDataset } from './analytics-dataset'
import { fixed, formatTable, int } from './table'

const ADMIN = 'bench-admin-token-0123456789'
const NOW = Date.UTC(2026, 10, 20, 12)
/** The ceiling for 100 sites on the 10M-event data. */
export const CEILING_MS = 300
const PERIODS = ['24h', '7d', '30d', 'month'] as const

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

async function time(app: App, period: string, n: number) {
  const call = async () => {
    const res = await app.handle(
      new Request(`http://localhost/api/v1/overview?period=${period}&timezone=Europe/Berlin`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      }),
    )
    if (res.status !== 200) throw new Error(`overview ${period}: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as { data: { sites: unknown[] } }
    if (body.data.sites.length !== 100) throw new Error(`overview ${period}: ${body.data.sites.length} sites`)
  }
  await call()
  const xs: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await call()
    xs.push(performance.now() - t)
  }
  return { p50: percentile(xs, 50), p95: percentile(xs, 95) }
}

/** Run the benchmark and print its table. */
export async function run(opts: { quick?: boolean } = {}) {
  const events = Number(process.env.PULSE_BENCH_EVENTS) || (opts.quick ? 200_000 : 10_000_000)
  const n = opts.quick ? 3 : 9
  const shape = { events, sites: 100, days: 35, now: NOW, seed: 1 }
  console.log(`\n## All-sites overview on ${int(events)} events (100 sites, ${shape.days} days)\n`)
  const data = await ensureDataset(join(import.meta.dir, '..', '..', '.bench-cache'), shape)
  const dir = mkdtempSync(join(tmpdir(), 'pulse-overview-bench-'))
  const dbPath = join(dir, 'bench.duckdb')
  copyDataset(data.path, dbPath)
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DATA_DIR: dir,
    PULSE_DB_PATH: dbPath,
    PULSE_LOG_LEVEL: 'silent',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_QUERY_TIMEOUT_MS: '300000',
  })
  const deps = await createServices(config, {
    clock: manualClock(NOW),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  try {
    const app = createApp(deps)
    const events = createApp({ ...deps, readOptions: { fragments: false } })
    const rows: string[][] = []
    for (const period of PERIODS) {
      const a = await time(app, period, n)
      const b = await time(events, period, n)
      rows.push([period, fixed(a.p50), fixed(a.p95), a.p50 <= CEILING_MS ? 'yes' : 'no', fixed(b.p50)])
    }
    console.log(formatTable(['period', 'p50 ms', 'p95 ms', `≤ ${CEILING_MS} ms`, 'events path p50 ms'], rows))
    console.log(
      `Machine: load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.`,
    )
  } finally {
    await deps.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
