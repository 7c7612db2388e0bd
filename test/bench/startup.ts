// Start-up on a large database, next to its ceiling in the same run: the real server (`bun src/index.ts`)
// from exec to the first `/health` 200, against a bare Bun process that opens the same DuckDB file, runs
// one query and answers `/health` from `Bun.serve` — the least any server on this file can do. Runs
// alternate so machine noise hits both; medians are compared.
//
// The database is a copy of the analytics data set (10M events by default: 20 sites, 35 days; cached under
// `.bench-cache/`, git-ignored), whose last day is moved to the present and given event ids, because
// start-up reads the event ids of the last 24 hours (`event_key`).
//   bun test/bench/startup.ts [--quick]      (PULSE_BENCH_STARTUP_EVENTS=… to change the size)
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/open'
import { copyDataset, ensureDataset } from './analytics-dataset'
import { processCpuMs } from './cpu-time'
import { BUN, ROOT } from './processes'

const DAY_MS = 86_400_000
const ADMIN = 'bench-admin-token-0123456789'

/** End of the cached analytics data set (the same file `bun run bench --only analytics` uses). */
const DATASET_NOW = Date.UTC(2026, 10, 20, 12)

/**
 * A data directory holding a copy of the cached analytics data set (analytics-dataset.ts: 20 sites, 35
 * days, in arrival order, derived tables built), whose last day is moved to the present and given event
 * ids, as the SDK's events carry: start-up then has a full day of fingerprints to remember.
 */
export async function benchDatabase(events: number): Promise<string> {
  const shape = { events, sites: 20, days: 35, now: DATASET_NOW, seed: 1 }
  const data = await ensureDataset(join(ROOT, '.bench-cache'), shape)
  if (data.built) console.log(`built ${events.toLocaleString()} events in ${data.seconds.toFixed(1)} s`)
  const dir = join(ROOT, 'data', 'bench-cache', `startup-${events}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'pulse.duckdb')
  copyDataset(data.path, file)
  const now = Date.now()
  const db = await openDatabase(file)
  try {
    await db.writer.run(
      `UPDATE events SET event_id = 'e' || hash(site_id, session_id, ts), event_key = (hash(site_id, session_id, ts) >> 11)::BIGINT, received_at = received_at + $2 WHERE received_at >= $1`,
      [BigInt(DATASET_NOW - DAY_MS), BigInt(now - DATASET_NOW)],
    )
    await db.writer.run('CHECKPOINT')
  } finally {
    db.close()
  }
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

/**
 * Milliseconds from exec to the first `/health` 200 of `cmd`, and the CPU time the process had used by
 * then (less sensitive than wall time to other processes on a busy machine); stops it afterwards.
 */
async function timeStart(
  cmd: string[],
  env: Record<string, string>,
  port: number,
): Promise<{ ms: number; cpuMs: number }> {
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
      if (ok) return { ms: performance.now() - t0, cpuMs: processCpuMs(proc.pid) }
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
  const binary = process.env.PULSE_BENCH_BINARY ?? join(ROOT, 'dist/pulse')
  const targets: Record<string, string[]> = { bare: [BUN, bareFile], pulse: [BUN, 'src/index.ts'] }
  // The single-file binary (`npm run build`), when built: bundled, so it loads no module tree.
  if (existsSync(binary)) targets.binary = [binary, 'serve']
  const times: Record<string, number[]> = {}
  const cpu: Record<string, number[]> = {}
  const port = () => 40_000 + Math.floor(Math.random() * 20_000)
  const envOf = (k: string) => (k === 'bare' ? { ...base, DB: db } : pulseEnv)
  // One unmeasured start each: the file's pages and Bun's module cache warm up alike.
  for (const k of Object.keys(targets)) {
    await timeStart(targets[k], envOf(k), port())
    times[k] = []
    cpu[k] = []
  }
  const names = Object.keys(targets)
  for (let i = 0; i < runs; i++)
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]
      const t = await timeStart(targets[k], envOf(k), port())
      times[k].push(t.ms)
      cpu[k].push(t.cpuMs)
    }
  rmSync(bareFile, { force: true })
  const bare = median(times.bare)
  const pulse = median(times.pulse)
  const ratio = pulse / bare
  console.log(
    `\nStart-up on ${events.toLocaleString()} events (exec → /health 200, median of ${runs}, load ${loadavg()[0].toFixed(1)})`,
  )
  const cpuRatio = median(cpu.pulse) / median(cpu.bare)
  console.log('| server | median ms | × bare | CPU ms by then (median) | runs (ms) |')
  console.log('|---|---|---|---|---|')
  const label: Record<string, string> = {
    bare: 'bare Bun + DuckDB open of the file',
    pulse: 'PULSE `bun src/index.ts`',
    binary: `PULSE binary \`${binary.replace(ROOT, '')} serve\``,
  }
  for (const k of names)
    console.log(
      `| ${label[k]} | ${median(times[k]).toFixed(0)} | ${(median(times[k]) / bare).toFixed(2)} | ${median(cpu[k]).toFixed(0)} | ${times[k].map((t) => t.toFixed(0)).join(' ')} |`,
    )
  console.log(
    `GOAL start-up ≤ 1.5× bare: ${ratio.toFixed(2)}× ${ratio <= 1.5 ? '✓' : '✗'} (CPU time ${cpuRatio.toFixed(2)}×)` +
      (times.binary ? `; binary ${(median(times.binary) / bare).toFixed(2)}×` : ''),
  )
  return { bare, pulse, ratio, cpuRatio }
}

if (import.meta.main) run({ quick: process.argv.includes('--quick') }).then(() => process.exit(0))
