// Admin routes for sites and keys, authorised by the admin token. Never answers CORS.
import { Elysia, t } from 'elysia'
import { canSeeSite, principalOf } from '../accounts/guard'
import type { Config } from '../config'
import { NotFoundError } from '../errors'
import { envelope, errors, ok } from '../http/envelope'
import {
  ApiKeyInfo,
  CreatedKey,
  CreatedSite,
  CreateKeyBody,
  CreateSiteBody,
  Site,
  SiteExclusions,
  SiteId,
  UpdateSiteBody,
} from './model'
import { getSite, listKeys, listSites } from './repo'
import { changeSite, createKey, createSite, removeKey, removeSite, type SiteServiceDeps } from './service'

const detail = (summary: string) => ({ summary, tags: ['Admin'], security: [{ bearerAuth: [] }] })
const SiteParams = t.Object({ site_id: SiteId })

/**
 * Routes under /api/v1/sites. Who may call each is in the permission table (src/accounts/routes-table.ts),
 * checked by the access guard before validation, so a request without rights learns nothing of the schemas.
 */
export function siteRoutes(deps: SiteServiceDeps & { config: Config }) {
  return new Elysia({ name: 'sites', prefix: '/api/v1/sites' })
    .model({ CreateSiteBody, UpdateSiteBody, SiteExclusions, Site, CreatedSite, ApiKeyInfo, CreatedKey })
    .post(
      '',
      async ({ body, set }) => {
        set.status = 201
        return ok(await createSite(deps, body))
      },
      {
        body: CreateSiteBody,
        detail: {
          ...detail('Create a site'),
          description:
            'Creates a site with a public key (for web pages) and a secret key (for servers and stats). The keys are shown only in this response.',
        },
        response: { 201: envelope(CreatedSite), ...errors(400, 401, 409, 422) },
      },
    )
    .get(
      '',
      async ({ request }) => {
        // Each caller sees the sites it may view (a viewer of one site: that one).
        const who = principalOf(request)
        return ok((await listSites(deps.db)).filter((s) => canSeeSite(who, s.site_id)))
      },
      {
        detail: detail('List sites'),
        response: { 200: envelope(t.Array(Site)), ...errors(401) },
      },
    )
    .get(
      '/:site_id',
      async ({ params }) => {
        const site = await getSite(deps.db, params.site_id)
        if (!site) throw new NotFoundError(`Unknown site: ${params.site_id}`)
        return ok(site)
      },
      {
        params: SiteParams,
        detail: detail('Get a site'),
        response: { 200: envelope(Site), ...errors(401, 404, 422) },
      },
    )
    .patch('/:site_id', async ({ params, body }) => ok(await changeSite(deps, params.site_id, body)), {
      params: SiteParams,
      body: UpdateSiteBody,
      detail: {
        ...detail('Change a site'),
        description:
          "Changes a site's name, domains, aliases (other tools' ids, such as an Umami website id), server-side exclusion rules, time zone or retention; fields left out are kept. An alias another site has is refused with 409. A new time zone changes how later reads cut periods and buckets, never the stored times; a shorter retention takes effect at the next daily prune.",
      },
      response: { 200: envelope(Site), ...errors(400, 401, 404, 409, 422) },
    })
    .delete(
      '/:site_id',
      async ({ params }) => {
        await removeSite(deps, params.site_id)
        return ok({ deleted: true })
      },
      {
        params: SiteParams,
        detail: {
          ...detail('Delete a site'),
          description: 'Deletes the site, its keys, its goals and all its events.',
        },
        response: { 200: envelope(t.Object({ deleted: t.Boolean() })), ...errors(401, 404, 422) },
      },
    )
    .get(
      '/:site_id/keys',
      async ({ params }) => {
        if (!(await getSite(deps.db, params.site_id)))
          throw new NotFoundError(`Unknown site: ${params.site_id}`)
        return ok(await listKeys(deps.db, params.site_id))
      },
      {
        params: SiteParams,
        detail: detail('List the keys of a site'),
        response: { 200: envelope(t.Array(ApiKeyInfo)), ...errors(401, 404, 422) },
      },
    )
    .post(
      '/:site_id/keys',
      async ({ params, body, set }) => {
        set.status = 201
        return ok(await createKey(deps, params.site_id, body.kind))
      },
      {
        params: SiteParams,
        body: CreateKeyBody,
        detail: detail('Create a key for a site'),
        response: { 201: envelope(CreatedKey), ...errors(400, 401, 404, 422) },
      },
    )
    .delete(
      '/:site_id/keys/:key_id',
      async ({ params }) => {
        await removeKey(deps, params.site_id, params.key_id)
        return ok({ revoked: true })
      },
      {
        params: t.Object({ site_id: SiteId, key_id: t.String({ maxLength: 64 }) }),
        detail: detail('Revoke a key'),
        response: { 200: envelope(t.Object({ revoked: t.Boolean() })), ...errors(401, 404, 422) },
      },
    )
}
