// Routes of reports and alerts: admin CRUD of webhooks, digests and alert rules under
// /api/v1/sites/:site_id, test sends and previews, the deliveries log; the signed unsubscribe link
// (no sign-in); GET /metrics for Prometheus.
import { Elysia, t } from 'elysia'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import { NotFoundError } from '../errors'
import type { EventBuffer } from '../events/buffer'
import { envelope, errorDocs, errors, ok } from '../http/envelope'
import type { EnrichCounts } from '../ingest/enrich/pipeline'
import { SiteId } from '../sites/model'
import type { SiteStore } from '../sites/store'
import * as admin from './admin'
import { listDeliveries } from './deliveries'
import { renderDigest } from './digests'
import { editRoutes } from './edit-routes'
import { metricsRoute } from './metrics-route'
import {
  AlertRule,
  CreateAlertBody,
  CreateDigestBody,
  CreatedWebhook,
  CreateWebhookBody,
  Delivery,
  Digest,
  Webhook,
} from './model'
import { latestDuePeriod } from './periods'
import * as repo from './repo'
import type { Reports } from './service'
import { readUnsubscribeToken, unsubscribeKey } from './unsubscribe'

/** What the reports routes need. */
export interface ReportsRouteDeps {
  db: Database
  config: Config
  clock: Clock
  store: SiteStore
  buffer: EventBuffer
  reports: Reports
  /** Ingest counts by the enrichment steps (accepted, dropped and bots by reason), for /metrics. */
  enricher: { counts: EnrichCounts }
  /** The write-ahead log (its size), for /metrics. */
  wal: { sizeBytes: number } | undefined
}

const detail = (summary: string, description: string, operationId: string) => ({
  summary,
  description,
  operationId,
  tags: ['Reports'],
  security: [{ bearerAuth: [] }],
})
const id = (name: string) => t.String({ minLength: 1, maxLength: 64, description: `The ${name}` })
const SiteParams = t.Object({ site_id: SiteId })
const Queued = t.Object({ delivery_id: t.String({ examples: ['dl_1a2b3c4d5e6f7a8b'] }) })
const Deleted = envelope(t.Object({ deleted: t.Boolean() }))
const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:480px;margin:40px auto">${body}</body></html>`

