// The accounts tables in DuckDB: loading them whole (they are small: people, keys and links, not
// traffic) and one function per change. Values are always bound parameters.
import type { DuckDBValue } from '@duckdb/node-api'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { SiteRole } from './permissions'
import type { ApiToken, Invitation, ReadKey, ShareLink, User } from './records'

/** Run one write statement under the write lock. */
export async function write(db: Database, sql: string, params: DuckDBValue[]): Promise<void> {
  await db.writeLock.run(() => db.writer.run(sql, params))
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const filters = (v: unknown): Record<string, string> => (typeof v === 'string' && v ? JSON.parse(v) : {})

/** Everything the in-memory store holds, read from the database. */
export async function loadAll(db: Database) {
  const q = <T>(sql: string) => queryRows<T & Record<string, unknown>>(db.reader, sql)
  const users = (await q<Record<string, unknown>>('SELECT * FROM users')).map(
    (r): User => ({
      userId: String(r.user_id),
      email: String(r.email),
      passwordHash: String(r.password_hash),
      owner: Boolean(r.owner),
      createdAt: Number(r.created_at),
    }),
  )
  const roles = (await q<Record<string, unknown>>('SELECT * FROM site_roles')).map((r) => ({
    userId: String(r.user_id),
    siteId: String(r.site_id),
    role: String(r.role) as SiteRole,
  }))
  const sessions = (await q<Record<string, unknown>>('SELECT * FROM user_sessions')).map((r) => ({
    hash: String(r.session_hash),
    userId: String(r.user_id),
    createdAt: Number(r.created_at),
    lastSeen: Number(r.created_at),
  }))
  const tokens = (await q<Record<string, unknown>>('SELECT * FROM api_tokens')).map(
    (r): ApiToken => ({
      tokenId: String(r.token_id),
      tokenHash: String(r.token_hash),
      userId: String(r.user_id),
      name: String(r.name),
      createdAt: Number(r.created_at),
      expiresAt: num(r.expires_at),
    }),
  )
  const invitations = (await q<Record<string, unknown>>('SELECT * FROM invitations')).map(
    (r): Invitation => ({
      inviteId: String(r.invite_id),
      tokenHash: String(r.token_hash),
      email: String(r.email),
      siteId: r.site_id === null ? null : String(r.site_id),
      role: r.role === null ? null : (String(r.role) as SiteRole),
      owner: Boolean(r.owner),
      createdBy: String(r.created_by),
      createdAt: Number(r.created_at),
      expiresAt: Number(r.expires_at),
      usedAt: num(r.used_at),
    }),
  )
  const readKeys = (await q<Record<string, unknown>>('SELECT * FROM read_keys')).map(
    (r): ReadKey => ({
      keyId: String(r.key_id),
      keyHash: String(r.key_hash),
      siteId: String(r.site_id),
      name: String(r.name),
      lockedFilters: filters(r.locked_filters),
      minVisitors: num(r.min_visitors),
      createdAt: Number(r.created_at),
      expiresAt: num(r.expires_at),
    }),
  )
  const shareLinks = (await q<Record<string, unknown>>('SELECT * FROM share_links')).map(
    (r): ShareLink => ({
      linkId: String(r.link_id),
      slugHash: String(r.slug_hash),
      siteId: String(r.site_id),
      name: String(r.name),
      passwordHash: r.password_hash === null ? null : String(r.password_hash),
      lockedFilters: filters(r.locked_filters),
      minVisitors: num(r.min_visitors),
      embedOrigins: Array.isArray(r.embed_origins) ? (r.embed_origins as string[]) : [],
      createdBy: String(r.created_by),
      createdAt: Number(r.created_at),
      expiresAt: num(r.expires_at),
      revokedAt: num(r.revoked_at),
    }),
  )
  return { users, roles, sessions, tokens, invitations, readKeys, shareLinks }
}

/** Insert a user. */
export const insertUser = (db: Database, u: User) =>
  write(db, 'INSERT INTO users VALUES ($1, $2, $3, $4, $5)', [
    u.userId,
    u.email,
    u.passwordHash,
    u.owner,
    u.createdAt,
  ])

/** Store a user's new password hash. */
export async function updatePasswordHash(db: Database, userId: string, hash: string): Promise<void> {
  await write(db, 'UPDATE users SET password_hash = $2 WHERE user_id = $1', [userId, hash])
}

/** Set (or with `null` remove) a user's role on a site. */
export async function writeRole(db: Database, userId: string, siteId: string, role: SiteRole | null) {
  await db.writeLock.run(async () => {
    await db.writer.run('DELETE FROM site_roles WHERE user_id = $1 AND site_id = $2', [userId, siteId])
    if (role) await db.writer.run('INSERT INTO site_roles VALUES ($1, $2, $3)', [userId, siteId, role])
  })
}

/** Insert a session. */
export const insertSession = (db: Database, hash: string, userId: string, at: number) =>
  write(db, 'INSERT INTO user_sessions VALUES ($1, $2, $3)', [hash, userId, at])

/** Delete sessions by hash. */
export const deleteSessions = (db: Database, hashes: string[]) =>
  hashes.length === 0
    ? Promise.resolve()
    : write(db, 'DELETE FROM user_sessions WHERE list_contains(CAST($1::JSON AS VARCHAR[]), session_hash)', [
        JSON.stringify(hashes),
      ])

/** Insert a personal API token. */
export const insertToken = (db: Database, t: ApiToken) =>
  write(db, 'INSERT INTO api_tokens VALUES ($1, $2, $3, $4, $5, $6)', [
    t.tokenId,
    t.tokenHash,
    t.userId,
    t.name,
    t.createdAt,
    t.expiresAt,
  ])

/** Delete a personal API token. */
export const deleteToken = (db: Database, tokenId: string) =>
  write(db, 'DELETE FROM api_tokens WHERE token_id = $1', [tokenId])

/** Insert an invitation. */
export const insertInvitation = (db: Database, i: Invitation) =>
  write(db, 'INSERT INTO invitations VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)', [
    i.inviteId,
    i.tokenHash,
    i.email,
    i.siteId,
    i.role,
    i.owner,
    i.createdBy,
    i.createdAt,
    i.expiresAt,
  ])

/** Mark an invitation used. */
export const markInvitationUsed = (db: Database, inviteId: string, at: number) =>
  write(db, 'UPDATE invitations SET used_at = $2 WHERE invite_id = $1', [inviteId, at])

/** Insert a read-only key. */
export const insertReadKey = (db: Database, k: ReadKey) =>
  write(db, 'INSERT INTO read_keys VALUES ($1, $2, $3, $4, $5::JSON, $6, $7, $8)', [
    k.keyId,
    k.keyHash,
    k.siteId,
    k.name,
    JSON.stringify(k.lockedFilters),
    k.minVisitors,
    k.createdAt,
    k.expiresAt,
  ])

/** Delete a read-only key. */
export const deleteReadKey = (db: Database, keyId: string) =>
  write(db, 'DELETE FROM read_keys WHERE key_id = $1', [keyId])

/** Insert a share link. */
export const insertShareLink = (db: Database, l: ShareLink) =>
  write(
    db,
    'INSERT INTO share_links VALUES ($1, $2, $3, $4, $5, $6::JSON, $7, CAST($8::JSON AS VARCHAR[]), $9, $10, $11, NULL)',
    [
      l.linkId,
      l.slugHash,
      l.siteId,
      l.name,
      l.passwordHash,
      JSON.stringify(l.lockedFilters),
      l.minVisitors,
      JSON.stringify(l.embedOrigins),
      l.createdBy,
      l.createdAt,
      l.expiresAt,
    ],
  )

/** Mark a share link revoked (it then answers 410). */
export const revokeShareLink = (db: Database, linkId: string, at: number) =>
  write(db, 'UPDATE share_links SET revoked_at = $2 WHERE link_id = $1', [linkId, at])
