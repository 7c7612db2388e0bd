// Administration of webhooks, digests and alert rules: check the fields, say which site or item is
// missing, and queue test sends. Domain errors only; the routes (and later the CLI) share these.
import { randomBytes } from 'node:crypto'
import type { Database } from '../db/open'
import { NotFoundError, ValidationError } from '../errors'
import { randomId } from '../sites/keys'
import { getSite } from '../sites/repo'
import { parseTimezone } from '../stats/time/zone'
import { claimDelivery } from './deliveries'
import { renderDigest } from './digests'
import type {
  AlertRule,
  CreateAlertBody,
  CreateDigestBody,
  CreatedWebhook,
  CreateWebhookBody,
  Digest,
} from './model'
import { latestDuePeriod } from './periods'
import * as repo from './repo'
import type { Reports } from './service'
import { webhookBody } from './webhook'

/** 404 unless the site exists. */
export async function requireSite(db: Database, siteId: string): Promise<void> {
  if (!(await getSite(db, siteId))) throw new NotFoundError(`Unknown site: ${siteId}`)
}

/** Create a webhook; its secret is in the answer only. */
export async function createWebhook(
  db: Database,
  siteId: string,
  body: CreateWebhookBody,
): Promise<CreatedWebhook> {
  await requireSite(db, siteId)
  const w = {
    webhook_id: randomId('wh_'),
    site_id: siteId,
    url: body.url,
    format: body.format ?? 'json',
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
  }
  await repo.insertWebhook(db, w)
  const [saved] = (await repo.listWebhooks(db, siteId)).filter((x) => x.webhook_id === w.webhook_id)
  return { ...saved, secret: w.secret }
}

/** Create a digest; the first send is of the first period that ends after now. */
export async function createDigest(
  db: Database,
  siteId: string,
  body: CreateDigestBody,
  now: number,
): Promise<Digest> {
  await requireSite(db, siteId)
  const timezone = parseTimezone(body.timezone)
  const d = {
    digest_id: randomId('dg_'),
    site_id: siteId,
    email: body.email,
    frequency: body.frequency,
    hour: body.hour ?? 8,
    timezone,
  }
  await repo.insertDigest(db, d, latestDuePeriod(d.frequency, d.hour, timezone, now).key)
  return (await repo.getDigest(db, d.digest_id)) as Digest
}

/** A site's digest, or a 404. */
export async function requireDigest(db: Database, siteId: string, digestId: string): Promise<Digest> {
  const d = await repo.getDigest(db, digestId)
  if (!d || d.site_id !== siteId)
    throw new NotFoundError(`No digest ${digestId.slice(0, 64)} for site ${siteId}`)
  return d
}

/** Create an alert rule: one destination (a webhook of the site or an address); a goal for kind goal. */
export async function createAlert(db: Database, siteId: string, body: CreateAlertBody): Promise<AlertRule> {
  await requireSite(db, siteId)
  const bad = (path: string, message: string) => new ValidationError(message, [{ path, message }])
  if ((body.webhook_id === undefined) === (body.email === undefined))
    throw bad('$.webhook_id', 'give exactly one of webhook_id and email')
  if (body.kind === 'goal' && !body.goal) throw bad('$.goal', 'a goal rule needs the goal name')
  if (body.kind !== 'goal' && body.goal !== undefined) throw bad('$.goal', 'only a goal rule takes a goal')
  if (body.kind === 'drop' && body.threshold > 1)
    throw bad('$.threshold', 'a drop threshold is a fraction of last week (e.g. 0.5)')
  if (body.webhook_id) {
    const hook = (await repo.listWebhooks(db, siteId)).find((w) => w.webhook_id === body.webhook_id)
    if (!hook) throw new NotFoundError(`No webhook ${body.webhook_id.slice(0, 64)} for site ${siteId}`)
  }
  const rule = {
    rule_id: randomId('al_'),
    site_id: siteId,
    kind: body.kind,
    threshold: body.threshold,
    window_minutes: body.window_minutes ?? 60,
    goal: body.goal ?? null,
    webhook_id: body.webhook_id ?? null,
    email: body.email ?? null,
    quiet_minutes: body.quiet_minutes ?? 60,
  }
  await repo.insertRule(db, rule)
  return publicRule(
    (await repo.listRules(db, siteId)).find((r) => r.rule_id === rule.rule_id) as repo.StoredRule,
  )
}

/** A rule without the scheduler's bookkeeping. */
export function publicRule(r: repo.StoredRule): AlertRule {
  const { transitions: _t, last_alert_at: _a, last_checked_at: _c, ...rest } = r
  return rest
}

/** Queue a digest of its latest period for sending now (a test send); returns the delivery id. */
export async function testSendDigest(
  reports: Reports,
  db: Database,
  d: Digest,
  now: number,
): Promise<string> {
  const period = latestDuePeriod(d.frequency, d.hour, d.timezone, now)
  const payload = await renderDigest(await reports.digestContext(), d, period)
  const id = await claimDelivery(
    db,
    {
      runKey: `test:${randomId('')}`,
      siteId: d.site_id,
      source: 'test',
      channel: 'email',
      target: d.email,
      payload,
    },
    now,
  )
  return id as string
}

/** Queue a test message to a webhook; returns the delivery id. */
export async function testSendWebhook(
  db: Database,
  siteId: string,
  webhookId: string,
  now: number,
): Promise<string> {
  const hook = await repo.getWebhookTarget(db, webhookId)
  if (!hook || !(await repo.listWebhooks(db, siteId)).some((w) => w.webhook_id === webhookId))
    throw new NotFoundError(`No webhook ${webhookId.slice(0, 64)} for site ${siteId}`)
  const body = webhookBody(hook.format, {
    type: 'test',
    site_id: siteId,
    title: `Test from PULSE for ${siteId}`,
    text: 'This webhook is set up correctly.',
    data: { at: new Date(now).toISOString() },
  })
  const id = await claimDelivery(
    db,
    {
      runKey: `test:${randomId('')}`,
      siteId,
      source: 'test',
      channel: 'webhook',
      target: webhookId,
      payload: { kind: 'webhook', body },
    },
    now,
  )
  return id as string
}
