// Routes of saved segments under /api/v1/sites/:site_id/segments: list (shared ones and the caller's
// own), save, delete. The site's secret key or the admin token; a read applies one with `segment=ID`.
import { Elysia, t } from 'elysia'
import { principalOf } from '../../accounts/guard'
import { NotFoundError } from '../../errors'
import { envelope, errors, ok } from '../../http/envelope'
import { SiteId } from '../../sites/model'
import type { StatsDeps } from '../read'
import { CreateSegmentBody, Segment } from './model'
import { createSegment, getSegments, removeSegment } from './service'

const detail = (summary: string, description: string) => ({
  summary,
  description: `${description} Who may call it: see the permission table (docs/access.md).`,
  tags: ['Stats'],
  security: [{ bearerAuth: [] }],
})
const SiteParams = t.Object({ site_id: SiteId })
const SegmentParams = t.Object({ site_id: SiteId, segment_id: t.String({ minLength: 1, maxLength: 64 }) })

/** The segment routes. */
export function segmentRoutes(deps: Pick<StatsDeps, 'db' | 'store' | 'config'>) {
  // The access guard checked the caller against the permission table (src/accounts/routes-table.ts).
  const who = (request: Request, _siteId?: string) => principalOf(request).id
  return (
    new Elysia({ name: 'segments', prefix: '/sites/:site_id/segments' })
      .model({ Segment, CreateSegmentBody })
      // An unknown site is a 404 (the guard lets the admin token and owners name any site).
      .onTransform(({ params }) => {
        const siteId = (params as { site_id?: string }).site_id
        if (siteId && !deps.store.hasSite(siteId)) throw new NotFoundError(`Unknown site: ${siteId}`)
      })
      .get(
        '',
        async ({ params, request }) =>
          ok(await getSegments(deps.db, params.site_id, who(request, params.site_id))),
        {
          params: SiteParams,
          detail: detail(
            'List the saved segments of a site',
            'The shared segments and the caller’s private ones, by name. Apply one to any read with `segment=<segment_id>`.',
          ),
          response: { 200: envelope(t.Array(Segment)), ...errors(401, 403, 404, 422) },
        },
      )
      .post(
        '',
        async ({ params, body, request, set }) => {
          set.status = 201
          return ok(await createSegment(deps.db, params.site_id, body, who(request, params.site_id)))
        },
        {
          params: SiteParams,
          body: CreateSegmentBody,
          detail: detail(
            'Save a segment',
            'A named set of filters (`filters`: equalities, `conditions`: operators and value lists, both as the stats API takes them), `private` (default) or `shared`. The filters are checked as a read would check them (422 naming the bad one).',
          ),
          response: { 201: envelope(Segment), ...errors(400, 401, 403, 404, 422) },
        },
      )
      .delete(
        '/:segment_id',
        async ({ params, request }) => {
          await removeSegment(deps.db, params.site_id, params.segment_id, who(request, params.site_id))
          return ok({ deleted: true })
        },
        {
          params: SegmentParams,
          detail: detail('Delete a segment', 'Only the key that saved it, or the admin token.'),
          response: { 200: envelope(t.Object({ deleted: t.Boolean() })), ...errors(401, 403, 404, 422) },
        },
      )
  )
}
