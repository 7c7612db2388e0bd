// Users, their roles and their credentials: creating an account, signing in (Argon2id, rate-limited per
// account and per address, the same work for an unknown email as for a wrong password), sessions
// (a fresh id at every sign-in, ended by sign-out) and personal API tokens.
import { ConflictError, ValidationError } from '../errors'
import { AppError } from '../http/errors'
import { enforce, RateLimiter } from '../http/rate-limit'
import type { SiteRole } from './permissions'
import type { ApiToken, User } from './records'
import {
  deleteSessions,
  deleteToken,
  insertSession,
  insertToken,
  insertUser,
  updatePasswordHash,
  writeRole,
} from './repo'
import {
  checkPassword,
  digest,
  dummyHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  newId,
  newSecret,
  PREFIX,
} from './secrets'
import type { AccountStore } from './store'

/** Sign-in attempts allowed per minute for one account, and from one address. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 20 }

/** The sign-in limiters of one server. */
export function signInLimiters(clock: () => number) {
  return {
    account: new RateLimiter(SIGN_IN_LIMITS.perAccount, clock, { maxBuckets: 20_000 }),
    address: new RateLimiter(SIGN_IN_LIMITS.perAddress, clock, { maxBuckets: 20_000 }),
  }
}
export type SignInLimiters = ReturnType<typeof signInLimiters>

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/

/** A checked password (422 when too short or too long); never echoed back. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new ValidationError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`, [
      { path: '$.password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ])
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new ValidationError(`The password must be at most ${MAX_PASSWORD_LENGTH} characters`, [
      { path: '$.password', message: `at most ${MAX_PASSWORD_LENGTH} characters` },
    ])
}

/** Create a user (409 when the email is taken). */
export async function createUser(
  store: AccountStore,
  input: { email: string; password: string; owner?: boolean },
): Promise<User> {
  const email = input.email.trim().toLowerCase()
  if (!EMAIL.test(email))
    throw new ValidationError('Invalid email', [{ path: '$.email', message: 'must be an email address' }])
  checkNewPassword(input.password)
  if (store.userByEmail(email)) throw new ConflictError('A user with this email exists')
  const user: User = {
    userId: newId('usr_'),
    email,
    passwordHash: await hashPassword(input.password),
    owner: input.owner === true,
    createdAt: store.clock(),
  }
  // Checked again after the slow hash: two requests for one email must not both get in.
  if (store.userByEmail(email)) throw new ConflictError('A user with this email exists')
  store.users.set(user.userId, user)
  await insertUser(store.db, user)
  return user
}

/** Give `userId` a role on `siteId`, or take it away (`null`). */
export async function setRole(store: AccountStore, userId: string, siteId: string, role: SiteRole | null) {
  await writeRole(store.db, userId, siteId, role)
  store.setRole(userId, siteId, role)
}

/**
 * Check an email and password. Rate-limited per address and per account (429), then always one Argon2
 * verification, against a dummy hash for an unknown email, so the answer takes as long either way.
 */
export async function verifySignIn(
  store: AccountStore,
  limiters: SignInLimiters,
  email: string,
  password: string,
  address: string | undefined,
): Promise<User | undefined> {
  const e = email.trim().toLowerCase().slice(0, 256)
  if (address) enforce(limiters.address.take(address))
  enforce(limiters.account.take(e))
  // The dummy hash is made (once) before the lookup, so even the first attempt reveals nothing.
  const dummy = await dummyHash()
  const user = store.userByEmail(e)
  const ok = await checkPassword(password.slice(0, MAX_PASSWORD_LENGTH), user?.passwordHash ?? dummy)
  return ok && user ? user : undefined
}

/** Start a session for `user`: a new random id every time (no fixation); returns the cookie value. */
export async function startSession(store: AccountStore, user: User): Promise<string> {
  const secret = newSecret(PREFIX.session)
  const hash = digest(secret)
  const now = store.clock()
  // Expired sessions go as new ones are made, so the table stays bounded by the live ones.
  const stale = store.sessionsToEnd()
  for (const h of stale) store.sessions.delete(h)
  store.sessions.set(hash, { hash, userId: user.userId, createdAt: now, lastSeen: now })
  await deleteSessions(store.db, stale)
  await insertSession(store.db, hash, user.userId, now)
  return secret
}

/** End one session (sign-out). */
export async function endSession(store: AccountStore, hash: string): Promise<void> {
  store.sessions.delete(hash)
  await deleteSessions(store.db, [hash])
}

/** Create a personal API token; the token itself is returned once. */
export async function createApiToken(
  store: AccountStore,
  user: User,
  name: string,
  expiresAt: number | null,
): Promise<{ token: string; record: ApiToken }> {
  if (expiresAt !== null && expiresAt <= store.clock()) throw new AppError(422, 'expires_at is in the past')
  const token = newSecret(PREFIX.apiToken)
  const record: ApiToken = {
    tokenId: newId('tok_'),
    tokenHash: digest(token),
    userId: user.userId,
    name,
    createdAt: store.clock(),
    expiresAt,
  }
  await insertToken(store.db, record)
  store.tokens.set(record.tokenHash, record)
  return { token, record }
}

/** Revoke a personal token of `user`; false when it has none by that id. */
export async function revokeApiToken(store: AccountStore, user: User, tokenId: string): Promise<boolean> {
  for (const t of store.tokens.values())
    if (t.tokenId === tokenId && t.userId === user.userId) {
      await deleteToken(store.db, tokenId)
      store.tokens.delete(t.tokenHash)
      return true
    }
  return false
}

/** End every session of a user (revocation); returns how many ended. */
export async function endSessionsOf(store: AccountStore, userId: string): Promise<number> {
  const hashes = [...store.sessions.values()].filter((s) => s.userId === userId).map((s) => s.hash)
  for (const h of hashes) store.sessions.delete(h)
  await deleteSessions(store.db, hashes)
  return hashes.length
}

/**
 * Change `user`'s password after checking the current one (rate-limited with sign-in, per account: a
 * stolen cookie must not become a way to guess the password). Every session of the user ends, the
 * caller's too (the route starts a fresh one); personal tokens stay, as they are revoked on their own.
 * Returns how many sessions ended; undefined when the current password is wrong.
 */
export async function changePassword(
  store: AccountStore,
  limiters: SignInLimiters,
  user: User,
  current: string,
  next: string,
): Promise<number | undefined> {
  enforce(limiters.account.take(user.email))
  if (!(await checkPassword(current.slice(0, MAX_PASSWORD_LENGTH), user.passwordHash))) return undefined
  checkNewPassword(next)
  const hash = await hashPassword(next)
  await updatePasswordHash(store.db, user.userId, hash)
  user.passwordHash = hash
  return endSessionsOf(store, user.userId)
}

/** Delete a user with their roles, sessions and personal tokens. */
export async function deleteUser(store: AccountStore, userId: string): Promise<void> {
  await endSessionsOf(store, userId)
  await store.db.writeLock.run(async () => {
    for (const sql of [
      'DELETE FROM api_tokens WHERE user_id = $1',
      'DELETE FROM site_roles WHERE user_id = $1',
      'DELETE FROM users WHERE user_id = $1',
    ])
      await store.db.writer.run(sql, [userId])
  })
  for (const [h, t] of store.tokens) if (t.userId === userId) store.tokens.delete(h)
  store.roles.delete(userId)
  store.users.delete(userId)
}
