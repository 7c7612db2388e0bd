// Site administration: create a site with its first public and secret keys, delete it, manage keys.
// Every change reloads the in-memory key store.
import type { Database } from '../db/open'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import type { EventStore } from '../events/store'
import { type KeyKind, randomId } from './keys'
import type { CreatedKey, CreatedSite, CreateSiteBody, Site, UpdateSiteBody } from './model'
import { deleteSite, getSite, insertKey, insertSite, revokeKey, updateSite } from './repo'
import type { SiteStore } from './store'

/** What the service needs. */
export interface SiteServiceDeps {
  db: Database
  store: SiteStore
  /** The ingest buffer: written out before a site's events are deleted. */
  buffer: { flush(): Promise<unknown> }
  /** The event store the site's events are deleted from. */
  events: { store: EventStore }
  clock: () => number
}

const normalise = (list: string[] | undefined) => [
  ...new Set((list ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean)),
]

/** A ConflictError when another site already has one of `aliases` (they must name one site). */
async function refuseTakenAliases(deps: SiteServiceDeps, siteId: string, aliases: string[]): Promise<void> {
  for (const a of aliases) {
    const owner = deps.store.siteByAlias(a)
    if (owner !== undefined && owner !== siteId)
      throw new ConflictError(`Alias ${a.slice(0, 64)} already belongs to site ${owner}`)
  }
}

/** `tz` if the platform knows the time zone, else a 422 naming it. */
function checkTimezone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return tz
  } catch {
    throw new ValidationError(
      `Unknown timezone "${tz.slice(0, 64)}": use an IANA name such as Europe/Berlin`,
      [{ path: '$.timezone', message: 'must be an IANA time zone name' }],
    )
  }
}

/** Create a site and its two keys; a ConflictError if the id or an alias is taken. */
export async function createSite(deps: SiteServiceDeps, body: CreateSiteBody): Promise<CreatedSite> {
  const siteId = body.site_id ?? randomId('site_', 6)
  if (await getSite(deps.db, siteId)) throw new ConflictError(`Site ${siteId} already exists`)
  const domains = normalise(body.domains)
  const aliases = normalise(body.aliases)
  const exclusions = body.exclusions ?? {}
  await refuseTakenAliases(deps, siteId, aliases)
  const name = body.name ?? siteId
  const timezone = body.timezone ? checkTimezone(body.timezone) : null
  const retention_days = body.retention_days ?? null
  try {
    await insertSite(deps.db, { siteId, name, domains, aliases, exclusions, timezone, retention_days })
  } catch (err) {
    if (/duplicate|primary key|unique/i.test((err as Error).message))
      throw new ConflictError(`Site ${siteId} already exists`)
    throw err
  }
  const pub = await insertKey(deps.db, siteId, 'public')
  const sec = await insertKey(deps.db, siteId, 'secret')
  await deps.store.reload()
  return {
    site_id: siteId,
    name,
    domains,
    aliases,
    exclusions,
    timezone,
    retention_days,
    public_key: pub.key,
    secret_key: sec.key,
  }
}

/** Change a site's name, domains, aliases, exclusions, time zone or retention (what the body leaves out is kept). */
export async function changeSite(deps: SiteServiceDeps, siteId: string, body: UpdateSiteBody): Promise<Site> {
  const site = await getSite(deps.db, siteId)
  if (!site) throw new NotFoundError(`Unknown site: ${siteId}`)
  const next = {
    name: body.name ?? site.name,
    domains: body.domains ? normalise(body.domains) : site.domains,
    aliases: body.aliases ? normalise(body.aliases) : site.aliases,
    exclusions: body.exclusions ?? site.exclusions,
    timezone: body.timezone === undefined ? site.timezone : body.timezone && checkTimezone(body.timezone),
    retention_days: body.retention_days === undefined ? site.retention_days : body.retention_days,
  }
  await refuseTakenAliases(deps, siteId, next.aliases)
  await updateSite(deps.db, siteId, next)
  await deps.store.reload()
  return { ...site, ...next }
}

/** Delete a site with its keys, goals and events (buffered events are written first, then removed). */
export async function removeSite(deps: SiteServiceDeps, siteId: string): Promise<void> {
  if (!(await getSite(deps.db, siteId))) throw new NotFoundError(`Unknown site: ${siteId}`)
  await deps.buffer.flush()
  await deleteSite(deps.db, deps.events.store, siteId)
  await deps.store.reload()
}

/** Create another key for a site. */
export async function createKey(deps: SiteServiceDeps, siteId: string, kind: KeyKind): Promise<CreatedKey> {
  if (!(await getSite(deps.db, siteId))) throw new NotFoundError(`Unknown site: ${siteId}`)
  const { key, record } = await insertKey(deps.db, siteId, kind)
  await deps.store.reload()
  return { key_id: record.keyId, site_id: siteId, kind, key }
}

/** Revoke a key; a NotFoundError when the site has no such active key. */
export async function removeKey(deps: SiteServiceDeps, siteId: string, keyId: string): Promise<void> {
  if (!(await revokeKey(deps.db, siteId, keyId, deps.clock())))
    throw new NotFoundError(`No active key ${keyId.slice(0, 64)} for site ${siteId}`)
  await deps.store.reload()
}
