// Ids of imported visitors and sessions, keyed with a secret that is made at random when the process
// starts and lives only in its memory: never stored, logged or exported. Stored ids are HMAC-SHA256 of
// (day, site, address, User-Agent) under that secret, so nobody who reads the events or an export can
// confirm that a known address visited (a fixed-seed hash could be reversed by trying all of IPv4).
// Re-importing a file stays idempotent all the same: duplicates are found by event id, which is derived
// from the line without its address or User-Agent (src/imports/sources/access-log.ts).
import { randomBytes } from 'node:crypto'
import { BoundedCache } from './cache'

const DAY_MS = 86_400_000

/** Secret-keyed ids of one process's imports; see the module comment. */
export class ImportIds {
  readonly #secret = randomBytes(32)
  /** A log repeats its visitors line after line: one HMAC per visitor-day, not per line. */
  readonly #ids = new BoundedCache<string, string>({ capacity: 50_000 })

  /** A keyed, non-reversible id of `text`, with `prefix`. */
  anonymousId(prefix: string, text: string): string {
    const key = `${prefix}\u0000${text}`
    let id = this.#ids.get(key)
    if (id === undefined) {
      const h = new Bun.CryptoHasher('sha256', this.#secret)
      h.update(key)
      id = `${prefix}_${h.digest('base64url').slice(0, 22)}`
      this.#ids.set(key, id)
    }
    return id
  }

  /** The visitor id of (site, address, User-Agent) on the UTC day of `at`. */
  idFor(siteId: string, ip: string, ua: string, at: number): string {
    return this.anonymousId('v', `${Math.floor(at / DAY_MS)}\u0000${siteId}\u0000${ip}\u0000${ua}`)
  }
}
