// HTTP ingest benchmark: the real server (one process per durability mode) under load from a separate
// load-generator process, next to two ceilings measured in the same run: a bare Bun.serve that only parses
// the JSON, and raw DuckDB appends of the same rows. Checks at the end that every acknowledged event was
// stored exactly once (stats API while running, SQL on the file after SIGTERM).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { type CpuSnapshot, cpuPercent, cpuSnapshot } from './cpu-time'
import { formatIngest } from './ingest-report'
import type { LoadConfig, LoadResult } from './load-worker'
import { runLoadProcess, type ServerProcess, startBare, startPulse } from './processes'
import { WRITE_METHODS } from './write-methods'
import { benchBatches, measureWrite } from './writes'

/** Options of the ingest benchmark. */
export interface IngestOptions {
  quick: boolean
  durabilities: string[]
  /** Concurrent connections for single-event peak runs. */
  connections: number
  phaseMs: number
  warmupMs: number
  /** Directory for server CPU profiles (PULSE_BENCH_PROFILE=1). */
  profileDir?: string
}

/** One measured phase. */
export interface PhaseResult {
  name: string
  load: LoadResult
  server: { main: number; total: number }
  /** Time for a stats call after the phase, which first flushes every acknowledged event to DuckDB. */
  drainMs?: number
  /** Events acknowledged over the phase and written to DuckDB, per second of phase + drain. */
  storedPerSec?: number
}

/** One server's phases and its end-of-run check. */
export interface TargetResult {
  target: string
  phases: Map<string, PhaseResult>
  verify?: {
    acked: number
    statsCount: number
    storedAfterStop: number
    distinctIds: number
    exitCode: number | null
  }
}

const ADMIN = 'bench-admin-token-0123456789'
const SITE = 'site_bench'

/** Defaults from the environment: PULSE_BENCH_DURABILITY, PULSE_BENCH_CONNECTIONS, quick mode. */
export function ingestDefaults(quick: boolean): IngestOptions {
  return {
    quick,
    durabilities: (process.env.PULSE_BENCH_DURABILITY ?? 'fsync,none')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    connections: Number(process.env.PULSE_BENCH_CONNECTIONS) || 32,
    phaseMs: quick ? 1000 : 4000,
    warmupMs: quick ? 200 : 500,
    profileDir:
      process.env.PULSE_BENCH_PROFILE === '1' ? mkdtempSync(join(tmpdir(), 'pulse-prof-')) : undefined,
  }
}

let runSeq = 0

/** Run one load phase against `server`, sampling the server's CPU while it runs. */
async function phase(
  server: ServerProcess,
  name: string,
  o: IngestOptions,
  load: Partial<LoadConfig> & { token: string; eventsPerRequest: number },
  now: number,
): Promise<PhaseResult> {
  const cfg: LoadConfig = {
    host: server.host,
    port: server.port,
    path: load.eventsPerRequest === 1 ? '/collect' : '/collect/batch',
    siteId: SITE,
    mode: 'closed',
    connections: load.eventsPerRequest === 1 ? o.connections : 8,
    durationMs: o.phaseMs,
    warmupMs: o.warmupMs,
    idPrefix: `r${++runSeq}_`,
    now,
    seed: runSeq,
    ...load,
  }
  let before: CpuSnapshot | undefined
  const result = await runLoadProcess(cfg, () => {
    before = cpuSnapshot(server.pid)
  })
  const after = cpuSnapshot(server.pid)
  return {
    name,
    load: result,
    server: before ? cpuPercent(before, after) : { main: Number.NaN, total: Number.NaN },
  }
}

