// Sites and API keys in DuckDB: one function per query, values bound as parameters.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { EventStore } from '../events/store'
import { generateKey, hashKey, type KeyKind, randomId } from './keys'
import type { ApiKeyInfo, Site, SiteExclusions } from './model'

/** A stored key as the auth layer needs it. */
export interface KeyRecord {
  keyId: string
  siteId: string
  kind: KeyKind
}

const SITE_COLUMNS =
  'site_id, name, domains, coalesce(aliases, []) AS aliases, exclusions, z.timezone, r.retention_days, created_at'
/** Sites with their time zone (016) and retention (015), each in a table of its own. */
const SITES = 'sites LEFT JOIN site_zones z USING (site_id) LEFT JOIN site_retention r USING (site_id)'

/** A site row as DuckDB returns it: `exclusions` is JSON text (or NULL). */
type SiteRow = Omit<Site, 'exclusions'> & { exclusions: string | null }

const toSite = (r: SiteRow): Site => ({ ...r, exclusions: r.exclusions ? JSON.parse(r.exclusions) : {} })

/** Every site, oldest first. */
export async function listSites(db: Database): Promise<Site[]> {
  const rows = await queryRows<SiteRow>(
    db.reader,
    `SELECT ${SITE_COLUMNS} FROM ${SITES} ORDER BY created_at, site_id`,
  )
  return rows.map(toSite)
}

/** One site, or undefined. */
export async function getSite(db: Database, siteId: string): Promise<Site | undefined> {
  const rows = await queryRows<SiteRow>(
    db.reader,
    `SELECT ${SITE_COLUMNS} FROM ${SITES} WHERE site_id = $1`,
    [siteId],
  )
  return rows[0] && toSite(rows[0])
}

/** The settings of a site that may change after it is made. */
export interface SiteSettings {
  name: string
  domains: string[]
  aliases: string[]
  exclusions: SiteExclusions
  /**
   * IANA time zone (null: not set — reads default to UTC, the dashboard to each viewer's zone): the default
   * of reads that name none; it cuts periods and buckets, never stored times.
   */
  timezone: string | null
  /** Days of events kept (the daily prune deletes older ones), or null to keep everything. */
  retention_days: number | null
}

