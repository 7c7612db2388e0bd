// The cookieless visitor id: HMAC-SHA256 keyed by the day's salt over (site, IP, User-Agent), so the
// same browser on the same network is one visitor across tabs within a UTC day, and nothing about the
// address can be recovered from the id. A session that crosses midnight keeps the id it started with
// (a bounded map from session to visitor), so one visit is never split into two visitors.
import { BoundedCache } from './cache'
import type { VisitorSalts } from './salts'

/** Derives visitor ids; see the module comment (the session map lives in the pipeline). */
export class VisitorIds {
  /**
   * `site \0 address \0 UA` → its id under `hashesSalt`: a returning browser costs a lookup, not an HMAC.
   * A new salt starts an empty cache, so a new day can never hit an old day's entry.
   */
  private hashes = new BoundedCache<string, string>({ capacity: 50_000 })
  private hashesSalt: string | undefined

  constructor(private readonly salts: VisitorSalts) {}

  /** The visitor id of (site, address, User-Agent) at `now`, under that UTC day's salt. */
  idFor(siteId: string, ip: string, ua: string, now: number): string {
    const salt = this.salts.saltFor(now)
    if (salt !== this.hashesSalt) {
      this.hashes = new BoundedCache({ capacity: 50_000 })
      this.hashesSalt = salt
    }
    const key = `${siteId}\u0000${ip}\u0000${ua}`
    let id = this.hashes.get(key)
    if (!id) {
      const h = new Bun.CryptoHasher('sha256', salt)
      h.update(key)
      id = `v_${h.digest('base64url').slice(0, 22)}`
      this.hashes.set(key, id)
    }
    return id
  }
}
