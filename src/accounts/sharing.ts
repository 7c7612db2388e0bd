// Read-only keys (`rk_…`) and share links of a site: made with their restrictions (a locked filter, a
// minimum count, an expiry; a link also a password and the origins that may embed it), listed without
// their secrets, revoked at once. A password-protected link is unlocked for an hour per unlock.
import { NotFoundError, ValidationError } from '../errors'
import { AppError } from '../http/errors'
import { enforce, RateLimiter } from '../http/rate-limit'
import type { ReadKey, Restrictions, ShareLink } from './records'
import { deleteReadKey, insertReadKey, insertShareLink, revokeShareLink } from './repo'
import {
  checkPassword,
  digest,
  dummyHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  newId,
  newSecret,
  PREFIX,
} from './secrets'
import type { AccountStore } from './store'
import { checkNewPassword } from './users'

/** How long an unlocked password-protected link stays open: an hour. */
export const SHARE_ACCESS_MS = 3600_000

/** Attempts at a link's password per minute, per link and per address. */
export function sharePasswordLimiters(clock: () => number) {
  return {
    link: new RateLimiter(10, clock, { maxBuckets: 20_000 }),
    address: new RateLimiter(20, clock, { maxBuckets: 20_000 }),
  }
}
export type SharePasswordLimiters = ReturnType<typeof sharePasswordLimiters>

/** The options common to keys and links. */
export interface RestrictionInput {
  name?: string
  locked_filters?: Record<string, string>
  min_visitors?: number
  expires_at?: number
}

function restrictions(input: RestrictionInput, now: number, check: (f: Record<string, string>) => void) {
  if (input.expires_at !== undefined && input.expires_at <= now)
    throw new ValidationError('expires_at is in the past', [
      { path: '$.expires_at', message: 'must be in the future' },
    ])
  const lockedFilters = input.locked_filters ?? {}
  check(lockedFilters)
  const r: Restrictions = { lockedFilters, minVisitors: input.min_visitors ?? null }
  return { ...r, expiresAt: input.expires_at ?? null }
}

/** Create a read-only key; the key itself is returned once. `checkFilters` validates the locked filter. */
export async function createReadKey(
  store: AccountStore,
  siteId: string,
  input: RestrictionInput,
  checkFilters: (f: Record<string, string>) => void,
): Promise<{ key: string; record: ReadKey }> {
  const now = store.clock()
  const key = newSecret(PREFIX.readKey)
  const record: ReadKey = {
    keyId: newId('rk_id_'),
    keyHash: digest(key),
    siteId,
    name: input.name ?? 'read-only key',
    createdAt: now,
    ...restrictions(input, now, checkFilters),
  }
  await insertReadKey(store.db, record)
  store.readKeys.set(record.keyHash, record)
  return { key, record }
}

/** The read-only keys of a site. */
export function listReadKeys(store: AccountStore, siteId: string): ReadKey[] {
  return [...store.readKeys.values()]
    .filter((k) => k.siteId === siteId)
    .sort((a, b) => a.createdAt - b.createdAt)
}

/** Revoke (delete) a read-only key of a site; it stops working at once. */
export async function revokeReadKey(store: AccountStore, siteId: string, keyId: string): Promise<void> {
  const k = listReadKeys(store, siteId).find((x) => x.keyId === keyId)
  if (!k) throw new NotFoundError(`Unknown read-only key: ${keyId.slice(0, 64)}`)
  await deleteReadKey(store.db, keyId)
  store.readKeys.delete(k.keyHash)
}

/** What a share link is made from. */
export interface ShareLinkInput extends RestrictionInput {
  password?: string
  embed_origins?: string[]
}

/** Create a share link; the slug (the secret part of its URL) is returned once. */
export async function createShareLink(
  store: AccountStore,
  siteId: string,
  createdBy: string,
  input: ShareLinkInput,
  checkFilters: (f: Record<string, string>) => void,
): Promise<{ slug: string; record: ShareLink }> {
  const origins = [...new Set((input.embed_origins ?? []).map((o) => o.replace(/\/+$/, '')))]
  if (origins.length > 0 && input.password !== undefined)
    throw new ValidationError('A password-protected link cannot be embedded', [
      { path: '$.embed_origins', message: 'leave it out, or the password' },
    ])
  for (const o of origins)
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o))
      throw new ValidationError(`Invalid embed origin ${o.slice(0, 80)}`, [
        { path: '$.embed_origins', message: 'each must be an origin such as https://example.com' },
      ])
  if (input.password !== undefined) checkNewPassword(input.password)
  const now = store.clock()
  const slug = newSecret(PREFIX.shareLink)
  const record: ShareLink = {
    linkId: newId('lnk_'),
    slugHash: digest(slug),
    siteId,
    name: input.name ?? 'share link',
    passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    embedOrigins: origins,
    createdBy,
    createdAt: now,
    revokedAt: null,
    ...restrictions(input, now, checkFilters),
  }
  await insertShareLink(store.db, record)
  store.shareLinks.set(record.slugHash, record)
  return { slug, record }
}

/** The share links of a site (revoked ones too, marked). */
export function listShareLinks(store: AccountStore, siteId: string): ShareLink[] {
  return [...store.shareLinks.values()]
    .filter((l) => l.siteId === siteId)
    .sort((a, b) => a.createdAt - b.createdAt)
}

/** Revoke a share link: from now on it answers 410. */
export async function revokeLink(store: AccountStore, siteId: string, linkId: string): Promise<void> {
  const l = listShareLinks(store, siteId).find((x) => x.linkId === linkId && x.revokedAt === null)
  if (!l) throw new NotFoundError(`Unknown share link: ${linkId.slice(0, 64)}`)
  const now = store.clock()
  await revokeShareLink(store.db, linkId, now)
  l.revokedAt = now
  for (const [h, a] of store.shareAccess) if (a.linkId === linkId) store.shareAccess.delete(h)
}

/**
 * Check a password-protected link's password (rate-limited per link and per address) and hand out an
 * access token for an hour. A wrong password is a 401.
 */
export async function unlockLink(
  store: AccountStore,
  limiters: SharePasswordLimiters,
  link: ShareLink,
  password: string,
  address: string | undefined,
): Promise<{ token: string; expiresAt: number }> {
  if (address) enforce(limiters.address.take(address))
  enforce(limiters.link.take(link.linkId))
  const ok = await checkPassword(
    password.slice(0, MAX_PASSWORD_LENGTH),
    link.passwordHash ?? (await dummyHash()),
  )
  if (!ok || link.passwordHash === null) throw new AppError(401, 'Wrong password')
  const token = newSecret(PREFIX.shareAccess)
  const expiresAt = store.clock() + SHARE_ACCESS_MS
  // Expired unlocks go as new ones are made.
  for (const [h, a] of store.shareAccess) if (a.expiresAt <= store.clock()) store.shareAccess.delete(h)
  store.shareAccess.set(digest(token), { linkId: link.linkId, expiresAt })
  return { token, expiresAt }
}

/**
 * The origins that may frame the share page of `slug`: the link's embed origins when it is live and has
 * no password; otherwise none (the page keeps `frame-ancestors 'none'`).
 */
export function embedOriginsOf(store: AccountStore, slug: string): string[] {
  const link = store.shareLinks.get(digest(slug))
  if (!link || link.revokedAt !== null || link.passwordHash !== null) return []
  if (link.expiresAt !== null && link.expiresAt <= store.clock()) return []
  return link.embedOrigins
}
