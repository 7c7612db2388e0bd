// The delivery pass: every delivery due is attempted once — email through the mailer, webhooks signed —
// and the attempt recorded; a failure is retried with exponential backoff (30 s, 2 min, 8 min, … at most
// 6 h) until PULSE_DELIVERY_MAX_ATTEMPTS, then marked failed. Errors are logged by delivery id, never
// with a password, a webhook secret or a webhook URL.
import type { Clock } from '../clock'
import type { SmtpConfig } from '../config'
import type { Database } from '../db/open'
import type { Logger } from '../logger'
import { beginAttempt, type DueDelivery, dueDeliveries, endAttempt } from './deliveries'
import { describeMailError, type Mailer } from './mailer'
import { getWebhookTarget } from './repo'
import { postWebhook } from './webhook'

/** What a delivery pass needs. */
export interface DeliverContext {
  db: Database
  clock: Clock
  logger: Logger
  smtp: SmtpConfig | undefined
  mailer: Mailer | undefined
  maxAttempts: number
  /** Test hook: runs after an attempt is marked `sending`, before anything is sent. */
  beforeSend?: (d: DueDelivery) => Promise<void>
}

/** Delay before attempt `n + 1` after attempt `n` failed. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** (attempt - 1), 6 * 3_600_000)
}

async function send(ctx: DeliverContext, d: DueDelivery): Promise<void> {
  const p = d.payload
  if (d.channel === 'email' && p.kind === 'email') {
    if (!ctx.mailer) throw new Error('email is not configured: set PULSE_SMTP_HOST and PULSE_SMTP_FROM')
    try {
      await ctx.mailer.send({ to: d.target, ...p, messageId: `<${d.delivery_id}@pulse>` })
    } catch (err) {
      throw new Error(describeMailError(err, ctx.smtp))
    }
    return
  }
  if (d.channel === 'webhook' && p.kind === 'webhook') {
    const hook = await getWebhookTarget(ctx.db, d.target)
    if (!hook) throw new Error(`webhook ${d.target} no longer exists`)
    await postWebhook(hook, p.body, { deliveryId: d.delivery_id, nowMs: ctx.clock() })
    return
  }
  throw new Error(`delivery ${d.delivery_id} has a payload that does not fit its channel`)
}

/** Attempt every due delivery once; returns how many were sent and how many failed this pass. */
export async function deliverDue(ctx: DeliverContext): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  for (const d of await dueDeliveries(ctx.db, ctx.clock())) {
    if (!(await beginAttempt(ctx.db, d.delivery_id))) continue
    await ctx.beforeSend?.(d)
    const attempt = d.attempts + 1
    const startedAt = ctx.clock()
    const t0 = performance.now()
    let error: string | undefined
    try {
      await send(ctx, d)
    } catch (err) {
      error = (err as Error).message.slice(0, 1000)
    }
    const retryAt =
      error !== undefined && attempt < ctx.maxAttempts ? ctx.clock() + backoffMs(attempt) : undefined
    await endAttempt(ctx.db, d.delivery_id, {
      attempt,
      startedAt,
      durationMs: performance.now() - t0,
      error,
      retryAt,
    })
    if (error === undefined) sent++
    else {
      failed++
      ctx.logger.warn(retryAt ? 'delivery failed; will retry' : 'delivery failed for good', {
        delivery_id: d.delivery_id,
        channel: d.channel,
        attempt,
        error,
        ...(retryAt ? { retry_at: new Date(retryAt).toISOString() } : {}),
      })
    }
  }
  return { sent, failed }
}
