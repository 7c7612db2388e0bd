// Restarts across a scheduled send, with a real server process: the test clock is moved across a weekly
// digest's send time, the process is killed with SIGKILL when the send is claimed, being sent (marked
// `sending`, not yet handed to SMTP) or sent, and a new process on the same data directory sends each due
// digest exactly once (an in-process SMTP server counts the arrivals).
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Spawned, spawnUntil } from '../helpers/server'
import { startSmtp } from './helpers'

const ADMIN = 'restart-kill-admin-token-0123456'
const DUE = Date.UTC(2026, 10, 23, 8, 0, 0) // Monday 09:00 in Berlin: a weekly digest's send
const ROOT = join(import.meta.dir, '../..')
let smtp: Awaited<ReturnType<typeof startSmtp>>
beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(() => smtp.close())

async function start(dir: string, at: number, pauseAt?: string): Promise<Spawned & { url: string }> {
  const clockFile = join(dir, 'clock')
  writeFileSync(clockFile, String(at - Date.now()))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PULSE_DATA_DIR: join(dir, 'data'),
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_LOG_LEVEL: 'error',
    PULSE_REPORTS_TICK_MS: '100',
    PULSE_TEST_CLOCK_FILE: clockFile,
    ...smtp.env(),
    ...(pauseAt ? { PULSE_TEST_PAUSE_AT: pauseAt } : {}),
  }
  const s = await spawnUntil(
    [process.execPath, 'test/reports/clock-server.ts'],
    { cwd: ROOT, env },
    /READY (\S+)/,
  )
  return { ...s, url: /READY (\S+)/.exec(s.out())?.[1] ?? '' }
}

/** Move a running server's clock to `at`. */
function moveClock(s: Spawned, dir: string, at: number) {
  writeFileSync(join(dir, 'clock'), String(at - Date.now()))
  s.proc.kill('SIGUSR2')
}

const api = (url: string, path: string, body?: unknown) =>
  fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await Bun.sleep(50)
  }
}

const received = (email: string) => smtp.mails.filter((m) => (m.to as any)?.text === email).length

for (const step of ['claimed', 'sending', 'sent'] as const)
  test(`kill -9 when the send is ${step}, then a restart: the digest arrives exactly once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-restart-kill-'))
    const email = `kill-${step}@example.com`
    try {
      const first = await start(dir, DUE - 60_000, step)
      expect((await api(first.url, '/api/v1/sites', { site_id: 'shop' })).status).toBe(201)
      const digest = { email, frequency: 'weekly', hour: 9, timezone: 'Europe/Berlin' }
      expect((await api(first.url, '/api/v1/sites/shop/digests', digest)).status).toBe(201)
      moveClock(first, dir, DUE + 1000)
      await until(`PAUSED ${step}`, () => first.out().includes(`PAUSED ${step}`))
      expect(received(email)).toBe(step === 'sent' ? 1 : 0)
      first.proc.kill('SIGKILL')
      await first.proc.exited

      const second = await start(dir, DUE + 60_000)
      try {
        await until('the digest', () => received(email) >= 1)
        // Later passes (every 100 ms) send nothing more, and the deliveries log shows one send.
        await until('the deliveries log', async () => {
          const list = (await (await api(second.url, '/api/v1/sites/shop/deliveries')).json()) as any
          return list.data.length === 1 && list.data[0].status === 'sent'
        })
        await Bun.sleep(600)
        expect(received(email)).toBe(1)
      } finally {
        second.proc.kill('SIGKILL')
        await second.proc.exited
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
