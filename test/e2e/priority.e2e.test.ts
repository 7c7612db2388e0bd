// The real server process keeps the thread that serves HTTP first for the CPU: every other thread
// (DuckDB's, the runtime's pools) runs at PULSE_WORKER_NICE (those started after the announcement, from
// the next re-check on), the main thread at the priority it was started with; PULSE_WORKER_NICE=0 leaves
// every thread alone.
import { afterEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'

let server: RunningServer | undefined
let dataDir: string | undefined
afterEach(async () => {
  await server?.stop('SIGTERM')
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Nice value of each thread of process `pid` (field 19 of /proc/<pid>/task/<tid>/stat), by thread id. */
function niceByThread(pid: number): Map<number, number> {
  const out = new Map<number, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      // Fields after the command name (in parentheses, which may hold spaces): state is field 3.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(tid, Number(fields[16]))
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out
}

describe.if(process.platform === 'linux')('thread priorities of the server', () => {
  test('every thread but the serving one runs at PULSE_WORKER_NICE', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pulse-nice-'))
    server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_WORKER_NICE: '7' })
    const pid = server.proc.pid
    // Threads the runtime starts after the announcement are lowered at the next check (every 5 s).
    const workersAt = () => [...niceByThread(pid)].filter(([tid]) => tid !== pid).map(([, n]) => n)
    const deadline = Date.now() + 8000
    while (!workersAt().every((n) => n === 7) && Date.now() < deadline) await Bun.sleep(200)
    expect(niceByThread(pid).get(pid)).toBe(0)
    expect(workersAt().length).toBeGreaterThan(0)
    expect(workersAt()).toEqual(workersAt().map(() => 7))
    // It still serves.
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
  })

  test('PULSE_WORKER_NICE=0 leaves every thread at the priority it started with', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pulse-nice-'))
    server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_WORKER_NICE: '0' })
    expect([...niceByThread(server.proc.pid).values()].every((n) => n === 0)).toBe(true)
  })
})
