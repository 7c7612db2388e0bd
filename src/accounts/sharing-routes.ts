// Read-only keys and share links of a site, and the two public routes of a link: what it shows, and
// unlocking it with its password.
import { Elysia, t } from 'elysia'
import { NotFoundError } from '../errors'
import { envelope, errors, ok } from '../http/envelope'
import { actorOf } from './audit'
import { sharePrincipal } from './credentials'
import type { AccountRouteDeps } from './deps'
import { principalOf } from './guard'
import { addressOf } from './http'
import {
  CreatedReadKey,
  CreatedShareLink,
  CreateReadKeyBody,
  CreateShareLinkBody,
  PasswordBody,
  ReadKeyInfo,
  ShareAccess,
  SharedView,
  ShareLinkInfo,
} from './model'
import type { ReadKey, ShareLink } from './records'
import { digest } from './secrets'
import {
  createReadKey,
  createShareLink,
  listReadKeys,
  listShareLinks,
  revokeLink,
  revokeReadKey,
  unlockLink,
} from './sharing'

const SiteId = t.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' })
const SiteParams = t.Object({ site_id: SiteId })
const detail = (summary: string, description?: string) => ({
  summary,
  ...(description ? { description } : {}),
  tags: ['Sharing'],
  security: [{ bearerAuth: [] }],
})

const readKeyView = (k: ReadKey): typeof ReadKeyInfo.static => ({
  key_id: k.keyId,
  site_id: k.siteId,
  name: k.name,
  locked_filters: k.lockedFilters,
  min_visitors: k.minVisitors,
  created_at: k.createdAt,
  expires_at: k.expiresAt,
})

const linkView = (l: ShareLink): typeof ShareLinkInfo.static => ({
  link_id: l.linkId,
  site_id: l.siteId,
  name: l.name,
  has_password: l.passwordHash !== null,
  locked_filters: l.lockedFilters,
  min_visitors: l.minVisitors,
  embed_origins: l.embedOrigins,
  created_at: l.createdAt,
  expires_at: l.expiresAt,
  revoked_at: l.revokedAt,
})

