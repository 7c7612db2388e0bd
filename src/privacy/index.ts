// Privacy routes: DELETE /api/v1/users/{user_id}?site_id= erases a user's events (right to erasure).
// Server-to-server only: the site's secret key or the admin token, and no CORS.
import { Elysia } from 'elysia'
import { type AuditLog, actorOf } from '../accounts/audit'
import { siteCaller } from '../accounts/guard'
import type { Config } from '../config'
import { errors, ok } from '../http/envelope'
import { enforce, type RateLimiter } from '../http/rate-limit'
import type { Logger } from '../logger'
import type { SiteStore } from '../sites/store'
import { type EraseDeps, eraseUserEvents } from './erase'
import { UserErased, UserParams, UserQuery } from './model'

/** What the privacy routes need. */
export interface PrivacyDeps extends EraseDeps {
  /** The audit log (erasures are recorded, without the user id). */
  audit?: AuditLog
  config: Config
  store: SiteStore
  keyLimiter: RateLimiter
  logger: Logger
}

/** Privacy routes. */
export function privacyRoutes(deps: PrivacyDeps) {
  return new Elysia({ name: 'privacy', prefix: '/api/v1' }).model({ UserErased }).delete(
    '/users/:user_id',
    async ({ params, query, request }) => {
      const caller = siteCaller(request, (id) => deps.store.hasSite(id), query.site_id)
      const who = caller.id
      enforce(deps.keyLimiter.take(who))
      const deleted = await eraseUserEvents(deps, query.site_id, params.user_id)
      // The user id is personal data: it is not logged.
      deps.logger.info('user events erased', { site_id: query.site_id, deleted, by: who })
      await deps.audit
        ?.record({
          actor: actorOf(caller),
          action: 'erase',
          siteId: query.site_id,
          target: `${deleted} events`,
        })
        .catch(() => undefined)
      return ok({ deleted })
    },
    {
      params: UserParams,
      query: UserQuery,
      detail: {
        summary: "Erase a user's events",
        description:
          'Deletes every event sent with this `user_id` for the site, including events acknowledged but not yet written (GDPR right to erasure). Needs the site secret key or the admin token. Events without a `user_id` are not linked to a user and stay.',
        tags: ['Privacy'],
        security: [{ bearerAuth: [] }],
      },
      response: { 200: UserErased, ...errors(401, 403, 404, 422, 429, 503) },
    },
  )
}
