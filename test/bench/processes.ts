// Child processes of the ingest benchmark: the real PULSE server, the bare-Bun ceiling server and load
// generator runs, each its own process, started with Bun.spawn and stopped by PID with SIGTERM.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Subprocess } from 'bun'
import type { LoadConfig, LoadResult } from './load-worker'

export const ROOT = new URL('../..', import.meta.url).pathname
const LOCAL_BUN = join(ROOT, 'node_modules/.bin/bun')
/** The pinned Bun binary (what `npm start` uses), else the one running this script. */
export const BUN = existsSync(LOCAL_BUN) ? LOCAL_BUN : process.execPath

/** A started server. */
export interface ServerProcess {
  pid: number
  host: string
  port: number
  url: string
  /** SIGTERM, wait for exit; returns the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>
  /** Everything printed so far (stdout and stderr). */
  output(): string
}

async function collect(stream: ReadableStream<Uint8Array>, onText: (t: string) => void): Promise<void> {
  const decoder = new TextDecoder()
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    onText(decoder.decode(value, { stream: true }))
  }
}

async function startProcess(
  cmd: string[],
  env: Record<string, string | undefined>,
  listening: RegExp,
  cwd = ROOT,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const proc: Subprocess<'ignore', 'pipe', 'pipe'> = Bun.spawn(cmd, {
    cwd,
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  let out = ''
  void collect(proc.stdout, (t) => {
    out += t
  })
  void collect(proc.stderr, (t) => {
    out += t
  })
  const deadline = Date.now() + timeoutMs
  let port: number | undefined
  while (port === undefined) {
    const m = listening.exec(out)
    if (m) port = Number(m[1])
    else if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`${cmd.join(' ')} did not start (exit ${proc.exitCode}):\n${out}`)
    } else await Bun.sleep(20)
  }
  return {
    pid: proc.pid,
    host: '127.0.0.1',
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop(graceMs = 15_000) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs)
      const code = await proc.exited
      clearTimeout(timer)
      return code
    },
  }
}

/** Options of `startPulse`. */
export interface PulseOptions {
  dataDir: string
  adminToken: string
  durability: string
  /** Write a CPU profile (Markdown and .cpuprofile) of the server into this directory on exit. */
  profileDir?: string
  /** More environment variables (they override the defaults, e.g. to turn rate limits on). */
  env?: Record<string, string>
  /** Run the server from this source tree (another revision), not this checkout. */
  root?: string
}

/** Start the real server (`bun src/index.ts`) on a free port with rate limits off (unless `env` turns them on). */
export function startPulse(o: PulseOptions): Promise<ServerProcess> {
  const prof = o.profileDir ? ['--cpu-prof', '--cpu-prof-md', `--cpu-prof-dir=${o.profileDir}`] : []
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PULSE_DATA_DIR: o.dataDir,
    PULSE_DB_PATH: undefined,
    PULSE_ADMIN_TOKEN: o.adminToken,
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_IP_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_LOG_LEVEL: 'warn',
    PULSE_DURABILITY: o.durability,
    ...o.env,
  }
  return startProcess([BUN, ...prof, 'src/index.ts'], env, /PULSE \S+ on http:\/\/[^:\s]+:(\d+)/, o.root)
}

/** Start the bare `Bun.serve` ceiling server on a free port. */
export function startBare(): Promise<ServerProcess> {
  return startProcess(
    [BUN, join(ROOT, 'test/bench/bare-server.ts')],
    { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    /listening (\d+)/,
  )
}

/** Run one load phase in its own process; `onReady` fires when its connections are open. */
export async function runLoadProcess(cfg: LoadConfig, onReady: () => void): Promise<LoadResult> {
  const proc = Bun.spawn([BUN, join(ROOT, 'test/bench/load-worker.ts'), JSON.stringify(cfg)], {
    cwd: ROOT,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  let out = ''
  let ready = false
  await collect(proc.stdout, (t) => {
    out += t
    if (!ready && out.includes('READY\n')) {
      ready = true
      onReady()
    }
  })
  const code = await proc.exited
  const last = out.trim().split('\n').pop() ?? ''
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`load generator failed (exit ${code}): ${out}\n${await new Response(proc.stderr).text()}`)
  return JSON.parse(last) as LoadResult
}