/** Run `work` on the writer in one transaction, under the write lock. */
function inTransaction(db: Database, work: () => Promise<void>): Promise<void> {
  return db.writeLock.run(async () => {
    await db.writer.run('BEGIN TRANSACTION')
    try {
      await work()
      await db.writer.run('COMMIT')
    } catch (err) {
      await db.writer.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}

/** Store a site's time zone and retention (rows only where they differ from the defaults). */
async function writeZoneAndRetention(db: Database, siteId: string, s: SiteSettings): Promise<void> {
  await db.writer.run('DELETE FROM site_zones WHERE site_id = $1', [siteId])
  if (s.timezone !== null)
    await db.writer.run('INSERT INTO site_zones (site_id, timezone) VALUES ($1, $2)', [siteId, s.timezone])
  if (s.retention_days === null)
    await db.writer.run('DELETE FROM site_retention WHERE site_id = $1', [siteId])
  else
    await db.writer.run(
      'INSERT INTO site_retention (site_id, retention_days) VALUES ($1, $2) ON CONFLICT (site_id) DO UPDATE SET retention_days = excluded.retention_days',
      [siteId, s.retention_days],
    )
}

/** Insert a site row (with its time zone and retention). */
export async function insertSite(db: Database, site: { siteId: string } & SiteSettings): Promise<void> {
  await inTransaction(db, async () => {
    await db.writer.run(
      'INSERT INTO sites (site_id, name, domains, aliases, exclusions) VALUES ($1, $2, CAST($3::JSON AS VARCHAR[]), CAST($4::JSON AS VARCHAR[]), $5::JSON)',
      [
        site.siteId,
        site.name,
        JSON.stringify(site.domains),
        JSON.stringify(site.aliases),
        JSON.stringify(site.exclusions),
      ],
    )
    await writeZoneAndRetention(db, site.siteId, site)
  })
}

/** Replace a site's settings. */
export async function updateSite(db: Database, siteId: string, s: SiteSettings): Promise<void> {
  await inTransaction(db, async () => {
    await db.writer.run(
      'UPDATE sites SET name = $2, domains = CAST($3::JSON AS VARCHAR[]), aliases = CAST($4::JSON AS VARCHAR[]), exclusions = $5::JSON WHERE site_id = $1',
      [siteId, s.name, JSON.stringify(s.domains), JSON.stringify(s.aliases), JSON.stringify(s.exclusions)],
    )
    await writeZoneAndRetention(db, siteId, s)
  })
}

/** Create a key for a site; returns the key itself (shown once) and its record. */
export async function insertKey(
  db: Database,
  siteId: string,
  kind: KeyKind,
): Promise<{ key: string; record: KeyRecord }> {
  const key = generateKey(kind)
  const keyId = randomId('key_')
  await db.writeLock.run(() =>
    db.writer.run(
      'INSERT INTO api_keys (key_id, site_id, kind, key_hash, key_prefix) VALUES ($1, $2, $3, $4, $5)',
      [keyId, siteId, kind, hashKey(key), key.slice(0, 7)],
    ),
  )
  return { key, record: { keyId, siteId, kind } }
}

/** The keys of a site, revoked ones included. */
export async function listKeys(db: Database, siteId: string): Promise<ApiKeyInfo[]> {
  return queryRows<ApiKeyInfo>(
    db.reader,
    'SELECT key_id, site_id, kind, key_prefix, created_at, revoked_at FROM api_keys WHERE site_id = $1 ORDER BY created_at, key_id',
    [siteId],
  )
}

/** Mark a key revoked; returns false when the site has no such active key. */
export async function revokeKey(db: Database, siteId: string, keyId: string, now: number): Promise<boolean> {
  return db.writeLock.run(async () => {
    const res = await db.writer.run(
      'UPDATE api_keys SET revoked_at = make_timestamp($3::BIGINT * 1000) WHERE site_id = $1 AND key_id = $2 AND revoked_at IS NULL',
      [siteId, keyId, BigInt(now)],
    )
    return res.rowsChanged > 0
  })
}

/** Delete a site with its events (through the event store), imports, reports, keys and goals, in one unit. */
export async function deleteSite(db: Database, events: EventStore, siteId: string): Promise<void> {
  await events.deleteEvents({ siteId }, async () => {
    await db.writer.run('DELETE FROM imports WHERE site_id = $1', [siteId])
    // Reports: its webhooks, digests, alert rules and deliveries (pending ones would otherwise still send).
    await db.writer.run(
      'DELETE FROM delivery_attempts WHERE delivery_id IN (SELECT delivery_id FROM deliveries WHERE site_id = $1)',
      [siteId],
    )
    for (const table of ['deliveries', 'alert_rules', 'digests', 'webhooks'])
      await db.writer.run(`DELETE FROM ${table} WHERE site_id = $1`, [siteId])
    await db.writer.run('DELETE FROM api_keys WHERE site_id = $1', [siteId])
    await db.writer.run('DELETE FROM goals WHERE site_id = $1', [siteId])
    for (const table of ['site_zones', 'site_retention', 'annotations', 'segments'])
      await db.writer.run(`DELETE FROM ${table} WHERE site_id = $1`, [siteId])
    await db.writer.run('DELETE FROM sites WHERE site_id = $1', [siteId])
  })
}

/** Every active key as hash → record, for the in-memory key store. */
export async function loadActiveKeys(db: Database): Promise<Map<string, KeyRecord>> {
  const rows = await queryRows<{ key_hash: string; key_id: string; site_id: string; kind: KeyKind }>(
    db.reader,
    'SELECT key_hash, key_id, site_id, kind FROM api_keys WHERE revoked_at IS NULL',
  )
  return new Map(rows.map((r) => [r.key_hash, { keyId: r.key_id, siteId: r.site_id, kind: r.kind }]))
}

/** Every site's settings, for the origin check, the drop-in endpoints' lookups and exclusions. */
export async function loadSiteSettings(db: Database): Promise<Map<string, SiteSettings>> {
  const rows = await queryRows<SiteRow>(db.reader, `SELECT ${SITE_COLUMNS} FROM ${SITES}`)
  return new Map(rows.map((r) => [r.site_id, toSite(r)]))
}
