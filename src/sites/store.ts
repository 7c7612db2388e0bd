// In-memory view of active keys and site domains, so authenticating an event costs one hash and one map lookup.
import type { Database } from '../db/open'
import { hashKey } from './keys'
import { type KeyRecord, loadActiveKeys, loadSiteDomains } from './repo'

/** Active keys by hash and the domains of each site; reloaded after every admin change. */
export class SiteStore {
  private keys = new Map<string, KeyRecord>()
  private domains = new Map<string, string[]>()

  constructor(private db: Database) {}

  /** Re-read keys and sites from the database. */
  async reload(): Promise<void> {
    this.keys = await loadActiveKeys(this.db)
    this.domains = await loadSiteDomains(this.db)
  }

  /**
   * The record of an active key, or undefined. Lookup is by the key's sha256 digest, so the time taken
   * does not depend on how much of a guessed key matches a real one.
   */
  findKey(key: string): KeyRecord | undefined {
    return this.keys.get(hashKey(key))
  }

  /** Whether the site exists. */
  hasSite(siteId: string): boolean {
    return this.domains.has(siteId)
  }

  /** Domains configured for a site (empty: any origin). */
  domainsOf(siteId: string): string[] {
    return this.domains.get(siteId) ?? []
  }
}
