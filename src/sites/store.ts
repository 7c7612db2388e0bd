// In-memory view of active keys and site settings, so authenticating an event costs one hash and one map
// lookup, and the drop-in endpoints find a site by its domain or alias without a query.
import type { Database } from '../db/open'
import { type CompiledExclusions, compileExclusions } from './exclusions'
import { hashKey } from './keys'
import { type KeyRecord, loadActiveKeys, loadSiteSettings } from './repo'

/** Active keys by hash and each site's domains, aliases and exclusions; reloaded after every admin change. */
export class SiteStore {
  private keys = new Map<string, KeyRecord>()
  private domains = new Map<string, string[]>()
  private byDomain = new Map<string, string>()
  private byAlias = new Map<string, string>()
  private exclusions = new Map<string, CompiledExclusions>()
  private zones = new Map<string, string>()

  constructor(private db: Database) {}

  /** Re-read keys and sites from the database. */
  async reload(): Promise<void> {
    const keys = await loadActiveKeys(this.db)
    const sites = await loadSiteSettings(this.db)
    const domains = new Map<string, string[]>()
    const byDomain = new Map<string, string>()
    const byAlias = new Map<string, string>()
    const exclusions = new Map<string, CompiledExclusions>()
    const zones = new Map<string, string>()
    for (const [siteId, s] of sites) {
      domains.set(siteId, s.domains)
      if (s.timezone) zones.set(siteId, s.timezone)
      // The first (oldest) site listing a domain keeps it for the lookup; a second alias is refused by the
      // admin API.
      for (const d of s.domains)
        if (!d.startsWith('*.') && !byDomain.has(d)) byDomain.set(d.toLowerCase(), siteId)
      for (const a of s.aliases) if (!byAlias.has(a)) byAlias.set(a.toLowerCase(), siteId)
      exclusions.set(siteId, compileExclusions(s.exclusions))
    }
    Object.assign(this, { keys, domains, byDomain, byAlias, exclusions, zones })
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

  /** The site that lists `domain` (a host name, any case; a leading `www.` also matches without). */
  siteByDomain(domain: string): string | undefined {
    const d = domain.trim().toLowerCase()
    return this.byDomain.get(d) ?? (d.startsWith('www.') ? this.byDomain.get(d.slice(4)) : undefined)
  }

  /** The site that has `alias` (e.g. an Umami website id) among its aliases. */
  siteByAlias(alias: string): string | undefined {
    return this.byAlias.get(alias.trim().toLowerCase())
  }

  /** A site's time zone (UTC when it has none set): the default of its reads. */
  timezoneOf(siteId: string): string {
    return this.zones.get(siteId) ?? 'UTC'
  }

  /** A site's compiled exclusion rules, or undefined when it has none. */
  exclusionsOf(siteId: string): CompiledExclusions | undefined {
    return this.exclusions.get(siteId)
  }
}
