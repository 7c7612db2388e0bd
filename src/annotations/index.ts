// Routes of annotations under /api/v1/sites/:site_id/annotations: list, create, update, delete. The site's
// secret key (a CI deploy step) or the admin token may do all four; the key is checked before validation.
import { Elysia, t } from 'elysia'
import { principalOf } from '../accounts/guard'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import { NotFoundError } from '../errors'
import type { KeyDirectory } from '../http/auth'
import { envelope, errors, ok } from '../http/envelope'
import { SiteId } from '../sites/model'
import { Annotation, AnnotationsQuery, CreateAnnotationBody, UpdateAnnotationBody } from './model'
import { changeAnnotation, createAnnotation, getAnnotations, removeAnnotation } from './service'

const detail = (summary: string, description: string) => ({
  summary,
  description: `${description} Who may call it: see the permission table (docs/access.md).`,
  tags: ['Annotations'],
  security: [{ bearerAuth: [] }],
})
const SiteParams = t.Object({ site_id: SiteId })
const AnnotationParams = t.Object({
  site_id: SiteId,
  annotation_id: t.String({ minLength: 1, maxLength: 64 }),
})

/** What the annotation routes need. */
export interface AnnotationDeps {
  db: Database
  config: Config
  store: KeyDirectory
  clock: Clock
}

/** The annotation routes. */
export function annotationRoutes(deps: AnnotationDeps) {
  // The access guard checked the caller against the permission table (src/accounts/routes-table.ts).
  const who = (request: Request, _siteId?: string) => principalOf(request).id
  return (
    new Elysia({ name: 'annotations', prefix: '/api/v1/sites/:site_id/annotations' })
      .model({ Annotation, CreateAnnotationBody, UpdateAnnotationBody })
      // An unknown site is a 404 (the guard lets the admin token and owners name any site).
      .onTransform(({ params }) => {
        const siteId = (params as { site_id?: string }).site_id
        if (siteId && !deps.store.hasSite(siteId)) throw new NotFoundError(`Unknown site: ${siteId}`)
      })
      .get('', async ({ params, query }) => ok(await getAnnotations(deps.db, params.site_id, query)), {
        params: SiteParams,
        query: AnnotationsQuery,
        detail: detail(
          'List the annotations of a site',
          'Oldest first, optionally only `from` <= at < `to`.',
        ),
        response: { 200: envelope(t.Array(Annotation)), ...errors(401, 403, 404, 422) },
      })
      .post(
        '',
        async ({ params, body, request, set }) => {
          set.status = 201
          const by = who(request, params.site_id)
          return ok(await createAnnotation(deps.db, params.site_id, body, by, deps.clock()))
        },
        {
          params: SiteParams,
          body: CreateAnnotationBody,
          detail: detail(
            'Create an annotation',
            'A note at an instant (default now), shown as a marker on the dashboard chart with its text on hover.',
          ),
          response: { 201: envelope(Annotation), ...errors(400, 401, 403, 404, 422) },
        },
      )
      .patch(
        '/:annotation_id',
        async ({ params, body }) =>
          ok(await changeAnnotation(deps.db, params.site_id, params.annotation_id, body)),
        {
          params: AnnotationParams,
          body: UpdateAnnotationBody,
          detail: detail('Update an annotation', 'Changes the text and/or the time sent.'),
          response: { 200: envelope(Annotation), ...errors(400, 401, 403, 404, 422) },
        },
      )
      .delete(
        '/:annotation_id',
        async ({ params }) => {
          await removeAnnotation(deps.db, params.site_id, params.annotation_id)
          return ok({ deleted: true })
        },
        {
          params: AnnotationParams,
          detail: detail('Delete an annotation', 'Deletes the annotation.'),
          response: { 200: envelope(t.Object({ deleted: t.Boolean() })), ...errors(401, 403, 404, 422) },
        },
      )
  )
}
