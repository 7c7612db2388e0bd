// Changing webhooks, digests and alert rules, and test sends of an alert rule: the same checks as when
// they are made (admin.ts), one UPDATE each. A digest whose schedule changes starts again with the first
// period that ends after now, so an edit never sends a catch-up of its own.
import type { Database } from '../db/open'
import { NotFoundError, ValidationError } from '../errors'
import { randomId } from '../sites/keys'
import { parseTimezone } from '../stats/time/zone'
import { publicRule, requireDigest, requireSite } from './admin'
import { alertDelivery, evaluateRule } from './alerts'
import { claimDelivery } from './deliveries'
import type {
  AlertRule,
  Digest,
  UpdateAlertBody,
  UpdateDigestBody,
  UpdateWebhookBody,
  Webhook,
} from './model'
import { latestDuePeriod } from './periods'
import * as repo from './repo'
import type { StatsClient } from './stats-client'

const bad = (path: string, message: string) => new ValidationError(message, [{ path, message }])

async function write(db: Database, sql: string, params: (string | number | null)[]): Promise<number> {
  return db.writeLock.run(async () => (await db.writer.run(sql, params)).rowsChanged)
}

/** Change a webhook's address or format (its secret stays). */
export async function updateWebhook(
  db: Database,
  siteId: string,
  webhookId: string,
  body: UpdateWebhookBody,
): Promise<Webhook> {
  await requireSite(db, siteId)
  const hook = (await repo.listWebhooks(db, siteId)).find((w) => w.webhook_id === webhookId)
  if (!hook) throw new NotFoundError(`No webhook ${webhookId.slice(0, 64)} for site ${siteId}`)
  await write(db, 'UPDATE webhooks SET url = $2, format = $3 WHERE webhook_id = $1', [
    webhookId,
    body.url ?? hook.url,
    body.format ?? hook.format,
  ])
  return { ...hook, url: body.url ?? hook.url, format: body.format ?? hook.format }
}

/** Change a digest: its address (subscribed again), or its schedule (restarting after now). */
export async function updateDigest(
  db: Database,
  siteId: string,
  digestId: string,
  body: UpdateDigestBody,
  now: number,
): Promise<Digest> {
  const d = await requireDigest(db, siteId, digestId)
  const next = {
    email: body.email ?? d.email,
    frequency: body.frequency ?? d.frequency,
    hour: body.hour ?? d.hour,
    timezone: body.timezone === undefined ? d.timezone : parseTimezone(body.timezone),
  }
  const rescheduled = next.frequency !== d.frequency || next.hour !== d.hour || next.timezone !== d.timezone
  const lastPeriod = rescheduled
    ? latestDuePeriod(next.frequency, next.hour, next.timezone, now).key
    : d.last_period
  await write(
    db,
    `UPDATE digests SET email = $2, frequency = $3, hour = $4, timezone = $5, last_period = $6,
       unsubscribed_at = CASE WHEN $2 = email THEN unsubscribed_at ELSE NULL END
     WHERE digest_id = $1`,
    [digestId, next.email, next.frequency, next.hour, next.timezone, lastPeriod],
  )
  return (await repo.getDigest(db, digestId)) as Digest
}

/** A site's alert rule as stored, or a 404. */
async function requireRule(db: Database, siteId: string, ruleId: string): Promise<repo.StoredRule> {
  await requireSite(db, siteId)
  const rule = (await repo.listRules(db, siteId)).find((r) => r.rule_id === ruleId)
  if (!rule) throw new NotFoundError(`No alert rule ${ruleId.slice(0, 64)} for site ${siteId}`)
  return rule
}

/** Change an alert rule (not its kind); the merged rule is checked as a new one would be. */
export async function updateAlert(
  db: Database,
  siteId: string,
  ruleId: string,
  body: UpdateAlertBody,
): Promise<AlertRule> {
  const r = await requireRule(db, siteId, ruleId)
  if (body.webhook_id !== undefined && body.email !== undefined)
    throw bad('$.webhook_id', 'give at most one of webhook_id and email')
  const next = {
    threshold: body.threshold ?? r.threshold,
    window_minutes: body.window_minutes ?? r.window_minutes,
    goal: body.goal ?? r.goal,
    webhook_id: body.email !== undefined ? null : (body.webhook_id ?? r.webhook_id),
    email: body.webhook_id !== undefined ? null : (body.email ?? r.email),
    quiet_minutes: body.quiet_minutes ?? r.quiet_minutes,
  }
  if (r.kind !== 'goal' && body.goal !== undefined) throw bad('$.goal', 'only a goal rule takes a goal')
  if (r.kind === 'drop' && next.threshold > 1)
    throw bad('$.threshold', 'a drop threshold is a fraction of last week (e.g. 0.5)')
  if (body.webhook_id && !(await repo.listWebhooks(db, siteId)).some((w) => w.webhook_id === body.webhook_id))
    throw new NotFoundError(`No webhook ${body.webhook_id.slice(0, 64)} for site ${siteId}`)
  await write(
    db,
    `UPDATE alert_rules SET threshold = $2, window_minutes = $3, goal = $4, webhook_id = $5, email = $6,
       quiet_minutes = $7 WHERE rule_id = $1`,
    [ruleId, next.threshold, next.window_minutes, next.goal, next.webhook_id, next.email, next.quiet_minutes],
  )
  return publicRule(await requireRule(db, siteId, ruleId))
}

/** Queue a test send of an alert rule: what it would say now, to its destination; the delivery id. */
export async function testSendAlert(
  db: Database,
  stats: StatsClient,
  siteId: string,
  ruleId: string,
  now: number,
): Promise<string> {
  const r = await requireRule(db, siteId, ruleId)
  const check = await evaluateRule(stats, r, now)
  const d = await alertDelivery(db, r, check, true, now, `test:${randomId('')}`)
  return (await claimDelivery(db, d, now)) as string
}
