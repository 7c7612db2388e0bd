// What ClickHouse support costs the binary (issue 20: at most 5% in size and start time): two builds,
// one as shipped and one without `@clickhouse/client` (the ClickHouse store is loaded only when
// PULSE_CLICKHOUSE_URL is set, so a DuckDB server starts without it either way), then the start time of
// each (exec to the first /health 200 on a fresh data directory) in interleaved runs. Usage:
//   bun test/bench/binary-clickhouse.ts [runs]
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBinary } from '../../src/binary/build'
import { fixed, formatTable } from './table'

const runs = Number(process.argv[2] ?? 11)
const dir = mkdtempSync(join(tmpdir(), 'pulse-binary-ch-'))

async function startMs(bin: string): Promise<number> {
  const data = mkdtempSync(join(tmpdir(), 'pulse-start-'))
  const port = 40_000 + Math.floor(Math.random() * 20_000)
  const t0 = performance.now()
  const proc = Bun.spawn([bin], {
    cwd: data,
    env: { PATH: '/usr/bin:/bin', PORT: String(port), HOST: '127.0.0.1', PULSE_LOG_LEVEL: 'warn' },
    stdout: 'ignore',
    stderr: 'inherit',
  })
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return performance.now() - t0
      if (proc.exitCode !== null) throw new Error(`${bin} exited with ${proc.exitCode}`)
      await Bun.sleep(2)
    }
  } finally {
    proc.kill('SIGTERM')
    await proc.exited
    rmSync(data, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

try {
  const withCh = await buildBinary({ outfile: join(dir, 'with/pulse'), workDir: join(dir, 'with-build') })
  const without = await buildBinary({
    outfile: join(dir, 'without/pulse'),
    workDir: join(dir, 'without-build'),
    leaveOut: ['@clickhouse/client'],
  })
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] }
  for (let i = 0; i < runs; i++)
    for (const which of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const))
      times[which].push(await startMs(which === 'with' ? withCh : without))
  const size = { with: Bun.file(withCh).size / 1e6, without: Bun.file(without).size / 1e6 }
  console.log(`\n## What ClickHouse support costs the binary (${runs} starts each, interleaved)\n`)
  console.log(
    formatTable(
      ['binary', 'size MB', 'start p50 ms', 'start min ms'],
      [
        [
          'without @clickhouse/client',
          fixed(size.without),
          fixed(median(times.without)),
          fixed(Math.min(...times.without)),
        ],
        ['as shipped', fixed(size.with), fixed(median(times.with)), fixed(Math.min(...times.with))],
        [
          'ratio',
          fixed(size.with / size.without, 3),
          fixed(median(times.with) / median(times.without), 3),
          '',
        ],
      ],
    ),
  )
  console.log(
    `\nCeiling: 1.05 each. Load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
