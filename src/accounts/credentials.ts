// Who is calling: one resolver for every credential kind. `Authorization: Bearer` carries the admin
// token, a site key (pk_/sk_), a read-only key (rk_), a personal token (pat_) or a share link
// (sh_, or shs_ once a password-protected link is unlocked); without it, the `pulse_session` cookie
// names a server-side session. Unknown or expired credentials are a 401, a revoked share link a 410.
import { bearerToken, isAdminToken, type KeyDirectory, unauthorized } from '../http/auth'
import { AppError } from '../http/errors'
import type { CredentialKind, Grantee, SiteRole } from './permissions'
import type { Restrictions, User } from './records'
import { digest, PREFIX } from './secrets'
import type { AccountStore } from './store'

/** The name of the session cookie. */
export const SESSION_COOKIE = 'pulse_session'

/** The caller of a request, as every route sees it. */
export interface Principal extends Grantee {
  kind: CredentialKind
  /** Rate-limit and audit id: 'admin', a key id, a user id, a link id or 'anonymous'. */
  id: string
  /** The signed-in user (sessions and personal tokens). */
  user?: User
  /** The session's digest, when the credential is the cookie. */
  sessionHash?: string
  /** Filters and minimum counts the holder cannot remove (read-only keys, share links). */
  restrictions?: Restrictions
}

/** What resolving needs. */
export interface CredentialDeps {
  adminToken: () => string | undefined
  keys: KeyDirectory
  accounts: AccountStore
}

/** The value of cookie `name` in a Cookie header. */
export function readCookie(headers: Headers, name: string): string | undefined {
  const raw = headers.get('cookie')
  if (!raw) return undefined
  for (const part of raw.split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim()
  }
  return undefined
}

const ANONYMOUS: Principal = { kind: 'none', id: 'anonymous' }

function userPrincipal(
  kind: 'session' | 'api-token',
  user: User,
  roles: Record<string, SiteRole>,
): Principal {
  return { kind, id: user.userId, user, owner: user.owner, roles }
}

/** Resolve the request's credential (throws 401 for an unknown one, 410 for a revoked share link). */
export function resolveCredential(deps: CredentialDeps, headers: Headers): Principal {
  const token = bearerToken(headers)
  if (token === undefined) return sessionPrincipal(deps, headers)
  if (isAdminToken(token, deps.adminToken())) return { kind: 'admin-token', id: 'admin' }
  const a = deps.accounts
  if (token.startsWith(PREFIX.readKey)) {
    const k = a.readKey(digest(token))
    if (!k) throw unauthorized('Invalid or expired read-only key')
    return { kind: 'read-key', id: k.keyId, siteId: k.siteId, restrictions: k }
  }
  if (token.startsWith(PREFIX.apiToken)) {
    const t = a.apiToken(digest(token))
    const user = t && a.users.get(t.userId)
    if (!user) throw unauthorized('Invalid or expired API token')
    return userPrincipal('api-token', user, a.rolesOf(user.userId))
  }
  if (token.startsWith(PREFIX.shareAccess)) {
    const access = a.shareAccess.get(digest(token))
    const link = access && access.expiresAt > a.clock() ? findLinkById(a, access.linkId) : undefined
    if (!link) throw unauthorized('This share access has expired: open the link again')
    return sharePrincipal(a, link.slugHash, false)
  }
  if (token.startsWith(PREFIX.shareLink)) return sharePrincipal(a, digest(token), true)
  const rec = deps.keys.findKey(token)
  if (!rec) throw unauthorized('Invalid API key')
  return { kind: rec.kind === 'secret' ? 'secret-key' : 'public-key', id: rec.keyId, siteId: rec.siteId }
}

function findLinkById(a: AccountStore, linkId: string) {
  for (const l of a.shareLinks.values()) if (l.linkId === linkId) return l
  return undefined
}

/** The share link with this slug digest as a principal; 404 unknown, 410 revoked or expired. */
export function sharePrincipal(a: AccountStore, slugHash: string, refusePassword: boolean): Principal {
  const link = a.shareLinks.get(slugHash)
  if (!link) throw new AppError(404, 'Unknown share link')
  if (link.revokedAt !== null) throw new AppError(410, 'This share link has been revoked')
  if (link.expiresAt !== null && link.expiresAt <= a.clock())
    throw new AppError(410, 'This share link has expired')
  if (refusePassword && link.passwordHash !== null)
    throw unauthorized('This share link needs its password: unlock it first')
  return { kind: 'share-link', id: link.linkId, siteId: link.siteId, restrictions: link }
}

function sessionPrincipal(deps: CredentialDeps, headers: Headers): Principal {
  const cookie = readCookie(headers, SESSION_COOKIE)
  if (!cookie) return ANONYMOUS
  const hash = digest(cookie)
  const { session } = deps.accounts.liveSession(hash)
  const user = session && deps.accounts.users.get(session.userId)
  // A stale cookie is as good as none: public routes and sign-in still work.
  if (!user) return ANONYMOUS
  return { ...userPrincipal('session', user, deps.accounts.rolesOf(user.userId)), sessionHash: hash }
}
