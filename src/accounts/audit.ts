// The audit log: sign-ins (and failures), key, link, role and member changes, erasures and exports, with
// who, when and from where. Never a password or a token: callers pass ids and emails only. Bounded by
// age: rows older than `AUDIT_MAX_AGE_MS` are deleted when new ones are written, at most once an hour.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { Principal } from './credentials'
import { write } from './repo'

/** How long audit rows are kept: 180 days. */
export const AUDIT_MAX_AGE_MS = 180 * 24 * 3600_000

/** One audit entry as the API shows it. */
export interface AuditEntry {
  at: number
  actor: string
  action: string
  site_id: string | null
  target: string | null
  address: string | null
  outcome: string
}

/** What to record. */
export interface AuditInput {
  actor: string
  action: string
  siteId?: string | null
  target?: string | null
  address?: string | null
  outcome?: 'ok' | 'refused'
}

/** The actor name of a principal: `user:<email>`, `admin-token`, `secret-key:<id>`, … */
export function actorOf(who: Principal): string {
  if (who.user) return `user:${who.user.email}`
  return who.kind === 'admin-token' ? 'admin-token' : `${who.kind}:${who.id}`
}

/** Writes audit rows and prunes old ones. */
export class AuditLog {
  private lastPrune = 0

  constructor(
    private db: Database,
    private clock: () => number,
    private maxAgeMs = AUDIT_MAX_AGE_MS,
  ) {}

  /** Record one entry (failures to write are swallowed by the caller's choice: auditing never blocks). */
  async record(e: AuditInput): Promise<void> {
    const now = this.clock()
    await write(this.db, 'INSERT INTO audit_log VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      now,
      e.actor.slice(0, 200),
      e.action,
      e.siteId ?? null,
      e.target?.slice(0, 200) ?? null,
      e.address ?? null,
      e.outcome ?? 'ok',
    ])
    if (now - this.lastPrune > 3600_000) {
      this.lastPrune = now
      await write(this.db, 'DELETE FROM audit_log WHERE at_ms < $1', [now - this.maxAgeMs])
    }
  }

  /** The newest entries, of one site or (`siteId` undefined) all; at most `limit`. */
  async list(siteId: string | undefined, limit = 200): Promise<AuditEntry[]> {
    const where = siteId === undefined ? '' : 'WHERE site_id = $2'
    const params = siteId === undefined ? [limit] : [limit, siteId]
    const rows = await queryRows<Record<string, unknown>>(
      this.db.reader,
      `SELECT at_ms, actor, action, site_id, target, address, outcome FROM audit_log ${where} ORDER BY at_ms DESC, rowid DESC LIMIT $1`,
      params,
    )
    return rows.map((r) => ({
      at: Number(r.at_ms),
      actor: String(r.actor),
      action: String(r.action),
      site_id: r.site_id === null ? null : String(r.site_id),
      target: r.target === null ? null : String(r.target),
      address: r.address === null ? null : String(r.address),
      outcome: String(r.outcome),
    }))
  }
}
