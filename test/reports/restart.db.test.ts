// Restarts across a scheduled send, on a real DuckDB file: the process dies (the database dropped with
// no shutdown) after the claim, during the send (marked `sending`), or after it is sent; the restarted
// server sends each due digest exactly once.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { manualClock } from '../../src/clock'
import { ADMIN_TOKEN, bootOnDir } from '../helpers/app'
import { startSmtp } from './helpers'

const DUE = Date.UTC(2026, 10, 23, 8, 0, 0) // Monday 09:00 Berlin
let smtp: Awaited<ReturnType<typeof startSmtp>>
beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(() => smtp.close())

type Booted = Awaited<ReturnType<typeof bootOnDir>>
const clockOf = (b: Booted) => b.deps.clock as ReturnType<typeof manualClock>

async function setUp(dir: string, email: string): Promise<Booted> {
  const b = await bootOnDir(dir, { ...smtp.env(), PULSE_LOG_LEVEL: 'silent' })
  await b.app.handle(
    new Request('http://localhost/api/v1/sites', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ site_id: 'shop' }),
    }),
  )
  const res = await b.app.handle(
    new Request('http://localhost/api/v1/sites/shop/digests', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, frequency: 'weekly', hour: 9, timezone: 'Europe/Berlin' }),
    }),
  )
  expect(res.status).toBe(201)
  clockOf(b).set(DUE)
  return b
}

async function restartAndTick(dir: string): Promise<void> {
  const b = await bootOnDir(dir, { ...smtp.env(), PULSE_LOG_LEVEL: 'silent' })
  clockOf(b).set(DUE + 60_000)
  await b.deps.reports.tick()
  await b.deps.reports.tick()
  await b.deps.close()
}

const received = (email: string) => smtp.mails.filter((m) => (m.to as any).text === email)

for (const step of ['claimed', 'sending', 'sent'] as const)
  test(`a crash when the send is ${step} and a restart: the digest arrives once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-reports-'))
    const email = `${step}@example.com`
    try {
      const b = await setUp(dir, email)
      if (step === 'claimed') await b.deps.reports.claimDue()
      if (step === 'sending') {
        await b.deps.reports.claimDue()
        // Die between marking the attempt `sending` and sending it.
        ;(b.deps.reports as any).opts.beforeSend = async () => {
          b.crash()
          throw new Error('killed')
        }
        await b.deps.reports.deliver().catch(() => undefined)
      }
      if (step === 'sent') await b.deps.reports.tick()
      const before = received(email).length
      expect(before).toBe(step === 'sent' ? 1 : 0)
      if (step !== 'sending') b.crash()
      await restartAndTick(dir)
      expect(received(email)).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
