// The cookieless visitor id: HMAC-SHA256 keyed by the day's salt over (site, IP, User-Agent), so the
// same browser on the same network is one visitor across tabs within a UTC day, and nothing about the
// address can be recovered from the id. A session that crosses midnight keeps the id it started with
// (a bounded map from session to visitor), so one visit is never split into two visitors.
import { createHmac } from 'node:crypto'
import { BoundedCache } from './cache'
import type { VisitorSalts } from './salts'

/** Derives visitor ids; see the module comment. */
export class VisitorIds {
  /** `site \0 session` → the visitor id the session was first seen with. */
  readonly sessions: BoundedCache<string, string>

  constructor(
    private readonly salts: VisitorSalts,
    capacity = 200_000,
  ) {
    this.sessions = new BoundedCache({ capacity })
  }

  /**
   * The visitor id of an event at `now`, or null with neither address nor User-Agent. `memo` holds the
   * last hash computed for the same request (a batch shares one site, address and User-Agent).
   */
  idFor(
    siteId: string,
    sessionId: string,
    ip: string | undefined,
    ua: string | undefined,
    now: number,
    memo: { visitorHash?: string } = {},
  ): string | null {
    if (!ip && !ua) return null
    const key = `${siteId}\u0000${sessionId}`
    const seen = this.sessions.get(key)
    if (seen) return seen
    memo.visitorHash ??= `v_${createHmac('sha256', this.salts.saltFor(now))
      .update(`${siteId}\u0000${ip ?? ''}\u0000${ua ?? ''}`)
      .digest('base64url')
      .slice(0, 22)}`
    this.sessions.set(key, memo.visitorHash)
    return memo.visitorHash
  }
}
