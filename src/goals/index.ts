// Admin routes for goals under /api/v1/sites/:site_id/goals, authorised by the admin token like the
// other site routes. Never answers CORS.
import { Elysia, t } from 'elysia'
import type { Config } from '../config'
import type { Database } from '../db/open'
import { envelope, errors, ok } from '../http/envelope'
import { SiteId } from '../sites/model'
import { CreateGoalBody, Goal, UpdateGoalBody } from './model'
import { changeGoal, createGoal, getGoals, removeGoal } from './service'

const detail = (summary: string, description: string) => ({
  summary,
  description,
  tags: ['Admin'],
  security: [{ bearerAuth: [] }],
})
const SiteParams = t.Object({ site_id: SiteId })
const GoalParams = t.Object({ site_id: SiteId, goal_id: t.String({ minLength: 1, maxLength: 64 }) })

const SEMANTICS =
  'A goal is an event type (`kind: event`) or a page-path pattern with `*` wildcards (`kind: page`, matched against the path of page views), optionally only with a property value. The stats API counts `conversions` and `conversion_rate` per goal (`goal` filter and breakdown dimension).'

/** The goal routes. The admin token is checked before validation, as for the site routes. */
export function goalRoutes(deps: { db: Database; config: Config }) {
  return new Elysia({ name: 'goals', prefix: '/api/v1/sites/:site_id/goals' })
    .model({ CreateGoalBody, UpdateGoalBody, Goal })
    .get('', async ({ params }) => ok(await getGoals(deps.db, params.site_id)), {
      params: SiteParams,
      detail: detail('List the goals of a site', `Oldest first. ${SEMANTICS}`),
      response: { 200: envelope(t.Array(Goal)), ...errors(401, 404, 422) },
    })
    .post(
      '',
      async ({ params, body, set }) => {
        set.status = 201
        return ok(await createGoal(deps.db, params.site_id, body))
      },
      {
        params: SiteParams,
        body: CreateGoalBody,
        detail: detail(
          'Create a goal',
          `${SEMANTICS} An event goal needs \`event_type\`, a page goal \`page_path\` (starting with /); \`property_key\` and \`property_value\` go together. A name the site already uses is a 409.`,
        ),
        response: { 201: envelope(Goal), ...errors(400, 401, 404, 409, 422) },
      },
    )
    .patch(
      '/:goal_id',
      async ({ params, body }) => ok(await changeGoal(deps.db, params.site_id, params.goal_id, body)),
      {
        params: GoalParams,
        body: UpdateGoalBody,
        detail: detail(
          'Update a goal',
          'Changes the fields sent (null clears an optional one); switching `kind` drops the other kind’s field. The result is checked as a new goal would be.',
        ),
        response: { 200: envelope(Goal), ...errors(400, 401, 404, 409, 422) },
      },
    )
    .delete(
      '/:goal_id',
      async ({ params }) => {
        await removeGoal(deps.db, params.site_id, params.goal_id)
        return ok({ deleted: true })
      },
      {
        params: GoalParams,
        detail: detail('Delete a goal', 'Deletes the goal; the events that completed it stay.'),
        response: { 200: envelope(t.Object({ deleted: t.Boolean() })), ...errors(401, 404, 422) },
      },
    )
}