/** The admin routes of reports, under /api/v1/sites/:site_id. */
function adminRoutes(deps: ReportsRouteDeps) {
  const { db } = deps
  return new Elysia({ name: 'reports-admin', prefix: '/api/v1/sites/:site_id' })
    .model({
      Webhook,
      CreatedWebhook,
      CreateWebhookBody,
      Digest,
      CreateDigestBody,
      AlertRule,
      CreateAlertBody,
      Delivery,
    })
    .get(
      '/webhooks',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        return ok(await repo.listWebhooks(db, params.site_id))
      },
      {
        params: SiteParams,
        detail: detail(
          'List webhooks',
          'The site’s webhooks, oldest first (secrets are shown only at creation).',
          'listWebhooks',
        ),
        response: { 200: envelope(t.Array(Webhook)), ...errors(401, 404, 422) },
      },
    )
    .post(
      '/webhooks',
      async ({ params, body, set }) => {
        set.status = 201
        return ok(await admin.createWebhook(db, params.site_id, body))
      },
      {
        params: SiteParams,
        body: CreateWebhookBody,
        detail: detail(
          'Create a webhook',
          'Alerts (and test sends) are POSTed here as JSON, signed: `X-Pulse-Timestamp` (epoch seconds) and `X-Pulse-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>`; `X-Pulse-Delivery` names the delivery (the same on every retry). The secret is in this answer only.',
          'createWebhook',
        ),
        response: { 201: envelope(CreatedWebhook), ...errors(400, 401, 404, 422) },
      },
    )
    .delete(
      '/webhooks/:webhook_id',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        if (!(await repo.deleteWebhook(db, params.site_id, params.webhook_id)))
          throw new NotFoundError(`No webhook ${params.webhook_id} for site ${params.site_id}`)
        return ok({ deleted: true })
      },
      {
        params: t.Object({ site_id: SiteId, webhook_id: id('webhook id') }),
        detail: detail(
          'Delete a webhook',
          'Alert rules that send to it fail their deliveries until changed.',
          'deleteWebhook',
        ),
        response: { 200: Deleted, ...errors(401, 404, 422) },
      },
    )
    .post(
      '/webhooks/:webhook_id/test',
      async ({ params, set }) => {
        await admin.requireSite(db, params.site_id)
        set.status = 202
        return ok({
          delivery_id: await admin.testSendWebhook(db, params.site_id, params.webhook_id, deps.clock()),
        })
      },
      {
        params: t.Object({ site_id: SiteId, webhook_id: id('webhook id') }),
        detail: detail(
          'Send a test message to a webhook',
          'Queues a signed test message, sent on the next scheduler pass; its outcome is in the deliveries log.',
          'testWebhook',
        ),
        response: { 202: envelope(Queued), ...errors(401, 404, 422) },
      },
    )
    .get(
      '/digests',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        return ok(await repo.listDigests(db, params.site_id))
      },
      {
        params: SiteParams,
        detail: detail('List email digests', 'The site’s digests, oldest first.', 'listDigests'),
        response: { 200: envelope(t.Array(Digest)), ...errors(401, 404, 422) },
      },
    )
    .post(
      '/digests',
      async ({ params, body, set }) => {
        set.status = 201
        return ok(await admin.createDigest(db, params.site_id, body, deps.clock()))
      },
      {
        params: SiteParams,
        body: CreateDigestBody,
        detail: detail(
          'Create an email digest',
          'Sends the previous day, week (Monday to Monday) or month of the site at `hour` local time in `timezone`, with the figures of the stats API: visitors, page views, bounce rate, visit duration and conversions with their change on the previous period, conversions per goal, top pages, sources and countries, and a chart. The first send is of the first period ending after now. Each email carries a signed unsubscribe link and `List-Unsubscribe` headers.',
          'createDigest',
        ),
        response: { 201: envelope(Digest), ...errors(400, 401, 404, 422) },
      },
    )
    .delete(
      '/digests/:digest_id',
      async ({ params }) => {
        await admin.requireDigest(db, params.site_id, params.digest_id)
        await repo.deleteDigest(db, params.site_id, params.digest_id)
        return ok({ deleted: true })
      },
      {
        params: t.Object({ site_id: SiteId, digest_id: id('digest id') }),
        detail: detail(
          'Delete an email digest',
          'Nothing more is sent; deliveries already queued still go.',
          'deleteDigest',
        ),
        response: { 200: Deleted, ...errors(401, 404, 422) },
      },
    )
    .post(
      '/digests/:digest_id/send',
      async ({ params, set }) => {
        const d = await admin.requireDigest(db, params.site_id, params.digest_id)
        set.status = 202
        return ok({ delivery_id: await admin.testSendDigest(deps.reports, db, d, deps.clock()) })
      },
      {
        params: t.Object({ site_id: SiteId, digest_id: id('digest id') }),
        detail: detail(
          'Send a digest now',
          'Queues the digest of its latest whole period for the next scheduler pass (a test send: the schedule is unchanged).',
          'sendDigest',
        ),
        response: { 202: envelope(Queued), ...errors(401, 404, 422) },
      },
    )
    .get(
      '/digests/:digest_id/preview',
      async ({ params }) => {
        const d = await admin.requireDigest(db, params.site_id, params.digest_id)
        const period = latestDuePeriod(d.frequency, d.hour, d.timezone, deps.clock())
        const mail = await renderDigest(await deps.reports.digestContext(), d, period)
        return html(mail.kind === 'email' ? mail.html : '')
      },
      {
        params: t.Object({ site_id: SiteId, digest_id: id('digest id') }),
        detail: {
          ...detail(
            'Preview a digest',
            'The HTML part of the digest of its latest whole period, as it would be sent now.',
            'previewDigest',
          ),
          responses: {
            200: {
              description: 'The digest as HTML',
              content: { 'text/html': { schema: { type: 'string' as const } } },
            },
            ...errorDocs(401, 404, 422),
          },
        },
      },
    )
    .get(
      '/alerts',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        return ok((await repo.listRules(db, params.site_id)).map(admin.publicRule))
      },
      {
        params: SiteParams,
        detail: detail(
          'List alert rules',
          'The site’s alert rules with their state, oldest first.',
          'listAlerts',
        ),
        response: { 200: envelope(t.Array(AlertRule)), ...errors(401, 404, 422) },
      },
    )
    .post(
      '/alerts',
      async ({ params, body, set }) => {
        set.status = 201
        return ok(await admin.createAlert(db, params.site_id, body))
      },
      {
        params: SiteParams,
        body: CreateAlertBody,
        detail: detail(
          'Create an alert rule',
          'Checked about once a minute through the stats API. An alert is sent when the condition starts to hold, unless one was sent within `quiet_minutes`; a recovery message when it stops. Send to a webhook of the site (`webhook_id`) or an address (`email`): exactly one.',
          'createAlert',
        ),
        response: { 201: envelope(AlertRule), ...errors(400, 401, 404, 422) },
      },
    )
    .delete(
      '/alerts/:rule_id',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        if (!(await repo.deleteRule(db, params.site_id, params.rule_id)))
          throw new NotFoundError(`No alert rule ${params.rule_id} for site ${params.site_id}`)
        return ok({ deleted: true })
      },
      {
        params: t.Object({ site_id: SiteId, rule_id: id('alert rule id') }),
        detail: detail(
          'Delete an alert rule',
          'Deletes the rule; deliveries already queued still go.',
          'deleteAlert',
        ),
        response: { 200: Deleted, ...errors(401, 404, 422) },
      },
    )
    .get(
      '/deliveries',
      async ({ params }) => {
        await admin.requireSite(db, params.site_id)
        return ok(await listDeliveries(db, params.site_id))
      },
      {
        params: SiteParams,
        detail: detail(
          'List deliveries',
          'The site’s last 100 emails and webhook calls, newest first, with their status, attempts and last error.',
          'listDeliveries',
        ),
        response: { 200: envelope(t.Array(Delivery)), ...errors(401, 404, 422) },
      },
    )
}

