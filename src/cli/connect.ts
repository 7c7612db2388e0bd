// Choosing how a command reaches the data: through the server that owns the data directory (found by
// its server.json and a /health answer), else by opening the database here. Only one process may open
// the database, so a locked database with no server answering is an error, not a wait.
import { existsSync, readFileSync } from 'node:fs'
import { readServerFile } from '../admin/server-file'
import { adminTokenFile } from '../admin/token'
import { systemClock } from '../clock'
import type { Config } from '../config'
import { createLogger } from '../logger'
import { createServices } from '../services'
import { type AdminOps, databaseOps, serverOps } from './admin-ops'
import { CliError, EXIT } from './output'

/** The URL of a server that owns `dataDir` and answers /health, or undefined. */
export async function runningServer(dataDir: string): Promise<string | undefined> {
  const info = readServerFile(dataDir)
  if (!info) return undefined
  const ok = await fetch(`${info.url}/health`, { signal: AbortSignal.timeout(3000) }).then(
    (r) => r.ok,
    () => false,
  )
  return ok ? info.url : undefined
}

/** The admin token: PULSE_ADMIN_TOKEN, else the one the server keeps in the data directory. */
export function adminToken(config: Config): string {
  if (config.adminToken) return config.adminToken
  const file = adminTokenFile(config.dataDir)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  throw new CliError(
    `No admin token: set PULSE_ADMIN_TOKEN or start the server once to create ${file}`,
    EXIT.usage,
  )
}

/**
 * Open the admin operations for `config`'s data directory. Without a server, the database must exist
 * unless `create` (so `pulse sites create` can provision a data directory before the first start).
 */
export async function connect(config: Config, { create = false } = {}): Promise<AdminOps> {
  const url = await runningServer(config.dataDir)
  if (url) return serverOps(url, adminToken(config))
  if (!create && !existsSync(config.dbPath))
    throw new CliError(
      `No database at ${config.dbPath} (wrong --data-dir? start the server once, or restore a backup)`,
      EXIT.notFound,
    )
  try {
    const services = await createServices(config, {
      clock: systemClock,
      logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
      autoFlush: false,
    })
    return databaseOps(config, services)
  } catch (err) {
    const msg = (err as Error).message
    if (/in use by another process/.test(msg))
      throw new CliError(
        `${config.dbPath} is open in another process and no PULSE server answers for ${config.dataDir}`,
        EXIT.unavailable,
      )
    throw err
  }
}
