// First-start setup: without PULSE_ADMIN_TOKEN, generate an admin token, keep it in the data directory
// (mode 0600) and create a demo site, so a newcomer can copy the seed's curl calls and see them work.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config'
import { randomId } from './sites/keys'
import { listSites } from './sites/repo'
import { createSite, type SiteServiceDeps } from './sites/service'

export const DEMO_SITE_ID = 'site_abc123'

/** The admin token to use: from config, else from `<dataDir>/admin-token`, else newly generated there. */
export function resolveAdminToken(config: Config): { token: string; generated: boolean; file?: string } {
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
 * with no sites, create the demo site; returns its keys for the banner. A start with an admin token is a
 * production start: no demo site, no keys printed.
 */
export async function ensureDemoSite(deps: SiteServiceDeps, admin: { generated: boolean }) {
  if (!admin.generated) return undefined
  if ((await listSites(deps.db)).length > 0) return undefined
  return createSite(deps, { site_id: DEMO_SITE_ID, name: 'Demo site' })
}