/** The unsubscribe page (GET shows a button, so a mail scanner's prefetch does not unsubscribe) and the one-click POST. */
function unsubscribeRoutes(deps: ReportsRouteDeps) {
  const Query = t.Object({
    token: t.String({ minLength: 3, maxLength: 200, description: 'The signed token of the link' }),
  })
  const docs = (summary: string, description: string, operationId: string) => ({
    summary,
    description,
    operationId,
    tags: ['Reports'],
    security: [],
    responses: {
      200: {
        description: 'An HTML page saying what happened',
        content: { 'text/html': { schema: { type: 'string' as const } } },
      },
      404: {
        description: 'The link is not valid (HTML page)',
        content: { 'text/html': { schema: { type: 'string' as const } } },
      },
      ...errorDocs(422),
    },
  })
  const check = async (token: string) => readUnsubscribeToken(await unsubscribeKey(deps.db), token)
  const invalid = () => html(page('Invalid link', '<p>This unsubscribe link is not valid.</p>'), 404)
  return new Elysia({ name: 'reports-unsubscribe' })
    .get(
      '/unsubscribe',
      async ({ query }) => {
        const digestId = await check(query.token)
        if (!digestId || !(await repo.getDigest(deps.db, digestId))) return invalid()
        return html(
          page(
            'Unsubscribe',
            `<p>Stop receiving this report?</p><form method="post"><input type="hidden" name="token" value="${query.token.replace(/[^A-Za-z0-9_.-]/g, '')}"><button type="submit">Unsubscribe</button></form>`,
          ),
        )
      },
      {
        query: Query,
        detail: docs(
          'Unsubscribe page',
          'The page a digest’s unsubscribe link opens: a button that confirms. No sign-in: the link is signed.',
          'getUnsubscribePage',
        ),
      },
    )
    .post(
      '/unsubscribe',
      async ({ query, request }) => {
        let token = query.token
        if (!token) token = String((await request.formData().catch(() => undefined))?.get('token') ?? '')
        const digestId = await check(token)
        if (!digestId || !(await repo.unsubscribeDigest(deps.db, digestId, deps.clock()))) return invalid()
        return html(
          page('Unsubscribed', '<p>You are unsubscribed: this report will not be sent to you again.</p>'),
        )
      },
      {
        query: t.Object({ token: t.Optional(Query.properties.token) }),
        parse: 'none',
        detail: docs(
          'Unsubscribe',
          'One-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to the link) or the page’s form (`token` in the form body).',
          'unsubscribeDigest',
        ),
      },
    )
}

/** Every reports route. */
export function reportsRoutes(deps: ReportsRouteDeps) {
  return new Elysia({ name: 'reports' })
    .use(adminRoutes(deps))
    .use(editRoutes(deps))
    .use(unsubscribeRoutes(deps))
    .use(metricsRoute(deps))
}
