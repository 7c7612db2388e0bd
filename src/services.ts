// Build the running parts from config: open DuckDB, migrate, load keys, open the write-ahead log and
// replay what it holds beyond the last flush, create the buffer, the database supervisor and limiters.
import { join } from 'node:path'
import type { AppDeps } from './app'
import type { Clock } from './clock'
import type { Config } from './config'
import { applyLockDown, lockDownExternalAccess } from './db/lockdown'
import { migrate } from './db/migrate'
import { openDatabase } from './db/open'
import { DbSupervisor } from './db/supervisor'
import { combineHealth, lifecycleHealth } from './health/state'
import { RateLimiter } from './http/rate-limit'
import { EventBuffer } from './ingest/buffer'
import { EventIdIndex } from './ingest/dedupe'
import { createEnrichment, type Enrichment, enrichmentHealth } from './ingest/enrich'
import { bufferHealth, walHealth } from './ingest/health'
import { createPersist, loadRecentEventIds } from './ingest/persist'
import { WriteAheadLog } from './ingest/wal'
import { appendEvents, getAppliedSeq, setAppliedSeq } from './ingest/writer'
import type { Logger } from './logger'
import { SiteStore } from './sites/store'
import { ActiveExports } from './stats/export/active'
import { ReadGate } from './stats/read-gate'

/** Options of `createServices`. */
export interface ServicesOptions {
  clock: Clock
  logger: Logger
  /** Flush on a timer (off in tests that flush by hand). */
  autoFlush?: boolean
}

/** What `close()` did with the events still held in memory. */
export interface CloseReport {
  /** Events written to DuckDB by the final flush. */
  flushed: number
  /** Events not in DuckDB but safe in the write-ahead log: written at the next start. */
  leftInLog: number
  /** Acknowledged events that are in neither (only possible without a log, if the final flush failed). */
  lost: number
}

/** Whether acknowledgements go through the write-ahead log (never for an in-memory database). */
export function usesLog(config: Config): boolean {
  return config.durability === 'fsync' && config.dbPath !== ':memory:'
}

