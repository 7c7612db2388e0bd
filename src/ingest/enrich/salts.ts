// The daily salts of cookieless visitor ids. One random salt per UTC day, kept in the database so a
// restart keeps today's ids; a new day's salt is made on that day's first event, and every salt older
// than yesterday's is deleted then — and at every UTC midnight by a timer (`startPurge`), so a salt
// lives at most 48 h even when no event arrives, and an old visitor id can never be derived again.
// Only today's and yesterday's salts are held in memory.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../../clock'
import type { Database } from '../../db/open'
import type { Logger } from '../../logger'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** The UTC day of `ms` as `YYYY-MM-DD`. */
export function utcDay(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10)
}

/** The salts of visitor ids, persisted in `visitor_salts`. */
export class VisitorSalts {
  private salts = new Map<string, string>()
  private pending: Promise<void> = Promise.resolve()
  /** The last answer of `saltFor` and its UTC day number: formatting the day per event costs more than the rest. */
  private last: { day: number; salt: string } | undefined

  private constructor(
    private readonly db: Database | undefined,
    private readonly logger?: Logger,
  ) {}

  /** Load the stored salts (today's and yesterday's at `now`; older ones are deleted). */
  static async open(db: Database | undefined, now: number, logger?: Logger): Promise<VisitorSalts> {
    const s = new VisitorSalts(db, logger)
    if (db) {
      const r = await db.writer.runAndReadAll('SELECT day, salt FROM visitor_salts')
      const keep = utcDay(now - DAY_MS)
      for (const [day, salt] of r.getRows() as [string, string][]) if (day >= keep) s.salts.set(day, salt)
      await db.writer.run('DELETE FROM visitor_salts WHERE day < $1', [keep])
    }
    s.saltFor(now)
    await s.settled()
    return s
  }

  /** Today's salt at `now`: made (and stored, and older ones deleted) on a new day's first call. */
  saltFor(now: number): string {
    const dayNumber = Math.floor(now / DAY_MS)
    if (this.last?.day === dayNumber) return this.last.salt
    const salt = this.saltOfDay(now)
    this.last = { day: dayNumber, salt }
    return salt
  }

  private saltOfDay(now: number): string {
    const day = utcDay(now)
    const known = this.salts.get(day)
    if (known) return known
    const salt = randomBytes(32).toString('base64url')
    const keep = utcDay(now - DAY_MS)
    for (const d of this.salts.keys()) if (d < keep) this.salts.delete(d)
    this.salts.set(day, salt)
    this.store(day, salt, now, keep)
    return salt
  }

  /** Forget and delete every salt older than yesterday's at `now`; true when there was one. */
  purge(now: number): boolean {
    const keep = utcDay(now - DAY_MS)
    const old = [...this.salts.keys()].filter((d) => d < keep)
    if (old.length === 0) return false
    for (const d of old) this.salts.delete(d)
    const db = this.db
    if (db)
      this.pending = this.pending.then(() =>
        db.writeLock
          .run(() => db.writer.run('DELETE FROM visitor_salts WHERE day < $1', [keep]))
          .then(() => undefined)
          .catch((err: Error) =>
            this.logger?.error('old visitor salts could not be deleted', { error: err.message }),
          ),
      )
    return true
  }

  /**
   * Purge at every UTC midnight of `clock` (checking at least every `maxDelayMs`, so a clock that jumps
   * or a machine that slept is caught up). The timer does not keep the process alive; `stop` ends it.
   */
  startPurge(clock: Clock, opts: { maxDelayMs?: number } = {}): { stop(): void } {
    const maxDelay = opts.maxDelayMs ?? HOUR_MS
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const schedule = () => {
      if (stopped) return
      const now = clock()
      const untilMidnight = (Math.floor(now / DAY_MS) + 1) * DAY_MS - now
      timer = setTimeout(tick, Math.max(1, Math.min(untilMidnight, maxDelay)))
      timer.unref?.()
    }
    const tick = () => {
      this.purge(clock())
      schedule()
    }
    schedule()
    return {
      stop() {
        stopped = true
        clearTimeout(timer)
      },
    }
  }

  /** Days whose salts are held in memory, oldest first. */
  days(): string[] {
    return [...this.salts.keys()].sort()
  }

  /** Resolves when every stored change so far is written. */
  settled(): Promise<void> {
    return this.pending
  }

  private store(day: string, salt: string, now: number, keep: string): void {
    const db = this.db
    if (!db) return
    this.pending = this.pending.then(() =>
      db.writeLock
        .run(async () => {
          await db.writer.run('DELETE FROM visitor_salts WHERE day < $1 OR day = $2', [keep, day])
          await db.writer.run('INSERT INTO visitor_salts VALUES ($1, $2, $3)', [day, salt, BigInt(now)])
        })
        .catch((err: Error) =>
          this.logger?.error('visitor salt could not be stored', { day, error: err.message }),
        ),
    )
  }
}
