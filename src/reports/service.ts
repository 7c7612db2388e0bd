// The reports scheduler in the server process: every PULSE_REPORTS_TICK_MS it claims the digests due,
// checks the alert rules and attempts the deliveries due, one pass at a time. Everything it decides is
// a row first (see deliveries.ts), so a restart resumes where it stopped. It reads figures through the
// app's own stats API, attached once the app exists (`attach`).
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import type { HealthState } from '../health/state'
import type { Logger } from '../logger'
import { checkRules } from './alerts'
import { type DeliverContext, deliverDue } from './deliver'
import { type DueDelivery, deliveryHealth, recoverInterrupted } from './deliveries'
import { claimDueDigests, type DigestContext } from './digests'
import { createMailer, describeMailError, type Mailer } from './mailer'
import { listRules } from './repo'
import { type StatsClient, statsClient } from './stats-client'
import { unsubscribeKey } from './unsubscribe'

/** Options of `Reports`. */
export interface ReportsOptions {
  db: Database
  config: Config
  clock: Clock
  logger: Logger
  /** Test hook: runs after a delivery is marked `sending`, before it is sent. */
  beforeSend?: (d: DueDelivery) => Promise<void>
}

/** The scheduler and what the reports routes share with it. */
export class Reports {
  readonly mailer: Mailer | undefined
  private stats: StatsClient = () => Promise.reject(new Error('reports: the app is not attached yet'))
  private appHandle: (request: Request) => Promise<Response> = () =>
    Promise.reject(new Error('reports: the app is not attached yet'))
  private timer: ReturnType<typeof setInterval> | undefined
  private running: Promise<void> | undefined
  private recovered = false
  private counts = { retrying: 0, failed_24h: 0, last_error: null as string | null }

  constructor(private readonly opts: ReportsOptions) {
    this.mailer = opts.config.smtp ? createMailer(opts.config.smtp) : undefined
  }

  /** Read figures through `handle` (the app's), with the admin token. */
  attach(handle: (request: Request) => Promise<Response>): void {
    this.appHandle = handle
    this.stats = statsClient(handle, this.opts.config.adminToken)
  }

  /** Answer `request` through the app (for /metrics, which reads with the caller's credential). */
  handle(request: Request): Promise<Response> {
    return this.appHandle(request)
  }

  /** Send one email now, outside the deliveries table (an invitation: its link must not be stored);
   * throws a one-line reason without credentials. */
  async sendMail(mail: { to: string; subject: string; text: string; html: string }): Promise<void> {
    if (!this.mailer) throw new Error('email is not configured: set PULSE_SMTP_HOST and PULSE_SMTP_FROM')
    try {
      await this.mailer.send(mail)
    } catch (err) {
      throw new Error(describeMailError(err, this.opts.config.smtp))
    }
  }

  /** The stats client (for previews). */
  get client(): StatsClient {
    return this.stats
  }

  /** What rendering a digest needs. */
  async digestContext(): Promise<DigestContext> {
    return {
      db: this.opts.db,
      stats: this.stats,
      publicUrl: this.opts.config.publicUrl,
      unsubscribeKey: await unsubscribeKey(this.opts.db),
    }
  }

  /** Tick on a timer (not in tests, which call `tick()` after moving the clock). */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.opts.config.reportsTickMs)
    this.timer.unref?.()
  }

  /** Stop ticking and wait for the pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running
    this.mailer?.close()
  }

  /** One pass: claim due digests, check alert rules, attempt due deliveries. Never throws. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  /** Claim what is due without sending (the first half of a pass; tests stop between the halves). */
  async claimDue(): Promise<void> {
    const { db, clock, logger } = this.opts
    const now = clock()
    const ctx = await this.digestContext()
    await claimDueDigests(ctx, now, (id, err) =>
      logger.error('digest could not be prepared', { digest_id: id, error: err.message }),
    )
    await checkRules(db, this.stats, await listRules(db), now, (id, err) =>
      logger.error('alert rule could not be checked', { rule_id: id, error: err.message }),
    )
  }

  /** Attempt the deliveries due (the second half of a pass). */
  async deliver(): Promise<{ sent: number; failed: number }> {
    const { db, clock, logger, config } = this.opts
    if (!this.recovered) {
      this.recovered = true
      const n = await recoverInterrupted(db, clock())
      if (n > 0) logger.warn('deliveries interrupted by a restart are sent again', { deliveries: n })
    }
    const ctx: DeliverContext = {
      db,
      clock,
      logger,
      smtp: config.smtp,
      mailer: this.mailer,
      maxAttempts: config.deliveryMaxAttempts,
      beforeSend: this.opts.beforeSend,
    }
    const result = await deliverDue(ctx)
    this.counts = await deliveryHealth(db, clock())
    return result
  }

  private async pass(): Promise<void> {
    try {
      await this.claimDue()
      await this.deliver()
    } catch (err) {
      this.opts.logger.error('reports pass failed', { error: (err as Error).message })
    }
  }

  /** Deliveries retrying and failed in the last day, as of the last pass. */
  deliveryCounts(): { retrying: number; failed_24h: number; last_error: string | null } {
    return { ...this.counts }
  }

  /** The reports' part of /health: always `ok` (a failing mail server must not take the server out of a
   * load balancer), with deliveries retrying, failed in the last day and the latest error. */
  health(): HealthState {
    return { status: 'ok', details: { deliveries: { ...this.counts } } }
  }
}
