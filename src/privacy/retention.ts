// The retention prune: once a day, each site with `retention_days` loses its events from before the start
// of the local day `retention_days` days before today, in the site's time zone, so whole days go and no
// day is cut in half. The delete is the erasure's path (`EventStore.deleteEvents`), so everything derived
// from the events (session_hours on DuckDB) is kept equal to what the events left would build.
// Buffered events are written first, so an old event still in the buffer cannot outlive the prune.
import type { Clock } from '../clock'
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { EventStore } from '../events/store'
import type { HealthState } from '../health/state'
import type { Logger } from '../logger'
import { DAY } from '../stats/time/buckets'
import { startOfDay } from '../stats/time/period'
import { localToInstant, toLocal } from '../stats/time/zone'

/** What the prune needs. */
export interface RetentionDeps {
  db: Database
  buffer: { flush(): Promise<unknown> }
  events: { store: EventStore }
  clock: Clock
  logger: Logger
}

/** One site's prune. */
export interface PruneResult {
  siteId: string
  /** Events before this instant (epoch ms) are gone. */
  before: number
  deleted: number
}

/** The first instant kept when `days` days are kept in zone `tz` at `now`: local midnight `days` days ago. */
export function retentionCut(tz: string, days: number, now: number): number {
  return localToInstant(tz, toLocal(tz, startOfDay(tz, now)) - days * DAY)
}

interface RetentionRow {
  site_id: string
  retention_days: number
  timezone: string
  pruned_at: number | null
}

/** Runs the prune on a timer (hourly checks; each site at most once per local day) and reports it. */
export class RetentionPrune {
  private timer: ReturnType<typeof setInterval> | undefined
  private running: Promise<PruneResult[]> | undefined
  private last: { at: number; deleted: number; error: string | null } | undefined
  private sites = 0

  constructor(
    private deps: RetentionDeps,
    private everyMs = 3_600_000,
  ) {}

  /** Check on a timer (not in tests, which call `tick()` after moving the clock); the first check at once. */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.everyMs)
    this.timer.unref?.()
    void this.tick()
  }

  /** Stop the timer and wait for a running prune. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running?.catch(() => undefined)
  }

  /** Prune every site that is due (not yet pruned on its local today); one run at a time. */
  tick(): Promise<PruneResult[]> {
    this.running ??= this.pruneDue().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async pruneDue(): Promise<PruneResult[]> {
    const now = this.deps.clock()
    const out: PruneResult[] = []
    try {
      const rows = await queryRows<RetentionRow>(
        this.deps.db.reader,
        "SELECT r.site_id, r.retention_days, coalesce(z.timezone, 'UTC') AS timezone, r.pruned_at FROM site_retention r LEFT JOIN site_zones z USING (site_id) ORDER BY r.site_id",
      )
      this.sites = rows.length
      const due = rows.filter(
        (r) =>
          r.pruned_at === null || startOfDay(r.timezone, Number(r.pruned_at)) < startOfDay(r.timezone, now),
      )
      if (due.length > 0) await this.deps.buffer.flush()
      for (const r of due) out.push(await this.pruneSite(r, now))
      const deleted = out.reduce((n, r) => n + r.deleted, 0)
      if (due.length > 0) this.last = { at: now, deleted, error: null }
      if (deleted > 0) this.deps.logger.info('retention prune', { sites: due.length, events: deleted })
    } catch (err) {
      const error = (err as Error).message
      this.last = { at: now, deleted: out.reduce((n, r) => n + r.deleted, 0), error }
      this.deps.logger.error('retention prune failed', { error })
    }
    return out
  }

  private async pruneSite(r: RetentionRow, now: number): Promise<PruneResult> {
    const before = retentionCut(r.timezone, r.retention_days, now)
    const deleted = await this.deps.events.store.deleteEvents({ siteId: r.site_id, before })
    await this.deps.db.writeLock.run(() =>
      this.deps.db.writer.run(
        'UPDATE site_retention SET pruned_at = $2, pruned_events = $3 WHERE site_id = $1',
        [r.site_id, BigInt(now), BigInt(deleted)],
      ),
    )
    return { siteId: r.site_id, before, deleted }
  }

  /** For /health: sites with a retention limit and the last prune (never failing the server's status). */
  health(): HealthState {
    const last = this.last
    return {
      status: 'ok',
      details: {
        retention: {
          sites: this.sites,
          last_prune_at: last ? new Date(last.at).toISOString() : null,
          last_pruned_events: last?.deleted ?? 0,
          last_error: last?.error ?? null,
        },
      },
    }
  }
}
