// The deliveries table: every message is a row before anything is sent. `claimDelivery` inserts it in
// one transaction with whatever marks its cause as handled (a digest's period, an alert's transition),
// and refuses a `run_key` already claimed, so a restart neither skips nor repeats a send. Attempts are
// rows of `delivery_attempts`. All writes run on the writer under its lock.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import { randomId } from '../sites/keys'
import type { Delivery } from './model'

/** What is sent: an email's parts, or a webhook's JSON body (text, exactly as signed). */
export type Payload =
  | { kind: 'email'; subject: string; text: string; html: string; headers?: Record<string, string> }
  | { kind: 'webhook'; body: string }

/** A delivery to claim. */
export interface NewDelivery {
  runKey: string
  siteId: string
  source: 'digest' | 'alert' | 'test'
  channel: 'email' | 'webhook'
  /** The address or the webhook id; never a secret. */
  target: string
  payload: Payload
}

/** A delivery due for an attempt. */
export interface DueDelivery {
  delivery_id: string
  site_id: string
  channel: 'email' | 'webhook'
  target: string
  payload: Payload
  attempts: number
}

/** A statement run in the claim's transaction (marks the cause as handled). */
export type ClaimStep = { sql: string; params: DuckDBValue[] }

/** Insert the delivery with `steps` in one transaction; undefined when `runKey` was claimed before. */
export async function claimDelivery(
  db: Database,
  d: NewDelivery,
  now: number,
  steps: ClaimStep[] = [],
): Promise<string | undefined> {
  return db.writeLock.run(async () => {
    const w = db.writer
    await w.run('BEGIN TRANSACTION')
    try {
      const seen = await w.runAndReadAll('SELECT 1 FROM deliveries WHERE run_key = $1', [d.runKey])
      if (seen.getRows().length > 0) {
        await w.run('ROLLBACK')
        return undefined
      }
      const id = randomId('dl_')
      await w.run(
        `INSERT INTO deliveries (delivery_id, run_key, site_id, source, channel, target, payload, status, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8)`,
        [id, d.runKey, d.siteId, d.source, d.channel, d.target, JSON.stringify(d.payload), now],
      )
      for (const s of steps) await w.run(s.sql, s.params)
      await w.run('COMMIT')
      return id
    } catch (err) {
      await w.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}

/** Deliveries whose next attempt is due, oldest first. */
export async function dueDeliveries(db: Database, now: number, limit = 20): Promise<DueDelivery[]> {
  const rows = await queryRows<DueDelivery & { payload: string }>(
    db.reader,
    `SELECT delivery_id, site_id, channel, target, payload::VARCHAR AS payload, attempts FROM deliveries
     WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT $2`,
    [now, limit],
  )
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Payload }))
}

async function write(db: Database, sql: string, params: DuckDBValue[]): Promise<number> {
  return db.writeLock.run(async () => (await db.writer.run(sql, params)).rowsChanged)
}

/** Mark the attempt begun (`sending`); false when another pass took it first. */
export async function beginAttempt(db: Database, id: string): Promise<boolean> {
  const n = await write(
    db,
    "UPDATE deliveries SET status = 'sending', attempts = attempts + 1 WHERE delivery_id = $1 AND status = 'pending'",
    [id],
  )
  return n > 0
}

/** The outcome of one attempt. */
export interface AttemptResult {
  attempt: number
  startedAt: number
  durationMs: number
  error?: string
  /** When to try again after a failure; undefined: no more attempts (failed). */
  retryAt?: number
}

/** Record an attempt and move the delivery on: sent, pending again (retry) or failed. */
export async function endAttempt(db: Database, id: string, r: AttemptResult): Promise<void> {
  await db.writeLock.run(async () => {
    const w: DuckDBConnection = db.writer
    await w.run('BEGIN TRANSACTION')
    try {
      await w.run(
        'INSERT INTO delivery_attempts (delivery_id, attempt, started_at, ok, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, r.attempt, r.startedAt, r.error === undefined, r.error ?? null, Math.round(r.durationMs)],
      )
      if (r.error === undefined)
        await w.run(
          "UPDATE deliveries SET status = 'sent', sent_at = $2, last_error = NULL WHERE delivery_id = $1",
          [id, r.startedAt + Math.round(r.durationMs)],
        )
      else
        await w.run(
          'UPDATE deliveries SET status = $2, next_attempt_at = $3, last_error = $4 WHERE delivery_id = $1',
          [id, r.retryAt === undefined ? 'failed' : 'pending', r.retryAt ?? 0, r.error],
        )
      await w.run('COMMIT')
    } catch (err) {
      await w.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  })
}

/**
 * At start-up: a delivery left `sending` was cut off by a crash mid-attempt (only one process opens the
 * database file). Its attempt is recorded as interrupted and it is tried again at once.
 */
export async function recoverInterrupted(db: Database, now: number): Promise<number> {
  return db.writeLock.run(async () => {
    const w = db.writer
    await w.run(
      `INSERT INTO delivery_attempts (delivery_id, attempt, started_at, ok, error, duration_ms)
       SELECT delivery_id, attempts, $1, false, 'interrupted by a restart', 0 FROM deliveries WHERE status = 'sending'`,
      [now],
    )
    const res = await w.run(
      "UPDATE deliveries SET status = 'pending', next_attempt_at = $1, last_error = 'interrupted by a restart' WHERE status = 'sending'",
      [now],
    )
    return res.rowsChanged
  })
}

/** A site's deliveries, newest first. */
export async function listDeliveries(db: Database, siteId: string, limit = 100): Promise<Delivery[]> {
  return queryRows<Delivery>(
    db.reader,
    `SELECT delivery_id, source, channel, target, status, attempts, last_error,
            strftime(make_timestamp(created_at * 1000), '%Y-%m-%dT%H:%M:%S.%g') || 'Z' AS created_at,
            CASE WHEN sent_at IS NULL THEN NULL ELSE strftime(make_timestamp(sent_at * 1000), '%Y-%m-%dT%H:%M:%S.%g') || 'Z' END AS sent_at
     FROM deliveries WHERE site_id = $1 ORDER BY created_at DESC, delivery_id LIMIT $2`,
    [siteId, limit],
  )
}

/** Counts for /health: deliveries waiting to retry, failed in the last day, and the latest error. */
export async function deliveryHealth(
  db: Database,
  now: number,
): Promise<{ retrying: number; failed_24h: number; last_error: string | null }> {
  const rows = await queryRows<{ retrying: number; failed: number; last_error: string | null }>(
    db.reader,
    `SELECT count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::INTEGER AS retrying,
            count(*) FILTER (WHERE status = 'failed' AND created_at >= $1)::INTEGER AS failed,
            arg_max(last_error, created_at) FILTER (WHERE last_error IS NOT NULL AND status <> 'sent') AS last_error
     FROM deliveries`,
    [now - 86_400_000],
  )
  const r = rows[0]
  return { retrying: r?.retrying ?? 0, failed_24h: r?.failed ?? 0, last_error: r?.last_error ?? null }
}
