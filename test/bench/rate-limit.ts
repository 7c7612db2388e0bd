// The per-IP rate limiter under a million distinct client addresses in one minute (issue 9, defect 5).
// Direct: calls into the limiter with a simulated clock (1M addresses over 60 simulated seconds), sampling
// throughput and live heap to the end. HTTP: the real server behind one trusted proxy
// (PULSE_TRUSTED_PROXIES=1), every request from a new X-Forwarded-For address, sampling requests/s and
// the server's RSS every second. PULSE_BENCH_RATE_BASELINE=<git revision> runs both against that
// revision's code too (e.g. the commit before the fix), measured the same way in the same run.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../../src/clock'
import { BUN, ROOT } from './processes'
import { runHttpFlood } from './rate-limit-http'
import { fixed, formatTable, int } from './table'

interface Limiter {
  take(id: string): { allowed: boolean }
}
type LimiterClass = new (perMinute: number, clock: () => number) => Limiter

/** One sample of the direct run. */
interface DirectSample {
  addresses: number
  perSec: number
  heapMb: number
}

/** A source tree to measure: this checkout, or a revision extracted into a temporary directory. */
interface Tree {
  name: string
  root: string
}

/** Extract `rev`'s `src/` (and package.json) into a temporary directory that shares node_modules. */
function extractRevision(rev: string): Tree {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-baseline-'))
  const tar = execFileSync('git', ['archive', rev, 'src', 'package.json', 'tsconfig.json'], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return { name: `baseline ${rev}`, root: dir }
}

const ipOf = (i: number) => `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`

/**
 * Take one token for each of `total` distinct addresses over 60 s of simulated clock; a sample every
 * 50k addresses or every wall-clock second, whichever comes first; gives up after `budgetMs`.
 */
async function runDirect(Cls: LimiterClass, total: number, budgetMs: number) {
  const clock = manualClock(0)
  const limiter = new Cls(600, clock)
  Bun.gc(true)
  const heap0 = process.memoryUsage().heapUsed
  const samples: DirectSample[] = []
  const start = performance.now()
  let sliceStart = start
  let sliceFrom = 0
  let i = 0
  for (; i < total; i++) {
    clock.set(Math.floor((i * 60_000) / total))
    limiter.take(`site_bench|${ipOf(i)}`)
    if ((i & 255) !== 255) continue
    const now = performance.now()
    if (i + 1 - sliceFrom < 50_000 && now - sliceStart < 1000) continue
    samples.push({ addresses: i + 1, perSec: ((i + 1 - sliceFrom) / (now - sliceStart)) * 1000, heapMb: 0 })
    Bun.gc(true)
    samples[samples.length - 1].heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6
    if (now - start > budgetMs) {
      i++
      break
    }
    sliceStart = performance.now()
    sliceFrom = i + 1
  }
  return { done: i, seconds: (performance.now() - start) / 1000, samples }
}

function summarise(rates: number[]): string {
  if (rates.length === 0) return '–'
  const sorted = [...rates].sort((a, b) => a - b)
  return `${int(sorted[0])} / ${int(sorted[Math.floor(sorted.length / 2)])} / ${int(sorted[sorted.length - 1])}`
}

/** Run the direct and HTTP scenarios on this checkout (and a baseline revision, if asked). */
export async function run({ quick = false }: { quick?: boolean } = {}): Promise<void> {
  const total = 1_000_000
  const budgetMs = quick ? 10_000 : 30_000
  const httpSeconds = quick ? 8 : 30
  const trees: Tree[] = [{ name: 'this checkout', root: ROOT }]
  const rev = process.env.PULSE_BENCH_RATE_BASELINE
  if (rev) trees.unshift(extractRevision(rev))
  console.log(
    `\nRate limiter: ${int(total)} distinct client addresses in 60 s of simulated clock (direct calls, ` +
      `limit 600/min, budget ${budgetMs / 1000} s each), then real HTTP for ${httpSeconds} s with a new ` +
      'X-Forwarded-For address on every request',
  )
  const direct: (string | number)[][] = []
  const http: (string | number)[][] = []
  try {
    for (const tree of trees) {
      // Each tree in its own process, so one run's garbage never counts in another's heap.
      const proc = Bun.spawn(
        [
          BUN,
          import.meta.path,
          '--direct',
          join(tree.root, 'src/http/rate-limit.ts'),
          String(total),
          String(budgetMs),
        ],
        { cwd: ROOT, stdout: 'pipe', stderr: 'inherit' },
      )
      const r = JSON.parse(
        (await new Response(proc.stdout).text()).trim().split('\n').pop() ?? '{}',
      ) as Awaited<ReturnType<typeof runDirect>>
      const last = r.samples[r.samples.length - 1]
      const tail = r.samples.filter((s) => s.addresses > 150_000).map((s) => s.perSec)
      direct.push([
        tree.name,
        `${int(r.done)}${r.done < total ? ' (budget hit)' : ''}`,
        fixed(r.seconds, 1),
        summarise(r.samples.map((s) => s.perSec)),
        summarise(tail),
        fixed(Math.max(...r.samples.map((s) => s.heapMb)), 0),
        fixed(last?.heapMb ?? Number.NaN, 0),
      ])
      if (process.env.PULSE_BENCH_VERBOSE === '1')
        for (const s of r.samples)
          console.log(`  ${tree.name}: ${int(s.addresses)} ${int(s.perSec)}/s ${fixed(s.heapMb)} MB`)
    }
    console.log(
      formatTable(
        [
          'direct calls',
          'addresses done',
          'wall s',
          'takes/s min / median / max',
          'same past 150k addresses',
          'peak heap MB',
          'heap MB at end',
        ],
        direct,
      ),
    )
    for (const tree of trees) {
      const r = await runHttpFlood({ root: tree.root, seconds: httpSeconds })
      const rates = r.samples.slice(1).map((s) => s.perSec)
      http.push([
        tree.name,
        int(r.requests),
        summarise(rates),
        fixed(Math.max(...r.samples.map((s) => s.rssMb)), 0),
        fixed(r.samples[r.samples.length - 1]?.rssMb ?? Number.NaN, 0),
        Object.entries(r.statuses)
          .map(([k, v]) => `${k}: ${int(v)}`)
          .join(', '),
      ])
      if (process.env.PULSE_BENCH_VERBOSE === '1')
        for (const s of r.samples)
          console.log(`  ${tree.name}: ${s.second}s ${int(s.perSec)}/s RSS ${fixed(s.rssMb)} MB`)
    }
    console.log(
      formatTable(
        [
          'HTTP, new address per request',
          'requests',
          'req/s per second min / median / max',
          'peak RSS MB',
          'RSS MB at end',
          'statuses',
        ],
        http,
      ),
    )
  } finally {
    for (const t of trees) if (t.root !== ROOT) rmSync(t.root, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  if (process.argv[2] === '--direct') {
    const [, , , file, total, budget] = process.argv
    const mod = (await import(file)) as { RateLimiter: LimiterClass }
    console.log(JSON.stringify(await runDirect(mod.RateLimiter, Number(total), Number(budget))))
  } else await run({ quick: process.env.PULSE_BENCH_QUICK === '1' })
}
