// Visitor salts are deleted 48 h after their day began even when no event arrives: the services' purge
// timer checks the injected clock, on a real in-memory database with the real migrations.
import { afterEach, expect, test } from 'bun:test'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices, type Services } from '../../src/services'
import { T0 } from '../helpers/app'

const DAY = 86_400_000
let services: Services | undefined
afterEach(async () => {
  await services?.close()
  services = undefined
})

async function storedDays(s: Services): Promise<string[]> {
  await s.enrichment.salts.settled()
  const r = await s.db.reader.runAndReadAll('SELECT day FROM visitor_salts ORDER BY day')
  return r.getRows().map((row) => String(row[0]))
}

/** Wait (without a deadline of its own: the test timeout is the limit) until `check` holds. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await Bun.sleep(5)
}

test('with no events at all, the salts are gone once their 48 hours are over', async () => {
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: 'x'.repeat(24),
    PULSE_DB_PATH: ':memory:',
    PULSE_LOG_LEVEL: 'silent',
  })
  const clock = manualClock(T0)
  services = await createServices(config, {
    clock,
    logger: createLogger('silent'),
    autoFlush: false,
    saltPurgeCheckMs: 5,
  })
  const s = services
  expect(await storedDays(s)).toEqual(['2026-11-20'])
  // The next day: the 20th's salt is yesterday's, still kept (an id made before midnight stays valid).
  clock.set(Date.UTC(2026, 10, 21, 12))
  await Bun.sleep(20)
  expect(await storedDays(s)).toEqual(['2026-11-20'])
  // 48 h after the 20th began, no event has come: the timer deletes it all the same.
  clock.set(Date.UTC(2026, 10, 22, 0, 0, 1))
  await eventually(async () => (await storedDays(s)).length === 0)
  expect(s.enrichment.salts.days()).toEqual([])
  // A later event makes a fresh salt of its own day.
  s.enrichment.salts.saltFor(clock())
  expect(await storedDays(s)).toEqual(['2026-11-22'])
})

test('the purge timer stops on close', async () => {
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: 'x'.repeat(24),
    PULSE_DB_PATH: ':memory:',
    PULSE_LOG_LEVEL: 'silent',
  })
  const clock = manualClock(T0)
  const s = await createServices(config, {
    clock,
    logger: createLogger('silent'),
    autoFlush: false,
    saltPurgeCheckMs: 5,
  })
  await s.close()
  // Closed: moving the clock on deletes nothing through a closed database (no error is logged or thrown).
  clock.advance(3 * DAY)
  await Bun.sleep(20)
  expect(s.enrichment.salts.days()).toEqual(['2026-11-20'])
})
