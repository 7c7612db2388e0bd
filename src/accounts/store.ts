// The accounts module's in-memory view: users, roles, sessions, personal tokens, invitations,
// read-only keys and share links, looked up by the sha256 of their secret, so authenticating a request
// costs one hash and one map lookup. Every change is written to DuckDB first, then applied here.
import type { Clock } from '../clock'
import type { Database } from '../db/open'
import type { SiteRole } from './permissions'
import type { ApiToken, Invitation, ReadKey, Session, ShareLink, User } from './records'
import { loadAll } from './repo'

/** How long sessions live: idle (since the last request) and absolute (since sign-in). */
export interface SessionLimits {
  idleMs: number
  absoluteMs: number
}

/** Session limits when configuration says nothing: 12 hours idle, 14 days in all. */
export const SESSION_LIMITS: SessionLimits = { idleMs: 12 * 3600_000, absoluteMs: 14 * 24 * 3600_000 }

/** Users, roles and sharing credentials, in memory, loaded from the database. */
export class AccountStore {
  users = new Map<string, User>()
  roles = new Map<string, Map<string, SiteRole>>()
  sessions = new Map<string, Session>()
  tokens = new Map<string, ApiToken>()
  invitations = new Map<string, Invitation>()
  readKeys = new Map<string, ReadKey>()
  shareLinks = new Map<string, ShareLink>()
  /** Unlocked password-protected share links: access token digest → link id and expiry (memory only). */
  shareAccess = new Map<string, { linkId: string; expiresAt: number }>()

  constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly limits: SessionLimits = SESSION_LIMITS,
  ) {}

  /** Read every table again. */
  async reload(): Promise<void> {
    const all = await loadAll(this.db)
    this.users = new Map(all.users.map((u) => [u.userId, u]))
    this.roles = new Map()
    for (const r of all.roles) this.setRole(r.userId, r.siteId, r.role)
    this.sessions = new Map(all.sessions.map((s) => [s.hash, s]))
    this.tokens = new Map(all.tokens.map((t) => [t.tokenHash, t]))
    this.invitations = new Map(all.invitations.map((i) => [i.tokenHash, i]))
    this.readKeys = new Map(all.readKeys.map((k) => [k.keyHash, k]))
    this.shareLinks = new Map(all.shareLinks.map((l) => [l.slugHash, l]))
  }

  /** Apply a role change in memory (`null` removes it). */
  setRole(userId: string, siteId: string, role: SiteRole | null): void {
    const m = this.roles.get(userId) ?? new Map<string, SiteRole>()
    this.roles.set(userId, m)
    if (role) m.set(siteId, role)
    else m.delete(siteId)
  }

  /** A user's roles by site. */
  rolesOf(userId: string): Record<string, SiteRole> {
    return Object.fromEntries(this.roles.get(userId) ?? [])
  }

  /** The user with this email (case does not matter), or undefined. */
  userByEmail(email: string): User | undefined {
    const e = email.trim().toLowerCase()
    for (const u of this.users.values()) if (u.email === e) return u
    return undefined
  }

  /** The live session with this digest, touched now; expired ones are dropped (and reported). */
  liveSession(hash: string): { session?: Session; expired?: Session } {
    const s = this.sessions.get(hash)
    if (!s) return {}
    const now = this.clock()
    if (now - s.lastSeen > this.limits.idleMs || now - s.createdAt > this.limits.absoluteMs) {
      this.sessions.delete(hash)
      return { expired: s }
    }
    s.lastSeen = now
    return { session: s }
  }

  /** Sessions of a user, and sessions past either limit (for sweeping). */
  sessionsToEnd(userId?: string): string[] {
    const now = this.clock()
    const out: string[] = []
    for (const s of this.sessions.values())
      if (
        s.userId === userId ||
        now - s.lastSeen > this.limits.idleMs ||
        now - s.createdAt > this.limits.absoluteMs
      )
        out.push(s.hash)
    return out
  }

  /** A read-only key by digest, unless expired. */
  readKey(hash: string): ReadKey | undefined {
    const k = this.readKeys.get(hash)
    return k && (k.expiresAt === null || k.expiresAt > this.clock()) ? k : undefined
  }

  /** A personal token by digest, unless expired or its user is gone. */
  apiToken(hash: string): ApiToken | undefined {
    const t = this.tokens.get(hash)
    if (!t || !this.users.has(t.userId)) return undefined
    return t.expiresAt === null || t.expiresAt > this.clock() ? t : undefined
  }

  /** Whether any user exists (the first-run setup is open only before). */
  hasUsers(): boolean {
    return this.users.size > 0
  }
}
