// The long crash run: the suite's kill -9 test (test/e2e/crash.e2e.test.ts) with many more rounds.
// Every acknowledged event must be stored exactly once; prints the test's summary line.
import { join } from 'node:path'

/** Run the crash test with `rounds` rounds (quick: 5, else 40). */
export async function run({ quick = false }: { quick?: boolean } = {}): Promise<boolean> {
  const rounds = quick ? 5 : 40
  console.log(`\nCrash safety: ${rounds} rounds of open-loop load and kill -9 (durability=fsync)`)
  const root = join(import.meta.dir, '..', '..')
  const proc = Bun.spawn([process.execPath, 'test', 'test/e2e/crash.e2e.test.ts', '--timeout', '900000'], {
    cwd: root,
    env: { ...process.env, PULSE_CRASH_ROUNDS: String(rounds) },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [out, err] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()])
  const code = await proc.exited
  const summary = `${out}\n${err}`.split('\n').find((l) => l.startsWith('crash:'))
  console.log(summary ?? '(no summary line)')
  console.log(
    code === 0
      ? 'PASS: every acknowledged event stored exactly once'
      : `FAIL (exit ${code})\n${err.slice(-2000)}`,
  )
  return code === 0
}

if (import.meta.main) await run({ quick: process.env.PULSE_BENCH_QUICK === '1' })
