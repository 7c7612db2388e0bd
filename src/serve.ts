// Start-up, top to bottom in this one file: read the configuration → settle the admin token (a first
// start generates one) → build the services (services.ts: open DuckDB, migrate, lock file access down,
// open and replay the write-ahead log, buffer, supervisor, limiters, read gate) → on a first start, a
// demo site → the app (app.ts: the feature plugins behind the error funnel) → listen → announce → on
// SIGTERM/SIGINT refuse new requests, drain the buffer and close (`services.close()`). What start-up can
// leave for later (recent event ids, the GeoIP file) starts once the server listens.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { localUrl, writeServerFile } from './admin/server-file'
import { type App, createApp, VERSION } from './app'
import { systemClock } from './clock'
import { type Config, ConfigError, loadConfig } from './config'
import { describeDbError } from './db/failure'
import { BUN_BODY_CAP, requestLimitBytes } from './http/request-limit'
import { createLogger, type Logger } from './logger'
import { servingThreadFirst } from './priority'
import { createServices, type Services } from './services'
import { randomId } from './sites/keys'
import type { CreatedSite } from './sites/model'
import { listSites } from './sites/repo'
import { createSite, type SiteServiceDeps } from './sites/service'

/** The demo site a first start creates. */
export const DEMO_SITE_ID = 'site_abc123'

/** The admin token in use, and whether this start generated it (and where it is kept). */
interface AdminToken {
  token: string
  generated: boolean
  file?: string
}

/** Start the server with configuration from `env` (CLI flags are merged into it by the caller). */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<void> {
  const loaded = loadConfigOrExit(env)
  const logger = createLogger(loaded.logLevel)
  const admin = resolveAdminToken(loaded)
  const config: Config = { ...loaded, adminToken: admin.token }
  const services = await createServices(config, { clock: systemClock, logger, deferBackground: true })
  const demo = await ensureDemoSite(services, admin)
  const app = createApp(services, { maxRequestBytes: requestLimitBytes(config.maxBodyBytes) })
  await listenOrExit(app, services, config)
  services.startBackground()
  servingThreadFirst(config.workerNice, logger)
  // Handlers first: a supervisor may send SIGTERM the moment it reads "listening".
  drainOnSignals(app, services, config, logger)
  announce(app, config, logger, admin, demo)
}

/** The configuration from `env`; a bad setting ends the process with exit code 2 and the reason. */
function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`PULSE cannot start: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
}

/** The admin token to use: from config, else from `<dataDir>/admin-token`, else newly generated there. */
export function resolveAdminToken(config: Config): AdminToken {
  if (config.adminToken) return { token: config.adminToken, generated: false }
  const file = join(config.dataDir, 'admin-token')
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file }
  mkdirSync(config.dataDir, { recursive: true })
  const token = randomId('adm_', 24)
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return { token, generated: true, file }
}

/**
 * On a first start without `PULSE_ADMIN_TOKEN` (the admin token was generated just now) and a database
 * with no sites, create the demo site, so a newcomer can copy the seed's curl calls and see them work;
 * returns its keys for the banner. A start with an admin token is a production start: no demo site, no
 * keys printed.
 */
export async function ensureDemoSite(
  deps: SiteServiceDeps,
  admin: { generated: boolean },
): Promise<CreatedSite | undefined> {
  if (!admin.generated) return undefined
  if ((await listSites(deps.db)).length > 0) return undefined
  return createSite(deps, { site_id: DEMO_SITE_ID, name: 'Demo site' })
}

/** Listen on the configured port; a port in use closes the services and ends the process (exit 1). */
async function listenOrExit(app: App, services: Services, config: Config): Promise<void> {
  try {
    // Elysia turns on SO_REUSEPORT by default: a second server on the same port would then silently
    // take half of the connections. Without it, a port in use is an error at start.
    app.listen({
      port: config.port,
      hostname: config.host,
      reusePort: false,
      // The app applies the request limit itself (its 413 carries the error envelope; Bun's is bare).
      maxRequestBodySize: BUN_BODY_CAP,
    })
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err
    await services.close()
    console.error(
      `PULSE cannot start: port ${config.port} on ${config.host} is already in use by another process; stop it or set PORT to a free port`,
    )
    process.exit(1)
  }
}

/** Tell the CLI (server file), the log and the terminal (banner) where the server listens. */
function announce(
  app: App,
  config: Config,
  logger: Logger,
  admin: AdminToken,
  demo: CreatedSite | undefined,
): void {
  const port = app.server?.port
  // Tells the CLI where this server listens (see admin/server-file.ts). A full or read-only disk must not
  // stop a server that is otherwise up: the CLI then opens the database itself, and is told it is in use.
  try {
    writeServerFile(config.dataDir, { url: localUrl(config.host, port ?? config.port), version: VERSION })
  } catch (err) {
    logger.warn('server file not written: the CLI cannot find this server', { cause: describeDbError(err) })
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  logger.info('PULSE listening', { version: VERSION, url: base, db: config.dbPath })
  banner(base, admin, demo)
}

/** On SIGTERM or SIGINT: refuse new requests, drain and close the services, stop the server, exit. */
function drainOnSignals(app: App, services: Services, config: Config, logger: Logger): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    // From now on every request but /health answers 503 with Retry-After (the listener stays open, so
    // clients get an answer, not a reset); acknowledgements in progress finish, then the buffer drains.
    services.lifecycle.draining = true
    logger.info('shutting down: refusing new requests, writing buffered events', {
      signal,
      buffered: services.buffer.depth,
      timeoutMs: config.shutdownTimeoutMs,
    })
    try {
      const report = await services.close()
      await app.stop(true)
      if (report.lost > 0) {
        logger.error('shutdown lost acknowledged events', { ...report })
        process.exit(1)
      }
      logger.info(
        report.leftInLog > 0
          ? 'stopped; events not yet in the database stay in the write-ahead log and are written at the next start'
          : 'stopped; every acknowledged event is in the database',
        { ...report },
      )
      process.exit(0)
    } catch (err) {
      logger.error('shutdown failed', { error: (err as Error).message })
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

function banner(base: string, admin: AdminToken, demo: CreatedSite | undefined): void {
  const lines = [`PULSE ${VERSION} on ${base}  (API docs: ${base}/openapi)`]
  if (admin.generated) lines.push(`Admin token (saved in ${admin.file}): ${admin.token}`)
  else if (admin.file) lines.push(`Admin token: in ${admin.file}`)
  if (demo) {
    lines.push(
      `Demo site ${demo.site_id} is ready. Keys (shown only now):`,
      `  public key: ${demo.public_key}`,
      `  secret key: ${demo.secret_key}`,
      'Try it:',
      `  curl -X POST ${base}/collect -H "Content-Type: application/json" -H "Authorization: Bearer ${demo.secret_key}" \\`,
      `    -d '{"site_id":"${demo.site_id}","event_type":"page_view","timestamp":'$(date +%s000)',"session_id":"session_123","url":"https://example.com","device_type":"desktop"}'`,
      `  curl "${base}/api/v1/stats?site_id=${demo.site_id}&metric=event_count" -H "Authorization: Bearer ${demo.secret_key}"`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