/** Event count (1h) from the stats API, which first flushes the buffer; NaN if the API fails. */
async function stats(server: ServerProcess, key: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/stats?site_id=${SITE}&metric=event_count&period=1h`, {
    headers: { authorization: `Bearer ${key}` },
  })
  const text = await res.text()
  if (res.status === 200) return (JSON.parse(text) as { data: { value: number } }).data.value
  console.warn(
    `stats API answered ${res.status} (${text.slice(0, 200)}); waiting for /health to show an empty buffer`,
  )
  return Number.NaN
}

/** Wait until /health reports no buffered events (the fallback drain when the stats API fails). */
async function waitForEmptyBuffer(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const h = (await (await fetch(`${server.url}/health`)).json()) as { buffer_depth?: number }
    if (h.buffer_depth === 0) return
    await Bun.sleep(10)
  }
  throw new Error('the ingest buffer did not drain within 60 s')
}

/** The bare Bun.serve ceiling: single events and batches, parse only. */
async function benchBare(o: IngestOptions, now: number): Promise<TargetResult> {
  const server = await startBare()
  try {
    const phases = new Map<string, PhaseResult>()
    for (const [name, n] of [
      ['single', 1],
      ['batch100', 100],
      ['batch1000', 1000],
    ] as const)
      phases.set(name, await phase(server, name, o, { token: 'none', eventsPerRequest: n }, now))
    return { target: 'bare Bun.serve (parse only)', phases }
  } finally {
    await server.stop()
  }
}

/** The real server in one durability mode. */
async function benchPulse(o: IngestOptions, durability: string, now: number): Promise<TargetResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-ingest-'))
  const phases = new Map<string, PhaseResult>()
  let acked = 0
  let statsCount = Number.NaN
  let failure: unknown
  const server = await startPulse({ dataDir, adminToken: ADMIN, durability, profileDir: o.profileDir })
  try {
    const res = await fetch(`${server.url}/api/v1/sites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ site_id: SITE, name: 'Benchmark' }),
    })
    if (res.status !== 201) throw new Error(`creating the site answered ${res.status}: ${await res.text()}`)
    const key = ((await res.json()) as { data: { secret_key: string } }).data.secret_key
    const run = async (name: string, load: Partial<LoadConfig> & { eventsPerRequest: number }) => {
      const p = await phase(server, name, o, { token: key, ...load }, now)
      acked += p.load.ackedEvents
      const failed = Object.entries(p.load.statuses).filter(([st]) => Number(st) >= 500 || st === '0')
      if (failed.length > 0)
        console.warn(
          `${durability}/${name}: ${failed.map(([st, k]) => `${k}× status ${st}`).join(', ')}; server output:\n${server.output().slice(-2000)}`,
        )
      if (p.load.ok === 0) throw new Error(`${durability}/${name}: no request succeeded`)
      const t0 = performance.now()
      statsCount = await stats(server, key)
      if (Number.isNaN(statsCount)) await waitForEmptyBuffer(server)
      p.drainMs = performance.now() - t0
      p.storedPerSec = p.load.ackedEvents / ((o.phaseMs + p.drainMs) / 1000)
      phases.set(name, p)
      if (!Number.isNaN(statsCount) && statsCount !== acked)
        throw new Error(`after ${name}: stats counts ${statsCount} events, the server acknowledged ${acked}`)
    }
    await run('single', { eventsPerRequest: 1 })
    await run('batch100', { eventsPerRequest: 100 })
    await run('batch1000', { eventsPerRequest: 1000 })
    const rate = Math.max(1, Math.round(phases.get('single')!.load.requestsPerSec / 2))
    await run('open', { eventsPerRequest: 1, mode: 'open', rate, connections: 16 })
  } catch (err) {
    failure = err
  }
  const exitCode = await server.stop()
  if (failure) {
    console.error(server.output())
    throw failure
  }
  const db = await openDatabase(join(dataDir, 'pulse.duckdb'))
  try {
    const [row] = await queryRows<{ n: number; ids: number }>(
      db.reader,
      'SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM events WHERE site_id = $1',
      [SITE],
    )
    return {
      target: `PULSE durability=${durability}`,
      phases,
      verify: { acked, statsCount, storedAfterStop: row.n, distinctIds: row.ids, exitCode },
    }
  } finally {
    db.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Raw DuckDB appends: the production appender (src/ingest/writer.ts) writing the same kind of rows into
 * an on-disk file in flush-sized batches, measured just before the servers run; best of two.
 */
async function rawAppendRate(quick: boolean): Promise<number> {
  const rows = quick ? 100_000 : 250_000
  const appender = WRITE_METHODS.find((m) => m.name === 'appender')!
  const batches = benchBatches({ rows, batchRows: 50_000, now: Date.now(), siteId: SITE })
  let best = 0
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    const r = await measureWrite(appender, batches)
    best = Math.max(best, rows / r.seconds)
  }
  return best
}

/** Run the whole ingest benchmark and print its table; returns the results. */
export async function runIngest(
  o: IngestOptions,
): Promise<{ targets: TargetResult[]; rawRowsPerSec: number }> {
  const now = Date.now()
  const targets: TargetResult[] = [await benchBare(o, now)]
  const rawRowsPerSec = await rawAppendRate(o.quick)
  for (const d of o.durabilities) targets.push(await benchPulse(o, d, now))
  console.log(`\n${formatIngest(targets, rawRowsPerSec, o)}\n`)
  if (o.profileDir) console.log(`Server CPU profiles (Markdown and .cpuprofile): ${o.profileDir}\n`)
  return { targets, rawRowsPerSec }
}

/** Entry point of `bun run bench --only ingest`. */
export async function run(opts: { quick?: boolean } = {}) {
  return runIngest(ingestDefaults(opts.quick ?? false))
}
