// Start-up: load config, open DuckDB, migrate, start the buffer and the server; flush and close on SIGTERM/SIGINT.
import { localUrl, writeServerFile } from './admin/server-file'
import { createApp, VERSION } from './app'
import { ensureDemoSite, resolveAdminToken } from './bootstrap'
import { systemClock } from './clock'
import { ConfigError, loadConfig } from './config'
import { createLogger } from './logger'
import { createServices } from './services'

/** Start the server with configuration from `env` (CLI flags are merged into it by the caller). */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`PULSE cannot start: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
  const logger = createLogger(config.logLevel)
  const admin = resolveAdminToken(config)
  config = { ...config, adminToken: admin.token }
  const services = await createServices(config, { clock: systemClock, logger })
  const demo = await ensureDemoSite(services, admin)
  const app = createApp(services)
  try {
    // Elysia turns on SO_REUSEPORT by default: a second server on the same port would then silently
    // take half of the connections. Without it, a port in use is an error at start.
    app.listen({
      port: config.port,
      hostname: config.host,
      reusePort: false,
      maxRequestBodySize: config.maxBodyBytes + 1_048_576,
    })
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err
    await services.close()
    console.error(
      `PULSE cannot start: port ${config.port} on ${config.host} is already in use by another process; stop it or set PORT to a free port`,
    )
    process.exit(1)
  }
  const port = app.server?.port
  // Tells the CLI where this server listens (see admin/server-file.ts).
  writeServerFile(config.dataDir, { url: localUrl(config.host, port ?? config.port), version: VERSION })
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  logger.info('PULSE listening', { version: VERSION, url: base, db: config.dbPath })
  banner(base, admin, demo)

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
      logger.error('shutdown failed', { error: (err as Error).stack })
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

function banner(
  base: string,
  admin: { token: string; generated: boolean; file?: string },
  demo: { site_id: string; public_key: string; secret_key: string } | undefined,
): void {
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
