// Sessions for payloads that carry none (Plausible's and Umami's): a visitor (site, address, User-Agent)
// keeps one session id until 30 minutes pass without an event, as PULSE's tracker does in the browser.
// Bounded: the least recently seen visitors are forgotten first (their next event starts a new session).
import { randomBytes } from 'node:crypto'
import { BoundedCache } from '../ingest/enrich/cache'

const IDLE_MS = 30 * 60_000

/** Server-side session ids of visitors whose clients send none. */
export class CompatSessions {
  private readonly last = new BoundedCache<string, { id: string; seen: number }>({ capacity: 100_000 })

  /** The session id of (site, address, User-Agent) at `now`; a new one after 30 idle minutes. */
  sessionFor(siteId: string, ip: string | undefined, ua: string | undefined, now: number): string {
    // A hash as the key: the cache holds no address or User-Agent text.
    const key = Bun.hash(`${siteId}\u0000${ip ?? ''}\u0000${ua ?? ''}`).toString(36)
    const s = this.last.get(key)
    if (s && now - s.seen < IDLE_MS && now >= s.seen - IDLE_MS) {
      s.seen = Math.max(s.seen, now)
      return s.id
    }
    const id = `s_${randomBytes(12).toString('base64url')}`
    this.last.set(key, { id, seen: now })
    return id
  }
}
