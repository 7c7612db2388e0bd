// Start-up on a large database, next to its ceiling in the same run: the real server (`bun src/index.ts`)
// from exec to the first `/health` 200, against a bare Bun process that opens the same DuckDB file, runs
// one query and answers `/health` from `Bun.serve` — the least any server on this file can do. Runs
// alternate so machine noise hits both; medians are compared.
//
// The database (10M events by default: 20 sites, 35 days, built by `generateBenchEvents`) is cached under
// `data/bench-cache/` (git-ignored) and rebuilt when older than 12 hours, because start-up reads the event
// ids of the last 24 hours (`event_key`), which the build gives every event of that day.
//   bun test/bench/startup.ts [--quick]      (PULSE_BENCH_STARTUP_EVENTS=… to change the size)
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../src/db/migrate'
import { MIGRATIONS } from '../../src/db/migrations'
import { openDatabase } from '../../src/db/open'
import { createSite } from '../../src/sites/service'
import { SiteStore } from '../../src/sites/store'
import { generateBenchEvents } from './analytics-data'
import { BUN, ROOT } from './processes'

const DAY_MS = 86_400_000
const ADMIN = 'bench-admin-token-0123456789'

/** Build (or reuse) the cached database; returns its data directory. */
export async function benchDatabase(events: number): Promise<string> {
  const dir = join(ROOT, 'data', 'bench-cache', `startup-${events}`)
  const file = join(dir, 'pulse.duckdb')
  if (existsSync(file) && Date.now() - statSync(file).mtimeMs < DAY_MS / 2) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const t0 = performance.now()
  const now = Date.now()
  const db = await openDatabase(file)
  try {
    // The generator writes the first release's twelve columns: apply the migrations around it.
    await migrate(db.writer, MIGRATIONS.slice(0, 1))
    await generateBenchEvents(db, { events, sites: 20, now, days: 35 })
    await migrate(db.writer)
    // Every event of the last day carries an event id and its fingerprint, as the SDK's events do.
    await db.writer.run(
      `UPDATE events SET event_id = 'e' || hash(site_id, session_id, ts), event_key = (hash(site_id, session_id, ts) >> 11)::BIGINT WHERE received_at >= $1`,
      [BigInt(now - DAY_MS)],
    )
    const deps = { db, store: new SiteStore(db), buffer: { flush: async () => undefined }, clock: () => now }
    for (let i = 0; i < 20; i++)
      await createSite(deps, { site_id: `site_${String(i).padStart(2, '0')}`, name: `Site ${i}` })
    await db.writer.run('CHECKPOINT')
  } finally {
    db.close()
  }
  console.log(
    `built ${events.toLocaleString()} events in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`,
  )
  return dir
}

/** The ceiling: Bun + DuckDB opening the file, one query, `/health` answered by Bun.serve. */
const BARE = `
import { DuckDBInstance } from '@duckdb/node-api'
const db = await DuckDBInstance.create(process.env.DB)
const conn = await db.connect()
await conn.run('SELECT count(*) FROM sites')
Bun.serve({ hostname: '127.0.0.1', port: Number(process.env.PORT), fetch: () => Response.json({ status: 'ok' }) })
`

/** Milliseconds from exec to the first `/health` 200 of `cmd`; stops it (SIGTERM) afterwards. */
async function timeStart(cmd: string[], env: Record<string, string>, port: number): Promise<number> {
  const t0 = performance.now()
  const proc = Bun.spawn(cmd, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdout: 'ignore',
    stderr: 'pipe',
  })
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return performance.now() - t0
      if (proc.exitCode !== null)
        throw new Error(
          `${cmd.join(' ')} exited with ${proc.exitCode}: ${await new Response(proc.stderr).text()}`,
        )
      await Bun.sleep(2)
    }
  } finally {
    proc.kill('SIGTERM')
    await proc.exited
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Run the comparison; prints and returns the medians and their ratio. */
export async function run(opts: { quick?: boolean } = {}) {
  const events = Number(process.env.PULSE_BENCH_STARTUP_EVENTS) || (opts.quick ? 1_000_000 : 10_000_000)
  const runs = opts.quick ? 3 : 7
  const dir = await benchDatabase(events)
  const db = join(dir, 'pulse.duckdb')
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' }
  const pulseEnv = {
    ...base,
    HOST: '127.0.0.1',
    PULSE_DATA_DIR: dir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_LOG_LEVEL: 'warn',
  }
  const bareFile = join(dir, 'bare-open.ts')
  await Bun.write(bareFile, BARE)
  const times = { bare: [] as number[], pulse: [] as number[] }
  const port = () => 40_000 + Math.floor(Math.random() * 20_000)
  // One unmeasured start each: the file's pages and Bun's module cache warm up alike.
  await timeStart([BUN, bareFile], { ...base, DB: db }, port())
  await timeStart([BUN, 'src/index.ts'], pulseEnv, port())
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? (['pulse', 'bare'] as const) : (['bare', 'pulse'] as const)
    for (const which of order)
      times[which].push(
        which === 'bare'
          ? await timeStart([BUN, bareFile], { ...base, DB: db }, port())
          : await timeStart([BUN, 'src/index.ts'], pulseEnv, port()),
      )
  }
  rmSync(bareFile, { force: true })
  const bare = median(times.bare)
  const pulse = median(times.pulse)
  const ratio = pulse / bare
  console.log(
    `\nStart-up on ${events.toLocaleString()} events (exec → /health 200, median of ${runs}, load ${loadavg()[0].toFixed(1)})`,
  )
  console.log('| server | median ms | runs (ms) |')
  console.log('|---|---|---|')
  console.log(
    `| bare Bun + DuckDB open of the file | ${bare.toFixed(0)} | ${times.bare.map((t) => t.toFixed(0)).join(' ')} |`,
  )
  console.log(`| PULSE serve | ${pulse.toFixed(0)} | ${times.pulse.map((t) => t.toFixed(0)).join(' ')} |`)
  console.log(`GOAL start-up ≤ 1.5× bare: ${ratio.toFixed(2)}× ${ratio <= 1.5 ? '✓' : '✗'}`)
  return { bare, pulse, ratio }
}

if (import.meta.main) run({ quick: process.argv.includes('--quick') }).then(() => process.exit(0))
