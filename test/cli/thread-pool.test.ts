// The `pulse` command gives itself the worker pool it needs (src/cli/thread-pool.ts): started with an
// empty environment, `pulse serve` and `pulse dev` run with UV_THREADPOOL_SIZE set, in the same process
// (execve), log no pool warning, and signals and exit codes are the server's own. The compiled binary:
// test/binary/binary.test.ts.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadPoolEnv } from '../../src/cli/thread-pool'
import { spawnUntil } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const root = mkdtempSync(join(tmpdir(), 'pulse-pool-'))
const procs: { kill(sig?: NodeJS.Signals): void; exitCode: number | null }[] = []
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

const POOL_WARNING = 'worker thread pool too small'

describe('threadPoolEnv', () => {
  const target = Math.max(availableParallelism(), 3 + 5)
  test('sizes an unset pool for the read limits, and keeps a size the operator set', () => {
    expect(threadPoolEnv({})?.UV_THREADPOOL_SIZE).toBe(String(target))
    expect(threadPoolEnv({ A: 'b' })).toEqual({ UV_THREADPOOL_SIZE: String(target), A: 'b' })
    expect(threadPoolEnv({ UV_THREADPOOL_SIZE: '2' })).toBeUndefined()
    expect(threadPoolEnv({ UV_THREADPOOL_SIZE: String(target) })).toBeUndefined()
    expect(threadPoolEnv({ UV_THREADPOOL_SIZE: '64' })).toBeUndefined()
    const more = Math.max(availableParallelism(), 20 + 5)
    expect(threadPoolEnv({ PULSE_READ_CONCURRENCY: '20' })?.UV_THREADPOOL_SIZE).toBe(String(more))
  })

  test('an invalid configuration starts nothing again (the command reports it)', () => {
    expect(threadPoolEnv({ PULSE_READ_CONCURRENCY: 'many' })).toBeUndefined()
  })
})

/** Start `bun src/cli.ts …args` with an empty environment; wait until stdout matches `ready`. */
async function start(args: string[], ready: RegExp) {
  const s = await spawnUntil([process.execPath, 'src/cli.ts', ...args], { cwd: ROOT, env: {} }, ready)
  procs.push(s.proc)
  return s
}

/** The environment of a running process, as the kernel holds it. */
const environOf = (pid: number) =>
  Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  )

describe.skipIf(process.platform !== 'linux')('started with an empty environment', () => {
  test('pulse serve: the pool is set in the same process, no warning; SIGINT drains and exits 0', async () => {
    const s = await start(
      ['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', join(root, 'serve')],
      /PULSE \S+ on http/,
    )
    expect(Number(environOf(s.proc.pid).UV_THREADPOOL_SIZE)).toBeGreaterThanOrEqual(8)
    s.proc.kill('SIGINT')
    expect(await s.proc.exited).toBe(0)
    expect(s.err()).toContain('"signal":"SIGINT"')
    expect(s.err()).toContain('stopped;')
    expect(s.err()).not.toContain(POOL_WARNING)
  }, 30_000)

  test('pulse dev: no warning; SIGTERM stops it with exit 0', async () => {
    const s = await start(['dev', '--port', '0', '--quiet'], /PULSE dev on http/)
    expect(Number(environOf(s.proc.pid).UV_THREADPOOL_SIZE)).toBeGreaterThanOrEqual(8)
    s.proc.kill('SIGTERM')
    expect(await s.proc.exited).toBe(0)
    expect(s.err()).not.toContain(POOL_WARNING)
  }, 30_000)

  test("exit codes are the command's own", () => {
    const run = (args: string[]) =>
      Bun.spawnSync([process.execPath, 'src/cli.ts', ...args], { cwd: ROOT, env: {} })
    expect(run(['sites', 'list', '--data-dir', join(root, 'none')]).exitCode).toBe(4)
    expect(run(['frobnicate']).exitCode).toBe(2)
    expect(run(['version']).exitCode).toBe(0)
  })
})
