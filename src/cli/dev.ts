// `pulse dev`: a server for local development — a throwaway database (or --data-dir), a `dev` site whose
// public key works from any localhost page, a ready tracker snippet and curl call, and one terminal line
// per incoming event (`--quiet` turns the lines off).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app'
import { systemClock } from '../clock'
import { loadConfig } from '../config'
import { BUN_BODY_CAP, requestLimitBytes } from '../http/request-limit'
import { createLogger } from '../logger'
import { createServices } from '../services'
import { createKey, createSite } from '../sites/service'
import { EventLines } from './event-line'

/** Options of `runDev`. */
export interface DevOptions {
  /** Keep the database here; without it a temporary directory is used and removed on exit. */
  dataDir?: string
  quiet?: boolean
  /** Where the lines go (stdout). */
  write?: (text: string) => void
}

const SITE = 'dev'

/** Start the dev server; resolves with a `stop()` once listening. */
export async function runDev(env: Record<string, string | undefined>, o: DevOptions = {}) {
  const write = o.write ?? ((text: string) => process.stdout.write(text))
  const temp = o.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'pulse-dev-'))
  const dataDir = (o.dataDir ?? temp) as string
  const config = loadConfig({
    PULSE_LOG_LEVEL: 'warn',
    PULSE_FLUSH_INTERVAL_MS: '200',
    ...env,
    PULSE_DATA_DIR: dataDir,
    PULSE_DB_PATH: undefined,
    PULSE_ADMIN_TOKEN: env.PULSE_ADMIN_TOKEN || `dev_${crypto.randomUUID().replace(/-/g, '')}`,
  })
  const services = await createServices(config, { clock: systemClock, logger: createLogger(config.logLevel) })
  const keys = await devKeys(services, dataDir)
  const app = createApp(services, { maxRequestBytes: requestLimitBytes(config.maxBodyBytes) }).listen({
    port: config.port,
    hostname: config.host,
    reusePort: false,
    maxRequestBodySize: BUN_BODY_CAP,
  })
  const base = `http://localhost:${app.server?.port}`
  const lines = new EventLines()
  // The terminal is one more listener of the live stream (it never falls behind: writes are synchronous).
  const unsubscribe = o.quiet
    ? () => {}
    : services.hub.subscribe('pulse-dev', {
        siteId: SITE,
        filters: [],
        deliver: (event) => {
          write(`${lines.format(event)}\n`)
          return true
        },
        dropped: () => {},
      })
  write(banner(base, keys, temp === undefined ? dataDir : undefined, config.adminToken as string))
  return {
    url: base,
    keys,
    async stop() {
      unsubscribe()
      await services.close()
      await app.stop(true)
      if (temp) rmSync(temp, { recursive: true, force: true })
    },
  }
}

/** The dev site's keys: remembered in the data directory, or made now (with the site). */
async function devKeys(services: Awaited<ReturnType<typeof createServices>>, dataDir: string) {
  const file = join(dataDir, 'dev-keys.json')
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { public_key: string; secret_key: string }
    if (services.store.findKey(saved.public_key) && services.store.findKey(saved.secret_key)) return saved
  }
  let keys: { public_key: string; secret_key: string }
  if (!services.store.hasSite(SITE)) {
    const site = await createSite(services, {
      site_id: SITE,
      name: 'Local development',
      domains: ['localhost', '127.0.0.1'],
    })
    keys = { public_key: site.public_key, secret_key: site.secret_key }
  } else {
    const pk = await createKey(services, SITE, 'public')
    const sk = await createKey(services, SITE, 'secret')
    keys = { public_key: pk.key, secret_key: sk.key }
  }
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

function banner(
  base: string,
  keys: { public_key: string; secret_key: string },
  kept: string | undefined,
  admin: string,
) {
  return `PULSE dev on ${base}  (${kept ? `data in ${kept}` : 'throwaway database'}; dashboard ${base}/ ; admin token ${admin})
Site "dev": public key ${keys.public_key}  secret key ${keys.secret_key}
Tracker (any localhost page):
  <script src="${base}/tracker.js"></script>
  <script>PULSE.init({ siteId: '${SITE}', apiKey: '${keys.public_key}', endpoint: '${base}', autoTrack: true })</script>
Try:
  curl -X POST '${base}/collect?dry_run=true' -H 'Authorization: Bearer ${keys.public_key}' -H 'Content-Type: application/json' \\
    -d '{"site_id":"${SITE}","event_type":"signup","timestamp":'$(date +%s000)',"session_id":"s1","url":"${base}/"}'
  curl -N '${base}/api/v1/events/stream?site_id=${SITE}' -H 'Authorization: Bearer ${keys.secret_key}'
Events appear below as they arrive (--quiet to hide):
`
}
