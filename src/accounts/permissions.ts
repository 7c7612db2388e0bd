// The permission table: every route (by `METHOD /path` as Elysia registers it) names the one permission
// it needs, and `grants` says which permissions a caller holds on a site. The access guard
// (`guard.ts`) applies both to every request, whatever the credential: the admin token, a site key, a
// read-only key, a cookie session, a personal API token or a share link. Pure: no I/O, tested as a table.

/** The kinds of credential a request can carry. */
export const CREDENTIAL_KINDS = [
  'admin-token',
  'secret-key',
  'public-key',
  'read-key',
  'session',
  'api-token',
  'share-link',
  'none',
] as const
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number]

/** Per-site roles, weakest first; the instance owner holds every one on every site. */
export const SITE_ROLES = ['viewer', 'editor', 'admin'] as const
export type SiteRole = (typeof SITE_ROLES)[number]

/** What a route needs. */
export type Permission =
  /** Anyone, with or without credentials (scripts, pages, sign-in; /health checks its optional token). */
  | 'open'
  /** The ingest routes check their own site key (public or secret), before the body is read. */
  | 'ingest'
  /** Aggregated stats of one site. */
  | 'site.read'
  /** Raw events and the live stream of one site. */
  | 'site.raw'
  /** The streamed export of every raw event of one site. */
  | 'site.export'
  /** Erasing a user's events from one site. */
  | 'site.erase'
  /** Seeing a site's settings and goals. */
  | 'site.view'
  /** Goals and share links of a site (editor and up). */
  | 'site.edit'
  /** Annotations and saved segments of a site: editors and up, and the site's secret key (a deploy step). */
  | 'site.annotate'
  /** Keys, members, settings, reports and the audit log of a site (site admin). */
  | 'site.admin'
  /** Listing sites: each caller sees the sites it may view. */
  | 'sites.list'
  /** Instance-wide administration: sites, backups, imports, SQL, users (owner or admin token). */
  | 'instance'
  /** Server-to-server reads that take the admin token or a secret key (MCP). */
  | 'server'
  /** `GET /metrics`: the admin token (every site and the server), a secret or read-only key (its site). */
  | 'metrics'
  /** A signed-in user's own account: personal tokens, sign-out, who am I. */
  | 'account'

/** Permissions a site-scoped credential holds on its own site. */
const KEY_GRANTS: Record<'secret-key' | 'public-key' | 'read-key' | 'share-link', readonly Permission[]> = {
  'secret-key': [
    'ingest',
    'server',
    'metrics',
    'site.read',
    'site.raw',
    'site.export',
    'site.erase',
    'site.annotate',
  ],
  'public-key': ['ingest'],
  // A read-only key reads stats and raw events; it never writes, exports or erases.
  // It may also be scraped for its site's metrics (Prometheus, Grafana).
  'read-key': ['site.read', 'site.raw', 'metrics'],
  // A share link is a read-only dashboard: aggregates only.
  'share-link': ['site.read'],
}

/** Permissions each site role holds on its site. */
export const ROLE_GRANTS: Record<SiteRole, readonly Permission[]> = {
  viewer: ['site.read', 'site.raw', 'site.view'],
  editor: ['site.read', 'site.raw', 'site.view', 'site.edit', 'site.annotate'],
  admin: [
    'site.read',
    'site.raw',
    'site.view',
    'site.edit',
    'site.annotate',
    'site.admin',
    'site.export',
    'site.erase',
  ],
}

const SITE_PERMISSIONS: readonly Permission[] = [
  'site.read',
  'site.raw',
  'site.export',
  'site.erase',
  'site.view',
  'site.edit',
  'site.annotate',
  'site.admin',
]

/** Who is asking, as the permission check needs it. */
export interface Grantee {
  kind: CredentialKind
  /** The site a key or share link belongs to. */
  siteId?: string
  /** A user's instance-owner flag and roles by site (sessions and personal tokens). */
  owner?: boolean
  roles?: Record<string, SiteRole>
}

/**
 * Whether `who` holds `permission` on `siteId` (`undefined`: the request names no site yet; then the
 * answer is whether it holds it on some site, and validation refuses the missing site after).
 */
export function grants(who: Grantee, permission: Permission, siteId: string | undefined): boolean {
  if (permission === 'open') return true
  // The ingest routes authenticate their keys themselves; the guard lets every caller through to them.
  if (permission === 'ingest') return true
  switch (who.kind) {
    case 'none':
      return false
    case 'admin-token':
      return permission !== 'account'
    case 'secret-key':
    case 'public-key':
    case 'read-key':
    case 'share-link': {
      if (!KEY_GRANTS[who.kind].includes(permission)) return false
      if (!SITE_PERMISSIONS.includes(permission)) return true
      return siteId === undefined || siteId === who.siteId
    }
    case 'session':
    case 'api-token': {
      if (permission === 'account' || permission === 'sites.list') return true
      // Scrapers and MCP clients use keys: a person's session never stands in for one.
      if (who.owner) return permission !== 'server' && permission !== 'metrics'
      if (!SITE_PERMISSIONS.includes(permission)) return false
      const roles = who.roles ?? {}
      if (siteId === undefined) return Object.values(roles).some((r) => ROLE_GRANTS[r].includes(permission))
      const role = roles[siteId]
      return role !== undefined && ROLE_GRANTS[role].includes(permission)
    }
  }
}

/** Whether a user's role reaches `role` (admin ⊇ editor ⊇ viewer). */
export function roleAtLeast(role: SiteRole | undefined, needed: SiteRole): boolean {
  return role !== undefined && SITE_ROLES.indexOf(role) >= SITE_ROLES.indexOf(needed)
}
