// The access guard: one hook, run for every route before validation, that looks the route up in the
// permission table, resolves the caller's credential (whatever its kind), refuses cross-site requests
// under a cookie session, and checks the permission on the site the request names. Routes then read
// the caller with `principalOf(request)`.
import { Elysia } from 'elysia'
import { unauthorized } from '../http/auth'
import { AppError } from '../http/errors'
import { type CredentialDeps, type Principal, resolveCredential } from './credentials'
import { grants, type Permission } from './permissions'
import { ROUTE_PERMISSIONS } from './routes-table'

const principals = new WeakMap<Request, Principal>()
const permissions = new WeakMap<Request, Permission>()
const ANONYMOUS: Principal = { kind: 'none', id: 'anonymous' }

/** The caller of a request the guard let through (anonymous on open routes). */
export function principalOf(request: Request): Principal {
  return principals.get(request) ?? ANONYMOUS
}

/** The permission a route needs, or undefined when the table lacks it. */
export function permissionOf(method: string, route: string): Permission | undefined {
  return ROUTE_PERMISSIONS[`${method} ${route}`]
}

const SITE_ID = /^[A-Za-z0-9_.-]{1,64}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The site a request names: a path parameter or a query parameter `site_id`. (A body's `site_id` is checked
 * by the route, through `siteCaller`: reading the body here would make Elysia parse it for every route,
 * ingest included, which reads its body itself after checking its key.)
 */
function siteOf(params: unknown, query: unknown): string | undefined {
  for (const source of [params, query]) {
    const v = (source as Record<string, unknown> | undefined | null)?.site_id
    // A value that is not a site id is left to validation (422), as if none were given.
    if (typeof v === 'string' && SITE_ID.test(v)) return v
  }
  return undefined
}

/**
 * Whether `origin` is this server's own: the origin of the request's URL or of the configured public URL.
 * Browsers send `Origin` on every cross-origin request and on same-origin unsafe ones.
 */
export function isOwnOrigin(origin: string | null, requestUrl: string, publicUrl: string): boolean {
  if (!origin) return false
  return origin === new URL(requestUrl).origin || origin === new URL(publicUrl).origin
}

const VERBS: Partial<Record<Permission, string>> = {
  'site.read': 'read',
  'site.raw': 'read',
  'site.export': 'export',
  'site.erase': 'erase users of',
  'site.view': 'see',
  'site.edit': 'edit',
  'site.admin': 'administer',
}

/** The refusal for a caller lacking `permission`: 401 without credentials, else 403 saying why. */
function denial(who: Principal, permission: Permission, siteId: string | undefined): AppError {
  if (who.kind === 'none') return unauthorized('Sign in, or send a key: Authorization: Bearer <key>')
  if (who.kind === 'public-key')
    return new AppError(403, 'A public key may only send events; use the secret key to read stats')
  const verb = VERBS[permission]
  if (verb && siteId) {
    const what = who.kind === 'session' || who.kind === 'api-token' ? 'Your role' : 'This key'
    return new AppError(403, `${what} is not allowed to ${verb} site ${siteId.slice(0, 64)}`)
  }
  if (permission === 'instance') return new AppError(403, 'Needs the admin token or the instance owner')
  if (permission === 'server') return new AppError(403, 'Needs the admin token or a site secret key')
  if (permission === 'metrics')
    return new AppError(403, 'Needs the admin token, a site secret key or a read-only key')
  if (permission === 'account')
    return new AppError(403, 'Needs a signed-in user (a session or a personal token)')
  return new AppError(403, `These credentials may not do this (needs ${permission})`)
}

/** What the guard needs: the credential directories and the server's public URL. */
export interface GuardDeps extends CredentialDeps {
  publicUrl: string
}

/** Decide a request: returns the caller, or throws 401/403 (or 404/410 for share links). */
export function authorizeRequest(
  deps: GuardDeps,
  request: Request,
  permission: Permission,
  siteId: string | undefined,
): Principal {
  const who = resolveCredential(deps, request.headers)
  if (who.kind === 'session' && !SAFE_METHODS.has(request.method))
    if (!isOwnOrigin(request.headers.get('origin'), request.url, deps.publicUrl))
      throw new AppError(
        403,
        'Cross-origin request refused: a cookie session may only be used from this server',
      )
  if (!grants(who, permission, siteId)) throw denial(who, permission, siteId)
  return who
}

/** The guard plugin; `app.ts` registers it before every route. */
export function accessGuard(deps: GuardDeps) {
  // Only `request`, `route`, `params` and `query` are named: Elysia parses what its hooks mention.
  return new Elysia({ name: 'access-guard' }).onTransform(
    { as: 'global' },
    ({ request, route, params, query }) => {
      const permission = permissionOf(request.method, route)
      // Deny by default: a route someone forgot to list is closed, and the table test names it.
      if (permission === undefined) throw new AppError(403, 'This route has no entry in the permission table')
      if (permission === 'open' || permission === 'ingest') return
      principals.set(request, authorizeRequest(deps, request, permission, siteOf(params, query)))
      permissions.set(request, permission)
    },
  )
}

/**
 * The caller of a read of `siteId`, after the guard: its rate-limit id. A caller that may read every site
 * (the admin token, the owner) gets a 404 for a site that does not exist; others never reach here for one.
 */
export function siteCaller(
  request: Request,
  hasSite: (siteId: string) => boolean,
  siteId: string,
): Principal {
  const who = principalOf(request)
  // The guard saw only the path and query; a site named in the body is checked here.
  const permission = permissions.get(request)
  if (permission && !grants(who, permission, siteId))
    throw new AppError(
      403,
      `These credentials may not do this on site ${siteId.slice(0, 64)} (needs ${permission})`,
    )
  if (!hasSite(siteId)) throw new AppError(404, `Unknown site: ${siteId.slice(0, 64)}`)
  return who
}

/** Whether the caller may see `siteId` in a list of sites (every site for the admin token and owners). */
export function canSeeSite(who: Principal, siteId: string): boolean {
  return grants(who, 'site.view', siteId) || (who.kind !== 'session' && who.kind !== 'api-token')
}
