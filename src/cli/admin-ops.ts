// What the data-touching commands need, done either through a running server's admin API (the server
// owns the database) or by opening the database directly when no server runs.
import { renameSync } from 'node:fs'
import { writeBackup } from '../admin/backup'
import { rotateAdminToken } from '../admin/token'
import type { Annotation, CreateAnnotationBody } from '../annotations/model'
import { createAnnotation } from '../annotations/service'
import type { Config } from '../config'
import { DomainError, NotFoundError } from '../errors'
import type { CreateGoalBody, Goal, UpdateGoalBody } from '../goals/model'
import { changeGoal, createGoal, getGoals, removeGoal } from '../goals/service'
import { AppError, toAppError } from '../http/errors'
import type { createServices } from '../services'
import type { KeyKind } from '../sites/keys'
import type { ApiKeyInfo, CreatedKey, CreatedSite, CreateSiteBody, Site } from '../sites/model'
import { getSite, listKeys, listSites } from '../sites/repo'
import { createKey, createSite, removeKey, removeSite } from '../sites/service'
import { CliError, exitForStatus } from './output'
import { progressBar } from './progress'

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
  listGoals(siteId: string): Promise<Goal[]>
  createGoal(siteId: string, body: CreateGoalBody): Promise<Goal>
  updateGoal(siteId: string, goalId: string, body: UpdateGoalBody): Promise<Goal>
  deleteGoal(siteId: string, goalId: string): Promise<void>
  /** Add an annotation to a site's chart (made by 'admin'). */
  createAnnotation(siteId: string, body: CreateAnnotationBody): Promise<Annotation>
  /** Write a backup to `file` (which must not exist); returns its event count and size. */
  backup(file: string): Promise<{ events: number; bytes: number }>
  rotateToken(): Promise<string>
  /** A request to the admin API (import, export): the server's, or an in-process app's on the opened database. */
  request(
    method: string,
    path: string,
    body?: Uint8Array<ArrayBuffer> | string,
    headers?: Record<string, string>,
  ): Promise<Response>
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
    listGoals: (id) => data('GET', `${site(id)}/goals`),
    createAnnotation: (id, body) => data('POST', `${site(id)}/annotations`, body),
    createGoal: (id, body) => data('POST', `${site(id)}/goals`, body),
    updateGoal: (id, goalId, body) => data('PATCH', `${site(id)}/goals/${encodeURIComponent(goalId)}`, body),
    deleteGoal: async (id, goalId) =>
      void (await data('DELETE', `${site(id)}/goals/${encodeURIComponent(goalId)}`)),
    async backup(file) {
      const bar = progressBar('backup')
      bar.waiting('the server is writing a snapshot…')
      try {
        const res = await call('GET', '/api/v1/admin/backup')
        const partial = `${file}.partial`
        const bytes = await downloadTo(res, partial, Number(res.headers.get('content-length') ?? 0))
        renameSync(partial, file)
        return { events: Number(res.headers.get('x-pulse-backup-events') ?? 0), bytes }
      } finally {
        bar.end()
      }
    },
    rotateToken: async () =>
      (await data<{ admin_token: string }>('POST', '/api/v1/admin/token/rotate')).admin_token,
    request: (method, path, body, headers) =>
      fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body }),
    close: async () => undefined,
  }
}

/** Operations on a database this process opened (`services` from createServices). */
export function databaseOps(config: Config, services: Awaited<ReturnType<typeof createServices>>): AdminOps {
  let app: { handle(r: Request): Promise<Response> } | undefined
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
    listGoals: wrap((id: string) => getGoals(services.db, id)),
    createAnnotation: wrap(async (id: string, body: CreateAnnotationBody) => {
      if (!(await getSite(services.db, id))) throw new NotFoundError(`Unknown site: ${id}`)
      return createAnnotation(services.db, id, body, 'admin', services.clock())
    }),
    createGoal: wrap((id: string, body: CreateGoalBody) => createGoal(services.db, id, body)),
    updateGoal: wrap((id: string, goalId: string, body: UpdateGoalBody) =>
      changeGoal(services.db, id, goalId, body),
    ),
    deleteGoal: wrap((id: string, goalId: string) => removeGoal(services.db, id, goalId)),
    backup: wrap(async (file: string) => {
      const bar = progressBar('backup')
      bar.waiting('writing a snapshot…')
      try {
        const r = await writeBackup(services, file)
        return { events: r.events, bytes: r.bytes }
      } finally {
        bar.end()
      }
    }),
    rotateToken: wrap(async () => rotateAdminToken(config.dataDir, config.adminToken)),
    async request(method, path, body, headers) {
      // The same routes as the server's, handled in this process: one code path for both cases.
      // The token first: the app hands it to the reports' stats client when it is made.
      services.config.adminToken ??= crypto.randomUUID()
      app ??= (await import('../app')).createApp(services)
      const auth = { authorization: `Bearer ${services.config.adminToken}` }
      return app.handle(
        new Request(`http://localhost${path}`, { method, headers: { ...auth, ...headers }, body }),
      )
    },
    close: async () => {
      await services.close()
    },
  }
}

/** Write a response body to `path` with a progress bar (`total` bytes when known); returns the bytes written. */
async function downloadTo(res: Response, path: string, total: number): Promise<number> {
  const sink = Bun.file(path).writer()
  const bar = progressBar('backup', { total: total || undefined })
  let bytes = 0
  try {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      sink.write(value)
      bytes += value.byteLength
      bar.update(bytes)
    }
    await sink.end()
  } finally {
    bar.end()
  }
  return bytes
}
