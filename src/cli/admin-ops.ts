// What the data-touching commands need, done either through a running server's admin API (the server
// owns the database) or by opening the database directly when no server runs.
import { renameSync } from 'node:fs'
import { writeBackup } from '../admin/backup'
import { rotateAdminToken } from '../admin/token'
import type { Config } from '../config'
import { DomainError, NotFoundError } from '../errors'
import { AppError, toAppError } from '../http/errors'
import type { createServices } from '../services'
import type { KeyKind } from '../sites/keys'
import type { ApiKeyInfo, CreatedKey, CreatedSite, CreateSiteBody, Site } from '../sites/model'
import { getSite, listKeys, listSites } from '../sites/repo'
import { createKey, createSite, removeKey, removeSite } from '../sites/service'
import { CliError, exitForStatus } from './output'

/** The admin operations of the CLI. */
export interface AdminOps {
  /** 'server' when a running server does the work, 'database' when the CLI opened the file. */
  via: 'server' | 'database'
  listSites(): Promise<Site[]>
  createSite(body: CreateSiteBody): Promise<CreatedSite>
  deleteSite(siteId: string): Promise<void>
  listKeys(siteId: string): Promise<ApiKeyInfo[]>
  createKey(siteId: string, kind: KeyKind): Promise<CreatedKey>
  revokeKey(siteId: string, keyId: string): Promise<void>
  /** Write a backup to `file` (which must not exist); returns its event count and size. */
  backup(file: string): Promise<{ events: number; bytes: number }>
  rotateToken(): Promise<string>
  close(): Promise<void>
}

/** Operations through the admin API of the server at `url`. */
export function serverOps(url: string, token: string): AdminOps {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!res.ok) {
      const err = (await res.json().catch(() => ({}))) as { error?: string }
      throw new CliError(err.error ?? `server answered ${res.status}`, exitForStatus(res.status))
    }
    return res
  }
  const data = async <T>(method: string, path: string, body?: unknown) =>
    ((await (await call(method, path, body)).json()) as { data: T }).data
  const site = (id: string) => `/api/v1/sites/${encodeURIComponent(id)}`
  return {
    via: 'server',
    listSites: () => data('GET', '/api/v1/sites'),
    createSite: (body) => data('POST', '/api/v1/sites', body),
    deleteSite: async (id) => void (await data('DELETE', site(id))),
    listKeys: (id) => data('GET', `${site(id)}/keys`),
    createKey: (id, kind) => data('POST', `${site(id)}/keys`, { kind }),
    revokeKey: async (id, keyId) =>
      void (await data('DELETE', `${site(id)}/keys/${encodeURIComponent(keyId)}`)),
    async backup(file) {
      const res = await call('GET', '/api/v1/admin/backup')
      const partial = `${file}.partial`
      const bytes = await Bun.write(partial, res)
      renameSync(partial, file)
      return { events: Number(res.headers.get('x-pulse-backup-events') ?? 0), bytes }
    },
    rotateToken: async () =>
      (await data<{ admin_token: string }>('POST', '/api/v1/admin/token/rotate')).admin_token,
    close: async () => undefined,
  }
}

/** Operations on a database this process opened (`services` from createServices). */
export function databaseOps(config: Config, services: Awaited<ReturnType<typeof createServices>>): AdminOps {
  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await fn(...a)
      } catch (err) {
        if (err instanceof DomainError) throw new CliError(err.message, exitForStatus(toAppError(err).status))
        if (err instanceof AppError) throw new CliError(err.message, exitForStatus(err.status))
        throw err
      }
    }
  return {
    via: 'database',
    listSites: wrap(() => listSites(services.db)),
    createSite: wrap((body: CreateSiteBody) => createSite(services, body)),
    deleteSite: wrap((id: string) => removeSite(services, id)),
    listKeys: wrap(async (id: string) => {
      if (!(await getSite(services.db, id))) throw new NotFoundError(`Unknown site: ${id}`)
      return listKeys(services.db, id)
    }),
    createKey: wrap((id: string, kind: KeyKind) => createKey(services, id, kind)),
    revokeKey: wrap((id: string, keyId: string) => removeKey(services, id, keyId)),
    backup: wrap(async (file: string) => {
      const r = await writeBackup(services, file)
      return { events: r.events, bytes: r.bytes }
    }),
    rotateToken: wrap(async () => rotateAdminToken(config.dataDir, config.adminToken)),
    close: async () => {
      await services.close()
    },
  }
}