/** The routes. */
export function sharingRoutes(deps: AccountRouteDeps) {
  const { accounts } = deps
  const siteMustExist = (siteId: string) => {
    if (!deps.store.hasSite(siteId)) throw new NotFoundError(`Unknown site: ${siteId}`)
  }
  const audit = (request: Request, action: string, siteId: string, target: string) =>
    deps.audit.record({ actor: actorOf(principalOf(request)), action, siteId, target })
  return new Elysia({ name: 'accounts-sharing', prefix: '/api/v1' })
    .model({
      CreateReadKeyBody,
      ReadKeyInfo,
      CreatedReadKey,
      CreateShareLinkBody,
      ShareLinkInfo,
      CreatedShareLink,
      SharedView,
      ShareAccess,
    })
    .get(
      '/sites/:site_id/read-keys',
      ({ params }) => {
        siteMustExist(params.site_id)
        return ok(listReadKeys(accounts, params.site_id).map(readKeyView))
      },
      {
        params: SiteParams,
        detail: detail('List the read-only keys of a site'),
        response: { 200: envelope(t.Array(ReadKeyInfo)), ...errors(401, 403, 404, 422) },
      },
    )
    .post(
      '/sites/:site_id/read-keys',
      async ({ params, body, set, request }) => {
        siteMustExist(params.site_id)
        const { key, record } = await createReadKey(accounts, params.site_id, body, deps.checkFilters)
        await audit(request, 'read-key.create', params.site_id, record.keyId)
        set.status = 201
        return ok({ ...readKeyView(record), key })
      },
      {
        params: SiteParams,
        body: CreateReadKeyBody,
        detail: detail(
          'Create a read-only key',
          'A key (`rk_…`) that reads the stats and raw events of this site and nothing else: it never sends, exports or erases. A locked filter is applied to every read and cannot be removed; with `min_visitors` small rows fold into "(other)", narrow views and raw events are refused. The key is shown once.',
        ),
        response: { 201: envelope(CreatedReadKey), ...errors(401, 403, 404, 422) },
      },
    )
    .delete(
      '/sites/:site_id/read-keys/:key_id',
      async ({ params, request }) => {
        await revokeReadKey(accounts, params.site_id, params.key_id)
        await audit(request, 'read-key.revoke', params.site_id, params.key_id)
        return ok({ revoked: true })
      },
      {
        params: t.Object({ site_id: SiteId, key_id: t.String({ maxLength: 64 }) }),
        detail: detail('Revoke a read-only key', 'It stops working at once.'),
        response: { 200: envelope(t.Object({ revoked: t.Boolean() })), ...errors(401, 403, 404, 422) },
      },
    )
    .get(
      '/sites/:site_id/share-links',
      ({ params }) => {
        siteMustExist(params.site_id)
        return ok(listShareLinks(accounts, params.site_id).map(linkView))
      },
      {
        params: SiteParams,
        detail: detail('List the share links of a site'),
        response: { 200: envelope(t.Array(ShareLinkInfo)), ...errors(401, 403, 404, 422) },
      },
    )
    .post(
      '/sites/:site_id/share-links',
      async ({ params, body, set, request }) => {
        siteMustExist(params.site_id)
        const who = actorOf(principalOf(request))
        const { slug, record } = await createShareLink(accounts, params.site_id, who, body, deps.checkFilters)
        await audit(request, 'share-link.create', params.site_id, record.linkId)
        set.status = 201
        return ok({ ...linkView(record), slug, url: `${deps.config.publicUrl}/share/${slug}` })
      },
      {
        params: SiteParams,
        body: CreateShareLinkBody,
        detail: detail(
          'Create a share link',
          'A read-only dashboard of this site at an unguessable URL, optionally with a password, an expiry, a locked filter, a minimum count, and origins allowed to embed it in an <iframe> (not with a password). The URL is shown once.',
        ),
        response: { 201: envelope(CreatedShareLink), ...errors(401, 403, 404, 422) },
      },
    )
    .delete(
      '/sites/:site_id/share-links/:link_id',
      async ({ params, request }) => {
        await revokeLink(accounts, params.site_id, params.link_id)
        await audit(request, 'share-link.revoke', params.site_id, params.link_id)
        return ok({ revoked: true })
      },
      {
        params: t.Object({ site_id: SiteId, link_id: t.String({ maxLength: 64 }) }),
        detail: detail('Revoke a share link', 'It answers 410 from now on.'),
        response: { 200: envelope(t.Object({ revoked: t.Boolean() })), ...errors(401, 403, 404, 422) },
      },
    )
    .get(
      '/share/:slug',
      ({ params }) => {
        const link = linkBySlug(deps, params.slug)
        return ok({
          site_id: link.siteId,
          name: link.name,
          needs_password: link.passwordHash !== null,
          locked_filters: link.lockedFilters,
          min_visitors: link.minVisitors,
        })
      },
      {
        params: t.Object({ slug: t.String({ maxLength: 100 }) }),
        detail: {
          summary: 'Open a share link',
          description: 'What the link shows; 404 unknown, 410 revoked or expired.',
          tags: ['Sharing'],
          security: [],
        },
        response: { 200: envelope(SharedView), ...errors(404, 410, 422) },
      },
    )
    .post(
      '/share/:slug/unlock',
      async ({ params, body, request, server }) => {
        const link = linkBySlug(deps, params.slug)
        const address = addressOf(server, request, deps.config.trustedProxies)
        const access = await unlockLink(accounts, deps.sharePasswords, link, body.password, address).catch(
          async (err) => {
            await deps.audit.record({
              actor: `share-link:${link.linkId}`,
              action: 'share-link.unlock',
              siteId: link.siteId,
              address,
              outcome: 'refused',
            })
            throw err
          },
        )
        return ok({ access_token: access.token, expires_at: access.expiresAt })
      },
      {
        params: t.Object({ slug: t.String({ maxLength: 100 }) }),
        body: PasswordBody,
        detail: {
          summary: 'Unlock a password-protected share link',
          description:
            'Checks the password (rate-limited per link and per address: 429) and returns an access token for an hour.',
          tags: ['Sharing'],
          security: [],
        },
        response: { 200: envelope(ShareAccess), ...errors(401, 404, 410, 422, 429) },
      },
    )
}

/** The live link of a slug: 404 unknown, 410 revoked or expired. */
export function linkBySlug(deps: Pick<AccountRouteDeps, 'accounts'>, slug: string): ShareLink {
  const who = sharePrincipal(deps.accounts, digest(slug), false)
  const link = deps.accounts.shareLinks.get(digest(slug))
  if (!link || who.kind !== 'share-link') throw new NotFoundError('Unknown share link')
  return link
}
