// Start the real PULSE server as a child process on a free port, read its start-up banner, stop it by PID.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Subprocess } from 'bun'

export interface RunningServer {
  proc: Subprocess<'ignore', 'pipe', 'pipe'>
  url: string
  /** Everything the server printed on stdout so far. */
  output(): string
  /** Everything the server printed on stderr (its log) so far. */
  log(): string
  /** Send a signal and wait for exit; returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

const ROOT = new URL('../..', import.meta.url).pathname

/**
 * The server command: `bun src/index.ts` from the checkout, or `PULSE_TEST_SERVER_CMD` (e.g. the compiled
 * `dist/pulse`, run from an empty directory so it cannot lean on the checkout).
 */
function serverCommand(): { cmd: string[]; cwd: string } {
  const custom = process.env.PULSE_TEST_SERVER_CMD?.trim()
  if (!custom) return { cmd: [process.execPath, 'src/index.ts'], cwd: ROOT }
  return { cmd: custom.split(/\s+/), cwd: mkdtempSync(join(tmpdir(), 'pulse-cwd-')) }
}

/** Spawn the server with `env` (PORT defaults to 0 = any free port) and wait until it listens. */
export async function startServer(env: Record<string, string>, timeoutMs = 20_000): Promise<RunningServer> {
  const { cmd, cwd } = serverCommand()
  const ready = /PULSE \S+ on (http:\/\/\S+)/
  const { proc, out, err } = await spawnUntil(
    cmd,
    {
      cwd,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PULSE_LOG_LEVEL: 'warn', ...env } as Record<
        string,
        string
      >,
    },
    ready,
    timeoutMs,
  )
  const url = ready.exec(out())?.[1] ?? ''
  return {
    proc,
    url: url.replace('localhost', '127.0.0.1'),
    output: out,
    log: err,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal)
      return proc.exited
    },
  }
}

/** Read a stream to its end, passing each decoded chunk to `onText`. */
export async function drain(
  stream: ReadableStream<Uint8Array>,
  onText: (text: string) => void,
): Promise<void> {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    onText(decoder.decode(value, { stream: true }))
  }
}

/** A spawned process whose output is collected as it comes. */
export interface Spawned {
  proc: Subprocess<'ignore', 'pipe', 'pipe'>
  out(): string
  err(): string
}

/**
 * Spawn `cmd` (in `cwd`, with exactly `env`) and wait until its stdout matches `ready`; throws with what it
 * printed if it exits first or takes longer than `timeoutMs`.
 */
export async function spawnUntil(
  cmd: string[],
  opts: { cwd: string; env: Record<string, string> },
  ready: RegExp,
  timeoutMs = 20_000,
): Promise<Spawned> {
  const proc = Bun.spawn(cmd, {
    cwd: opts.cwd,
    env: opts.env,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  let out = ''
  let err = ''
  drain(proc.stdout, (t) => {
    out += t
  })
  drain(proc.stderr, (t) => {
    err += t
  })
  const deadline = Date.now() + timeoutMs
  while (!ready.test(out)) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`not ready (exit ${proc.exitCode}): ${out}${err}`)
    }
    await Bun.sleep(20)
  }
  return { proc, out: () => out, err: () => err }
}
