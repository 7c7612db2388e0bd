// `bun run bench`: the write-path micro-benchmark, the HTTP ingest benchmark, durable batch load and log
// replay (batch-load.ts), the analytics benchmark, the all-sites overview (overview.ts),
// sustained ingest with event ids, ingest with /metrics scraped every 15 s, the read-isolation and export-memory run, the long crash-safety run and
// the rate limiter under a million client addresses, in that order. `--only writes,ingest` (or
// `--only ingest --only analytics`) picks parts; PULSE_BENCH_QUICK=1 (or `--quick`) is a short smoke run.
import { existsSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { run as runBatchLoad } from './batch-load'
import { run as runCrash } from './crash'
import { run as runEnrich } from './enrich'
import { run as runImportEnrich } from './import-enrich'
import { run as runIngest } from './ingest'
import { run as runIsolation } from './isolation'
import { run as runMetricsScrape } from './metrics-scrape'
import { run as runOverview } from './overview'
import { run as runRateLimit } from './rate-limit'
import { run as runStartup } from './startup'
import { run as runSustained } from './sustained'
import { run as runWrites } from './writes'

const PARTS = [
  'writes',
  'ingest',
  'batch',
  'startup',
  'enrich',
  'import-enrich',
  'sustained',
  'metrics',
  'analytics',
  'overview',
  'isolation',
  'crash',
  'ratelimit',
] as const
type Part = (typeof PARTS)[number]

/** Parse `--only a,b`, `--only=a` and `--quick` from the command line. */
export function parseArgs(argv: string[]): { parts: Part[]; quick: boolean } {
  const only: string[] = []
  let quick = process.env.PULSE_BENCH_QUICK === '1'
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') quick = true
    else if (a === '--only') only.push(...(argv[++i] ?? '').split(','))
    else if (a.startsWith('--only=')) only.push(...a.slice(7).split(','))
    else throw new Error(`unknown argument ${a}; use --only ${PARTS.join('|')} and/or --quick`)
  }
  const bad = only.filter((p) => !PARTS.includes(p as Part))
  if (bad.length > 0) throw new Error(`unknown part ${bad.join(', ')}; parts are ${PARTS.join(', ')}`)
  return { parts: only.length > 0 ? PARTS.filter((p) => only.includes(p)) : [...PARTS], quick }
}

/**
 * How busy the machine is: load average and, on Linux, the share of time runnable tasks waited for a CPU
 * (pressure stall information). Figures from a machine where tasks wait much of the time are noise.
 */
function machineLoad(): string {
  let psi = ''
  try {
    const m = /some avg10=([\d.]+) avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))
    if (m) psi = `, CPU pressure (tasks waiting for a core) ${m[1]}% over 10 s, ${m[2]}% over 60 s`
  } catch {}
  return `${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}${psi}`
}

async function main(): Promise<void> {
  const { parts, quick } = parseArgs(process.argv.slice(2))
  const t0 = performance.now()
  console.log(`PULSE benchmark${quick ? ' (quick)' : ''}: ${parts.join(', ')} — Bun ${Bun.version}`)
  console.log(`Machine at start: ${machineLoad()}`)
  if (parts.includes('writes')) await runWrites({ quick })
  if (parts.includes('ingest')) await runIngest({ quick })
  if (parts.includes('batch')) await runBatchLoad({ quick })
  if (parts.includes('startup')) await runStartup({ quick })
  if (parts.includes('enrich')) await runEnrich({ quick })
  if (parts.includes('import-enrich')) await runImportEnrich({ quick })
  if (parts.includes('sustained')) await runSustained({ quick })
  if (parts.includes('metrics')) await runMetricsScrape({ quick })
  if (parts.includes('analytics')) {
    const file = join(import.meta.dir, 'analytics.ts')
    if (existsSync(file)) {
      const mod = (await import(file)) as {
        run: (opts?: { quick?: boolean; clickhouse?: boolean }) => Promise<unknown>
      }
      // The ClickHouse leg runs when chDB is installed (`npm run setup:chdb`); it says so when not.
      await mod.run({ quick, clickhouse: true })
    } else if (parts.length === 1) console.log('No analytics benchmark yet (test/bench/analytics.ts).')
  }
  if (parts.includes('overview')) await runOverview({ quick })
  if (parts.includes('isolation')) await runIsolation({ quick })
  if (parts.includes('crash')) await runCrash({ quick })
  if (parts.includes('ratelimit')) await runRateLimit({ quick })
  console.log(`Machine at end: ${machineLoad()}`)
  console.log(`Benchmark done in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
}

if (import.meta.main) {
  main()
    .then(() => process.exit(0))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
