// Keeps DuckDB usable: after a fatal error (a checkpoint that failed on a full disk invalidates the
// instance), it records the cause, answers "unavailable" to callers, and reopens the database file —
// at most once per `retryMs`, on a timer and on demand — until a reopen succeeds. No restart needed.
import type { Clock } from '../clock'
import { type DomainError, UnavailableError } from '../errors'
import type { HealthState } from '../health/state'
import type { Logger } from '../logger'
import { describeDbError, isFatalDbError } from './failure'
import type { Database } from './open'

/** Options of the supervisor. */
export interface DbSupervisorOptions {
  clock: Clock
  logger: Logger
  /** Runs on the new writer connection after each reopen (the file-access lockdown). */
  afterOpen: Parameters<Database['reopen']>[0]
  /** Called after a successful reopen (e.g. to drop pooled read connections of the old instance). */
  onReopen?: () => void
  retryMs?: number
}

/** The database's availability, and the healing loop. */
export class DbSupervisor {
  /** Why the database is unavailable, or null while it works. */
  failure: string | null = null
  failedAt: number | null = null
  reopens = 0
  private lastAttempt = Number.NEGATIVE_INFINITY
  private healing: Promise<boolean> | undefined
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(
    private db: Database,
    private opts: DbSupervisorOptions,
  ) {}

  /** Note an error from DuckDB; a fatal one marks the database unavailable until reopened. */
  observe(err: unknown): void {
    if (!isFatalDbError(err) || this.failure) return
    this.failure = describeDbError(err)
    this.failedAt = this.opts.clock()
    this.opts.logger.error('database unavailable; reopening it once the cause clears', {
      cause: this.failure,
    })
  }

  /**
   * Mark the database unavailable until reopened, whatever the error: after a failed write its memory
   * may differ from its files (isDbWriteFailure), and nothing may be read or written before a reopen.
   */
  requireReopen(err: unknown): void {
    if (this.failure) return
    this.failure = describeDbError(err)
    this.failedAt = this.opts.clock()
    this.opts.logger.warn('a database write failed; reopening the database before trusting it again', {
      cause: this.failure,
    })
  }

  /** If unavailable, try to reopen now (throttled). Resolves true when the database is usable. */
  heal(force = false): Promise<boolean> {
    if (!this.failure) return Promise.resolve(true)
    if (this.healing) return this.healing
    const now = this.opts.clock()
    if (!force && now - this.lastAttempt < (this.opts.retryMs ?? 1000)) return Promise.resolve(false)
    this.lastAttempt = now
    this.healing = (async () => {
      try {
        await this.db.reopen(this.opts.afterOpen)
        // Prove the new instance works before saying so.
        await this.db.writer.run('SELECT 1')
        const down = this.failedAt === null ? 0 : this.opts.clock() - this.failedAt
        this.opts.logger.info('database reopened', { was: this.failure, downMs: down })
        this.failure = null
        this.failedAt = null
        this.reopens++
        this.opts.onReopen?.()
        return true
      } catch (err) {
        this.failure = describeDbError(err)
        this.opts.logger.warn('database reopen failed; will retry', { cause: this.failure })
        return false
      } finally {
        this.healing = undefined
      }
    })()
    return this.healing
  }

  /**
   * Throw 503 (with Retry-After) naming the cause when the database is unavailable and cannot be reopened
   * now. Waits at most `waitMs` for a reopen (it waits for the writer and the running reads), so a caller
   * is answered within its time limit while the reopen goes on.
   */
  async ensureAvailable(waitMs = 2000): Promise<void> {
    if (!this.failure) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs)
    })
    try {
      if (await Promise.race([this.heal(), late])) return
    } finally {
      clearTimeout(timer)
    }
    throw unavailable(this.failure ?? 'reopening it')
  }

  /** The database's part of /health: unavailable, with the cause, until a reopen succeeds. */
  health(): HealthState {
    const details = { database_reopens: this.reopens, database_failure: this.failure }
    if (!this.failure) return { status: 'ok', details }
    return { status: 'unavailable', reason: `the database is unavailable (${this.failure})`, details }
  }

  /** Retry reopening every `retryMs` while unavailable. */
  start(): void {
    this.timer = setInterval(() => {
      if (this.failure) this.heal().catch(() => undefined)
    }, this.opts.retryMs ?? 1000)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }
}

/** The 503 a client gets while the database is unavailable. */
export function unavailable(cause: string): DomainError {
  return new UnavailableError(`The database is unavailable (${cause}); retry shortly`, 5)
}