/** Open the database and build every dependency of `createApp`; `close()` drains, checkpoints and closes. */
export async function createServices(
  config: Config,
  opts: ServicesOptions,
): Promise<AppDeps & { enrichment: Enrichment; close(timeoutMs?: number): Promise<CloseReport> }> {
  const db = await openDatabase(config.dbPath)
  await migrate(db.writer)
  // From here on no SQL on this instance can touch files (Parquet export writes through its own instance).
  await lockDownExternalAccess(db)
  const supervisor = new DbSupervisor(db, {
    clock: opts.clock,
    logger: opts.logger,
    afterOpen: (writer) => applyLockDown(writer),
  })
  const store = new SiteStore(db)
  await store.reload()

  const appliedSeq = await getAppliedSeq(db)
  let wal: WriteAheadLog | undefined
  let replay: Awaited<ReturnType<typeof WriteAheadLog.open>>['pending'] = []
  if (usesLog(config)) {
    const opened = await WriteAheadLog.open({
      dir: join(config.dataDir, 'ingest-log'),
      appliedSeq,
      sync: true,
      logger: opts.logger,
      now: opts.clock,
    })
    wal = opened.wal
    replay = opened.pending
  }

  const buffer = new EventBuffer(
    async (cols, n, upTo) => {
      await supervisor.ensureAvailable()
      try {
        await appendEvents(db, cols, n, upTo > 0 ? () => setAppliedSeq(db, upTo) : undefined)
      } catch (err) {
        supervisor.observe(err)
        // A fatal error can strike after the commit was durable: reopen, and trust the applied position.
        if (!supervisor.failure || upTo === 0 || !(await supervisor.heal(true))) throw err
        if ((await getAppliedSeq(db)) < upTo) throw err
        opts.logger.info('flush committed before the database failed; not writing it twice', { rows: n })
      }
      wal?.markApplied(upTo)
    },
    {
      flushMaxRows: config.flushMaxRows,
      maxBufferRows: config.maxBufferRows,
      flushIntervalMs: config.flushIntervalMs,
      clock: opts.clock,
      logger: opts.logger,
      autoFlush: opts.autoFlush,
    },
  )

  // Queries hold a worker thread each while they run; the write-ahead log's writes need one too.
  if (config.threadPoolSize < config.readConcurrency + 2)
    opts.logger.warn('worker thread pool too small: running queries can hold up ingest', {
      UV_THREADPOOL_SIZE: config.threadPoolSize,
      PULSE_READ_CONCURRENCY: config.readConcurrency,
      fix: `start with UV_THREADPOOL_SIZE=${config.readConcurrency + 5} (or lower PULSE_READ_CONCURRENCY)`,
    })

  const ids = new EventIdIndex()
  await loadRecentEventIds(db, ids, opts.clock())
  if (replay.length > 0) {
    let rows = 0
    for (const r of replay) {
      for (const row of r.rows) if (row.eventId !== null) ids.remember(row.siteId, row.eventId, r.receivedAt)
      buffer.push(r.rows, r.receivedAt, r.seq)
      rows += r.rows.length
    }
    await buffer.flush()
    opts.logger.info('write-ahead log replayed', { records: replay.length, events: rows })
  }
  if (opts.autoFlush !== false) supervisor.start()
  const persist = createPersist(buffer, ids, wal, appliedSeq)
  const enrichment = await createEnrichment(config, db, opts.clock(), opts.logger)
  const lifecycle = { draining: false }
  const exports = new ActiveExports()

  return {
    config,
    clock: opts.clock,
    logger: opts.logger,
    db,
    store,
    buffer,
    supervisor,
    wal,
    persist,
    lifecycle,
    enrichment,
    enricher: enrichment.enricher,
    healthState: () =>
      combineHealth(
        lifecycleHealth(lifecycle),
        supervisor.health(),
        bufferHealth(buffer),
        walHealth(wal),
        enrichmentHealth(enrichment),
      ),
    keyLimiter: new RateLimiter(config.rateLimitPerMinute, opts.clock),
    ipLimiter: new RateLimiter(config.ipRateLimitPerMinute, opts.clock),
    reads: new ReadGate(db.readPool, {
      timeoutMs: config.queryTimeoutMs,
      perKey: config.readConcurrencyPerKey,
      total: config.readConcurrency,
      queuePerKey: config.readQueuePerKey,
    }),
    exports,
    startedAt: opts.clock(),
    async close(timeoutMs = config.shutdownTimeoutMs) {
      lifecycle.draining = true
      supervisor.stop()
      // Running exports end as an aborted chunked response, never a clean (truncated) 200.
      const aborted = exports.abortAll()
      if (aborted > 0) opts.logger.info('exports cut off by shutdown', { exports: aborted })
      const report = await drain(timeoutMs)
      await enrichment.salts.settled()
      await wal?.close()
      if (report.leftInLog === 0 && report.lost === 0)
        await db.writer.run('CHECKPOINT').catch(() => undefined)
      db.close()
      return report
    },
  }

  /** Wait for acknowledgements in progress, then write everything buffered, within `timeoutMs`. */
  async function drain(timeoutMs: number): Promise<CloseReport> {
    const before = buffer.flushedRows
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const outcome = await Promise.race([
      (async () => {
        await persist.idle()
        await supervisor.heal(true)
        await buffer.close()
        return 'done' as const
      })().catch((err: Error) => err),
      timeout,
    ])
    clearTimeout(timer)
    const flushed = buffer.flushedRows - before
    if (outcome === 'done') return { flushed, leftInLog: 0, lost: 0 }
    const left = buffer.depth
    opts.logger.error('final flush did not complete', {
      reason: outcome === 'timeout' ? `timed out after ${timeoutMs} ms` : outcome.message,
      events: left,
    })
    return wal ? { flushed, leftInLog: left, lost: 0 } : { flushed, leftInLog: 0, lost: left }
  }
}
