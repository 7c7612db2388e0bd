// A second server on a port already in use (issue 9, defect 9): it must refuse to start with a clear
// message and a non-zero exit, instead of sharing the port (SO_REUSEPORT) and taking half the traffic.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { drain, type RunningServer, startServer } from '../helpers/server'

const dirs = [mkdtempSync(join(tmpdir(), 'pulse-port-a-')), mkdtempSync(join(tmpdir(), 'pulse-port-b-'))]
let first: RunningServer | undefined
afterAll(async () => {
  await first?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

test('a second server with another data directory refuses a port in use and exits non-zero', async () => {
  const admin = 'port-test-admin-token-0123456789'
  first = await startServer({ PULSE_DATA_DIR: dirs[0], PULSE_ADMIN_TOKEN: admin })
  const port = new URL(first.url).port
  const second = Bun.spawn([process.execPath, 'src/index.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      PULSE_DATA_DIR: dirs[1],
      PULSE_ADMIN_TOKEN: admin,
      PULSE_LOG_LEVEL: 'warn',
    },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  })
  let out = ''
  void drain(second.stdout, (t) => {
    out += t
  })
  void drain(second.stderr, (t) => {
    out += t
  })
  const deadline = Date.now() + 20_000
  while (second.exitCode === null && !/PULSE \S+ on http/.test(out) && Date.now() < deadline)
    await Bun.sleep(25)
  const started = /PULSE \S+ on http/.test(out)
  if (second.exitCode === null) second.kill('SIGKILL')
  const code = await second.exited
  expect(started).toBe(false)
  expect(code).not.toBe(0)
  expect(out).toContain(`port ${port} on 127.0.0.1 is already in use`)
  // The first server still answers every request.
  for (let i = 0; i < 5; i++) expect((await fetch(`${first.url}/health`)).status).toBe(200)
})
