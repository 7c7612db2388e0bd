// Write-path micro-benchmark: the same realistic event rows written into an on-disk DuckDB file with the
// real migrations by each candidate method (write-methods.ts), in flush-sized batches. Reports rows/s and
// the CPU time each method takes on the JavaScript thread, which is the thread that also serves HTTP.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../src/db/migrate'
import { openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { mainThreadCpuMs, processCpuMs } from './cpu-time'
import { makeEvents, toRowBatches, toRows } from './events'
import { fixed, formatTable, int, pct } from './table'
import { stopWorker, WRITE_METHODS, type WriteMethodSpec } from './write-methods'

/** Options of the write benchmark. */
export interface WritesOptions {
  rows: number
  batchRows: number
  /** Each method runs this many times; the best run is reported. */
  rounds: number
  /** Method names to run (default all). */
  methods?: string[]
}

/** One method's best run. */
export interface WriteResult {
  name: string
  label: string
  rows: number
  seconds: number
  rowsPerSec: number
  /** CPU µs per row on the JavaScript thread. */
  jsUsPerRow: number
  /** CPU µs per row over all threads of the process (DuckDB's own threads included). */
  cpuUsPerRow: number
}

/** Default sizes: full run, or a smoke run. */
export function writesDefaults(quick: boolean): WritesOptions {
  return {
    rows: Number(process.env.PULSE_BENCH_WRITE_ROWS) || (quick ? 50_000 : 500_000),
    batchRows: 50_000,
    rounds: quick ? 1 : 2,
  }
}

const CHECK_SQL =
  'SELECT count(*) AS n, sum(ts) AS ts, count(user_id) AS users, count(properties) AS props, sum(length(url)) AS url_len, count(DISTINCT event_id) AS ids, sum(event_key)::DOUBLE AS keys, sum(length(properties)) AS props_len FROM events'

/** Flush-sized batches of realistic rows (one site, or 20 when `siteId` is not given). */
export function benchBatches(opts: {
  rows: number
  batchRows: number
  now: number
  siteId?: string
  seed?: number
}) {
  const events = makeEvents(opts.rows, {
    siteId: opts.siteId ?? 'site',
    now: opts.now,
    seed: opts.seed,
    sites: opts.siteId ? 1 : 20,
  })
  return toRowBatches(toRows(events), opts.batchRows, opts.now)
}

/** Write `batches` with `method` into a fresh on-disk database; returns timings and a content checksum. */
export async function measureWrite(
  method: Pick<WriteMethodSpec, 'write'>,
  batches: ReturnType<typeof benchBatches>,
): Promise<{ seconds: number; jsMs: number; cpuMs: number; checksum: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-write-'))
  const db = await openDatabase(join(dir, 'bench.duckdb'))
  try {
    await migrate(db.writer)
    Bun.gc(true)
    const js0 = mainThreadCpuMs()
    const cpu0 = processCpuMs()
    const t0 = performance.now()
    for (let i = 0; i < batches.length; i++) await method.write(db, batches[i], db.loadDir)
    const seconds = (performance.now() - t0) / 1000
    const jsMs = mainThreadCpuMs() - js0
    const cpuMs = processCpuMs() - cpu0
    const [c] = await queryRows<Record<string, number>>(db.reader, CHECK_SQL)
    return { seconds, jsMs, cpuMs, checksum: JSON.stringify(c) }
  } finally {
    await stopWorker()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Run every method (best of `rounds`); throws if any stored different rows than the others. */
export async function measureWrites(opts: WritesOptions): Promise<WriteResult[]> {
  const methods = WRITE_METHODS.filter((m) => !opts.methods || opts.methods.includes(m.name))
  const best = new Map<string, WriteResult>()
  const checksums = new Map<string, string>()
  const batches = benchBatches({ ...opts, now: Date.now() })
  for (let round = 0; round < opts.rounds; round++) {
    for (const m of methods) {
      const r = await measureWrite(m, batches)
      if (m.checked !== false) checksums.set(m.name, r.checksum)
      const result: WriteResult = {
        name: m.name,
        label: m.label,
        rows: opts.rows,
        seconds: r.seconds,
        rowsPerSec: opts.rows / r.seconds,
        jsUsPerRow: (r.jsMs * 1000) / opts.rows,
        cpuUsPerRow: (r.cpuMs * 1000) / opts.rows,
      }
      const prev = best.get(m.name)
      if (!prev || result.rowsPerSec > prev.rowsPerSec) best.set(m.name, result)
    }
  }
  const distinct = new Set(checksums.values())
  if (distinct.size > 1)
    throw new Error(`write methods stored different rows: ${JSON.stringify(Object.fromEntries(checksums))}`)
  return methods.map((m) => best.get(m.name)!)
}

/** The results as a table, with the fastest method and the JS-thread budget per 100k events/s. */
export function formatWrites(results: WriteResult[], opts: WritesOptions): string {
  const fastest = results.reduce((a, b) => (b.rowsPerSec > a.rowsPerSec ? b : a))
  const appender = results.find((r) => r.name === 'appender')
  const rows = results.map((r) => [
    r.label,
    int(r.rowsPerSec),
    appender ? `${fixed(r.rowsPerSec / appender.rowsPerSec, 2)}×` : '–',
    fixed(r.jsUsPerRow, 2),
    pct((r.jsUsPerRow * 100_000) / 1e6),
    fixed(r.cpuUsPerRow, 2),
  ])
  return [
    `Write paths: ${int(opts.rows)} rows into an on-disk DuckDB file (real migrations), flush batches of ${int(opts.batchRows)}, best of ${opts.rounds}`,
    formatTable(
      [
        'method',
        'rows/s',
        'vs appender',
        'JS-thread µs/row',
        'JS thread at 100k ev/s',
        'all-thread CPU µs/row',
      ],
      rows,
    ),
    `Fastest: ${fastest.label.replace(/^\(.\) /, '')}${appender && fastest !== appender ? `, ${fixed(fastest.rowsPerSec / appender.rowsPerSec, 2)}× the appender's rows/s` : ''}. All methods stored identical rows (checked; the worker writes its own file).`,
  ].join('\n')
}

/** Entry point of `bun run bench --only writes`. */
export async function run(opts: { quick?: boolean } = {}): Promise<WriteResult[]> {
  const o = writesDefaults(opts.quick ?? false)
  const results = await measureWrites(o)
  console.log(`\n${formatWrites(results, o)}\n`)
  return results
}
