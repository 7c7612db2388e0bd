// Start time of the compiled binary: from exec to the first `/health` 200, on a fresh empty data
// directory each run (first start: token, migrations, demo site). Usage:
//   bun test/bench/binary-start.ts [path/to/pulse] [runs]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const bin = resolve(process.argv[2] ?? 'dist/pulse')
const runs = Number(process.argv[3] ?? 11)
const times: number[] = []
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-start-'))
  const port = 40_000 + Math.floor(Math.random() * 20_000)
  const t0 = performance.now()
  const proc = Bun.spawn([bin], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', PORT: String(port), HOST: '127.0.0.1', PULSE_LOG_LEVEL: 'warn' },
    stdout: 'ignore',
    stderr: 'inherit',
  })
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (proc.exitCode !== null) throw new Error(`exited with ${proc.exitCode}`)
    await Bun.sleep(2)
  }
  times.push(performance.now() - t0)
  proc.kill('SIGTERM')
  await proc.exited
  rmSync(dir, { recursive: true, force: true })
}
times.sort((a, b) => a - b)
const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0)
console.log(
  `exec → /health 200 on an empty data dir, ${runs} runs: min ${pick(0)} ms, p50 ${pick(0.5)} ms, max ${pick(1)} ms`,
)
