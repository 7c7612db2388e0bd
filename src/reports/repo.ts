// Webhooks, digests and alert rules in DuckDB: one function per query, values bound as parameters.
import type { DuckDBValue } from '@duckdb/node-api'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { AlertRule, Digest, Webhook } from './model'
import type { Frequency } from './periods'
import type { WebhookTarget } from './webhook'

const ISO = (col: string) => `strftime(${col}, '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS ${col}`

async function write(db: Database, sql: string, params: DuckDBValue[]): Promise<number> {
  return db.writeLock.run(async () => (await db.writer.run(sql, params)).rowsChanged)
}

// ---- webhooks

/** A site's webhooks (without secrets), oldest first. */
export function listWebhooks(db: Database, siteId: string): Promise<Webhook[]> {
  return queryRows<Webhook>(
    db.reader,
    `SELECT webhook_id, site_id, url, format, ${ISO('created_at')} FROM webhooks WHERE site_id = $1 ORDER BY created_at, webhook_id`,
    [siteId],
  )
}

/** One webhook with its secret, for sending. */
export async function getWebhookTarget(db: Database, webhookId: string): Promise<WebhookTarget | undefined> {
  const rows = await queryRows<WebhookTarget>(
    db.reader,
    'SELECT webhook_id, url, format, secret FROM webhooks WHERE webhook_id = $1',
    [webhookId],
  )
  return rows[0]
}

/** Insert a webhook. */
export async function insertWebhook(
  db: Database,
  w: { webhook_id: string; site_id: string; url: string; format: string; secret: string },
): Promise<void> {
  await write(
    db,
    'INSERT INTO webhooks (webhook_id, site_id, url, format, secret) VALUES ($1, $2, $3, $4, $5)',
    [w.webhook_id, w.site_id, w.url, w.format, w.secret],
  )
}

/** Delete a site's webhook; false when there is none. */
export async function deleteWebhook(db: Database, siteId: string, webhookId: string): Promise<boolean> {
  return (
    (await write(db, 'DELETE FROM webhooks WHERE site_id = $1 AND webhook_id = $2', [siteId, webhookId])) > 0
  )
}

// ---- digests

const DIGEST_COLUMNS = `digest_id, site_id, email, frequency, hour, timezone, last_period,
  unsubscribed_at IS NOT NULL AS unsubscribed, ${ISO('created_at')}`

/** A site's digests, oldest first. */
export function listDigests(db: Database, siteId: string): Promise<Digest[]> {
  return queryRows<Digest>(
    db.reader,
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE site_id = $1 ORDER BY created_at, digest_id`,
    [siteId],
  )
}

/** One digest, or undefined. */
export async function getDigest(db: Database, digestId: string): Promise<Digest | undefined> {
  const rows = await queryRows<Digest>(
    db.reader,
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE digest_id = $1`,
    [digestId],
  )
  return rows[0]
}

/** Every digest still subscribed (the scheduler's list). */
export function activeDigests(db: Database): Promise<Digest[]> {
  return queryRows<Digest>(
    db.reader,
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE unsubscribed_at IS NULL ORDER BY digest_id`,
  )
}

/** Insert a digest; `last_period` is the period already due, so the first send is the next one. */
export async function insertDigest(
  db: Database,
  d: {
    digest_id: string
    site_id: string
    email: string
    frequency: Frequency
    hour: number
    timezone: string
  },
  lastPeriod: string,
): Promise<void> {
  await write(
    db,
    'INSERT INTO digests (digest_id, site_id, email, frequency, hour, timezone, last_period) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [d.digest_id, d.site_id, d.email, d.frequency, d.hour, d.timezone, lastPeriod],
  )
}

/** Delete a site's digest; false when there is none. */
export async function deleteDigest(db: Database, siteId: string, digestId: string): Promise<boolean> {
  return (
    (await write(db, 'DELETE FROM digests WHERE site_id = $1 AND digest_id = $2', [siteId, digestId])) > 0
  )
}

/** Mark a digest unsubscribed (kept, so a second click still answers); false when it does not exist. */
export async function unsubscribeDigest(db: Database, digestId: string, now: number): Promise<boolean> {
  return (
    (await write(
      db,
      'UPDATE digests SET unsubscribed_at = coalesce(unsubscribed_at, make_timestamp($2 * 1000)) WHERE digest_id = $1',
      [digestId, now],
    )) > 0
  )
}

// ---- alert rules

/** An alert rule as stored, with the scheduler's fields. */
export interface StoredRule extends AlertRule {
  transitions: number
  last_alert_at: number | null
  last_checked_at: number | null
}

const RULE_COLUMNS = `rule_id, site_id, kind, threshold, window_minutes, goal, webhook_id, email, quiet_minutes,
  firing, last_value, transitions, last_alert_at, last_checked_at, ${ISO('created_at')}`

/** A site's alert rules (or every site's when `siteId` is undefined), oldest first. */
export function listRules(db: Database, siteId?: string): Promise<StoredRule[]> {
  return queryRows<StoredRule>(
    db.reader,
    `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE $1::VARCHAR IS NULL OR site_id = $1 ORDER BY created_at, rule_id`,
    [siteId ?? null],
  )
}

/** Insert an alert rule. */
export async function insertRule(
  db: Database,
  r: Omit<AlertRule, 'firing' | 'last_value' | 'created_at'>,
): Promise<void> {
  await write(
    db,
    `INSERT INTO alert_rules (rule_id, site_id, kind, threshold, window_minutes, goal, webhook_id, email, quiet_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      r.rule_id,
      r.site_id,
      r.kind,
      r.threshold,
      r.window_minutes,
      r.goal,
      r.webhook_id,
      r.email,
      r.quiet_minutes,
    ],
  )
}

/** Delete a site's alert rule; false when there is none. */
export async function deleteRule(db: Database, siteId: string, ruleId: string): Promise<boolean> {
  return (
    (await write(db, 'DELETE FROM alert_rules WHERE site_id = $1 AND rule_id = $2', [siteId, ruleId])) > 0
  )
}

/** Record a check that changed nothing. */
export async function recordCheck(db: Database, ruleId: string, now: number, value: number): Promise<void> {
  await write(db, 'UPDATE alert_rules SET last_checked_at = $2, last_value = $3 WHERE rule_id = $1', [
    ruleId,
    now,
    value,
  ])
}
