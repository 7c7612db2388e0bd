// Routes that change webhooks, digests and alert rules, and the test send of an alert rule, under
// /api/v1/sites/:site_id (site admins, like the rest of a site's reports).
import { Elysia, t } from 'elysia'
import { envelope, errors, ok } from '../http/envelope'
import { SiteId } from '../sites/model'
import * as edit from './edit'
import type { ReportsRouteDeps } from './index'
import { AlertRule, Digest, UpdateAlertBody, UpdateDigestBody, UpdateWebhookBody, Webhook } from './model'

const detail = (summary: string, description: string) => ({
  summary,
  description,
  tags: ['Reports'],
  security: [{ bearerAuth: [] }],
})
const id = (name: string) => t.String({ minLength: 1, maxLength: 64, description: `The ${name}` })
const Queued = t.Object({ delivery_id: t.String({ examples: ['dl_1a2b3c4d5e6f7a8b'] }) })

/** The routes. */
export function editRoutes(deps: ReportsRouteDeps) {
  const { db } = deps
  return new Elysia({ name: 'reports-edit', prefix: '/api/v1/sites/:site_id' })
    .model({ UpdateWebhookBody, UpdateDigestBody, UpdateAlertBody })
    .patch(
      '/webhooks/:webhook_id',
      async ({ params, body }) => ok(await edit.updateWebhook(db, params.site_id, params.webhook_id, body)),
      {
        params: t.Object({ site_id: SiteId, webhook_id: id('webhook id') }),
        body: UpdateWebhookBody,
        detail: detail('Change a webhook', 'A new address or format; the signing secret stays.'),
        response: { 200: envelope(Webhook), ...errors(400, 401, 404, 422) },
      },
    )
    .patch(
      '/digests/:digest_id',
      async ({ params, body }) =>
        ok(await edit.updateDigest(db, params.site_id, params.digest_id, body, deps.clock())),
      {
        params: t.Object({ site_id: SiteId, digest_id: id('digest id') }),
        body: UpdateDigestBody,
        detail: detail(
          'Change an email digest',
          'A new address (subscribed again) or schedule (the next send is of the first period ending after now).',
        ),
        response: { 200: envelope(Digest), ...errors(400, 401, 404, 422) },
      },
    )
    .patch(
      '/alerts/:rule_id',
      async ({ params, body }) => ok(await edit.updateAlert(db, params.site_id, params.rule_id, body)),
      {
        params: t.Object({ site_id: SiteId, rule_id: id('alert rule id') }),
        body: UpdateAlertBody,
        detail: detail(
          'Change an alert rule',
          'Threshold, window, goal, quiet period or destination; the kind and the firing state stay.',
        ),
        response: { 200: envelope(AlertRule), ...errors(400, 401, 404, 422) },
      },
    )
    .post(
      '/alerts/:rule_id/test',
      async ({ params, set }) => {
        set.status = 202
        const id = await edit.testSendAlert(
          db,
          deps.reports.client,
          params.site_id,
          params.rule_id,
          deps.clock(),
        )
        return ok({ delivery_id: id })
      },
      {
        params: t.Object({ site_id: SiteId, rule_id: id('alert rule id') }),
        detail: detail(
          'Send a test of an alert rule',
          'Queues what the rule would send now (marked as a test) to its webhook or address, on the next scheduler pass; the rule’s state is unchanged. The outcome is in the deliveries log.',
        ),
        response: { 202: envelope(Queued), ...errors(401, 404, 422) },
      },
    )
}
