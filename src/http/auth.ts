// Authorisation: the admin token and per-site API keys, read from `Authorization: Bearer …`
// (or, for public keys only, from the body or query, so the browser tracker avoids a CORS preflight).
import { createHash, timingSafeEqual } from 'node:crypto'
import { AppError } from './errors'

/** What authorisation needs to know of an API key (the sites module's `KeyRecord` is one). */
export interface KeyGrant {
  keyId: string
  siteId: string
  kind: 'public' | 'secret'
}

/**
 * Where keys and sites are looked up (the sites module's `SiteStore` is one). Declared here, so that
 * the HTTP layer does not import the sites module that imports it.
 */
export interface KeyDirectory {
  findKey(key: string): KeyGrant | undefined
  hasSite(siteId: string): boolean
}

const MAX_TOKEN_LENGTH = 512

/** The bearer token of a request, or undefined; a malformed header is a 401. */
export function bearerToken(headers: Headers): string | undefined {
  const h = headers.get('authorization')
  if (h === null) return undefined
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(h)
  if (!m || m[1].length > MAX_TOKEN_LENGTH)
    throw new AppError(401, 'Malformed Authorization header: expected "Bearer <key>"', undefined, {
      'www-authenticate': 'Bearer',
    })
  return m[1]
}

/**
 * Whether `token` equals the admin token. Both are hashed first and the digests compared with
 * `timingSafeEqual`, so the time taken reveals neither how much of a guess matched nor the token's length.
 */
export function isAdminToken(token: string | undefined, adminToken: string | undefined): boolean {
  if (!token || !adminToken) return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(token), digest(adminToken))
}

/** Throw 401 unless the request carries the admin token. */
export function requireAdmin(headers: Headers, adminToken: string | undefined): void {
  const token = bearerToken(headers)
  if (!token) throw unauthorized('Missing admin token: send Authorization: Bearer <PULSE_ADMIN_TOKEN>')
  if (!isAdminToken(token, adminToken)) throw unauthorized('Invalid admin token')
}

/** A 401 with the WWW-Authenticate header. */
export function unauthorized(message: string): AppError {
  return new AppError(401, message, undefined, { 'www-authenticate': 'Bearer' })
}

/** Resolve an API key to its record; 401 when missing or unknown. */
export function authenticateKey<K extends KeyGrant>(
  store: { findKey(key: string): K | undefined },
  key: string | undefined,
): K {
  if (!key) throw unauthorized('Missing API key: send Authorization: Bearer <key>')
  if (key.length > MAX_TOKEN_LENGTH) throw unauthorized('Invalid API key')
  const rec = store.findKey(key)
  if (!rec) throw unauthorized('Invalid API key')
  return rec
}

/**
 * Who may read a site's stats: its secret key, or the admin token. Returns the key id (or 'admin'),
 * for rate limiting.
 * A public key is refused with 403: it sits in web pages and may only send events.
 */
export function authorizeRead(
  store: KeyDirectory,
  headers: Headers,
  adminToken: string | undefined,
  siteId: string,
): string {
  const token = bearerToken(headers)
  if (isAdminToken(token, adminToken)) {
    if (!store.hasSite(siteId)) throw new AppError(404, `Unknown site: ${siteId.slice(0, 64)}`)
    return 'admin'
  }
  const rec = authenticateKey(store, token)
  if (rec.kind !== 'secret')
    throw new AppError(403, 'A public key may only send events; use the secret key to read stats')
  if (rec.siteId !== siteId)
    throw new AppError(403, `This key is not allowed to read site ${siteId.slice(0, 64)}`)
  return rec.keyId
}
