// The cookieless visitor id: HMAC-SHA256 keyed by a day's salt over (site, IP, User-Agent), so the
// same browser on the same network is one visitor across tabs within a UTC day, and nothing about the
// address can be recovered from the id. The day is the event's own, not the arrival's: an event of
// today or yesterday uses that day's salt; a later-arriving event of an older day (whose salt is
// deleted, as it must be after 48 h) uses today's salt with its own day in the hashed text, so it never
// joins another day's visitor. A session that crosses midnight keeps the id it started with (a bounded
// map from session to visitor, in the pipeline), so one visit is never split into two visitors.
import { BoundedCache } from './cache'
import type { VisitorSalts } from './salts'

const DAY_MS = 86_400_000

/** Derives visitor ids; see the module comment. */
export class VisitorIds {
  /**
   * `day \0 site \0 address \0 UA` → its id: a returning browser costs a lookup, not an HMAC. A new
   * day's salt starts an empty cache, so an entry never outlives the salts it was made with.
   */
  private hashes = new BoundedCache<string, string>({ capacity: 50_000 })
  private hashesSalt: string | undefined

  constructor(private readonly salts: VisitorSalts) {}

  /** The visitor id of (site, address, User-Agent) for an event at `at` that arrived at `now`. */
  idFor(siteId: string, ip: string, ua: string, at: number, now = at): string {
    const today = this.salts.saltFor(now)
    if (today !== this.hashesSalt) {
      this.hashes = new BoundedCache({ capacity: 50_000 })
      this.hashesSalt = today
    }
    // A clock skew into tomorrow counts as today: tomorrow has no salt yet.
    const day = Math.floor(Math.min(at, now) / DAY_MS)
    const recent = day >= Math.floor(now / DAY_MS) - 1
    const key = `${day}\u0000${siteId}\u0000${ip}\u0000${ua}`
    let id = this.hashes.get(key)
    if (!id) {
      const salt = recent ? this.salts.saltFor(day * DAY_MS) : today
      const h = new Bun.CryptoHasher('sha256', salt)
      // Today's and yesterday's ids hash what they always did; an older day's adds the day.
      h.update(recent ? key.slice(key.indexOf('\u0000') + 1) : key)
      id = `v_${h.digest('base64url').slice(0, 22)}`
      this.hashes.set(key, id)
    }
    return id
  }
}
