// The real server (services, app, scheduler, Bun's HTTP server) in its own process, for the kill -9 test
// of scheduled sends: its clock is the system clock plus an offset read from PULSE_TEST_CLOCK_FILE (read
// again on SIGUSR2, so the test moves time across a send), and with PULSE_TEST_PAUSE_AT=claimed|sending|sent
// the scheduler stops for good at that step of a send and prints `PAUSED <step>`, for the test to kill it
// there. Everything else is what `pulse serve` runs.
import { readFileSync } from 'node:fs'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { dueDeliveries } from '../../src/reports/deliveries'
import { createServices } from '../../src/services'

const file = process.env.PULSE_TEST_CLOCK_FILE as string
let offset = Number(readFileSync(file, 'utf8'))
process.on('SIGUSR2', () => {
  offset = Number(readFileSync(file, 'utf8'))
})
const clock = () => Date.now() + offset
const config = loadConfig(process.env)
const services = await createServices(config, { clock, logger: createLogger(config.logLevel) })
const reports = services.reports as any
const never = () => new Promise<never>(() => undefined)
const pause = async (step: string) => {
  console.log(`PAUSED ${step}`)
  return never()
}
const deliver = reports.deliver.bind(reports)
switch (process.env.PULSE_TEST_PAUSE_AT) {
  case 'claimed':
    // A pass that claimed a send stops before attempting it.
    reports.deliver = async () =>
      (await dueDeliveries(services.db, clock())).length > 0 ? pause('claimed') : deliver()
    break
  case 'sending':
    reports.opts.beforeSend = () => pause('sending')
    break
  case 'sent':
    reports.deliver = async () => {
      const r = await deliver()
      return r.sent > 0 ? pause('sent') : r
    }
}
const app = createApp(services)
app.listen({ port: 0, hostname: '127.0.0.1' })
console.log(`READY http://127.0.0.1:${app.server?.port}`)
