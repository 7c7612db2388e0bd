// The rows of the accounts tables as the module holds them in memory (camelCase; times in epoch ms).
import type { SiteRole } from './permissions'

/** A user account. */
export interface User {
  userId: string
  email: string
  passwordHash: string
  owner: boolean
  createdAt: number
}

/** A server-side session (the cookie holds the secret; the table its sha256). */
export interface Session {
  hash: string
  userId: string
  createdAt: number
  /** Kept in memory only: after a restart a session's idle time counts from the restart. */
  lastSeen: number
}

/** A personal API token: it carries its user's roles. */
export interface ApiToken {
  tokenId: string
  tokenHash: string
  userId: string
  name: string
  createdAt: number
  expiresAt: number | null
}

/** An invitation: a one-time link to set a password. */
export interface Invitation {
  inviteId: string
  tokenHash: string
  email: string
  siteId: string | null
  role: SiteRole | null
  owner: boolean
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** Restrictions a read-only key or share link carries: filters its holder cannot remove, a minimum count. */
export interface Restrictions {
  lockedFilters: Record<string, string>
  minVisitors: number | null
}

/** A read-only key (`rk_…`) of one site. */
export interface ReadKey extends Restrictions {
  keyId: string
  keyHash: string
  siteId: string
  name: string
  createdAt: number
  expiresAt: number | null
}

/** A share link of one site. */
export interface ShareLink extends Restrictions {
  linkId: string
  slugHash: string
  siteId: string
  name: string
  passwordHash: string | null
  embedOrigins: string[]
  createdBy: string
  createdAt: number
  expiresAt: number | null
  revokedAt: number | null
}
