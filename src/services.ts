// Build the running parts from config: open DuckDB, migrate, load keys, open the write-ahead log and
// replay what it holds beyond the last flush, create the buffer and limiters.
import { join } from 'node:path'
import type { AppDeps } from './app'
import type { Clock } from './clock'
import type { Config } from './config'
import { lockDownExternalAccess } from './db/lockdown'
import { migrate } from './db/migrate'
import { openDatabase } from './db/open'
import { RateLimiter } from './http/rate-limit'
import { EventBuffer } from './ingest/buffer'
import { EventIdIndex } from './ingest/dedupe'
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

/** Whether acknowledgements go through the write-ahead log (never for an in-memory database). */
export function usesLog(config: Config): boolean {
  return config.durability === 'fsync' && config.dbPath !== ':memory:'
}

/** Open the database and build every dependency of `createApp`; `close()` flushes, checkpoints and closes. */
export async function createServices(
  config: Config,
  opts: ServicesOptions,
): Promise<AppDeps & { close(): Promise<void> }> {
  const db = await openDatabase(config.dbPath)
  await migrate(db.writer)
  // From here on no SQL on this instance can touch files (Parquet export writes through its own instance).
  await lockDownExternalAccess(db)
  const store = new SiteStore(db)
  await store.reload()

  let wal: WriteAheadLog | undefined
  let replay: Awaited<ReturnType<typeof WriteAheadLog.open>>['pending'] = []
  if (usesLog(config)) {
    const opened = await WriteAheadLog.open({
      dir: join(config.dataDir, 'ingest-log'),
      appliedSeq: await getAppliedSeq(db),
      sync: true,
      logger: opts.logger,
    })
    wal = opened.wal
    replay = opened.pending
  }

  const buffer = new EventBuffer(
    async (cols, n, upTo) => {
      await appendEvents(db, cols, n, wal && upTo > 0 ? () => setAppliedSeq(db, upTo) : undefined)
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

  return {
    config,
    clock: opts.clock,
    logger: opts.logger,
    db,
    store,
    buffer,
    persist: createPersist(buffer, ids, wal),
    lifecycle: { draining: false },
    keyLimiter: new RateLimiter(config.rateLimitPerMinute, opts.clock),
    ipLimiter: new RateLimiter(config.ipRateLimitPerMinute, opts.clock),
    reads: new ReadGate(db.readPool, {
      timeoutMs: config.queryTimeoutMs,
      perKey: config.readConcurrencyPerKey,
      total: config.readConcurrency,
      queuePerKey: config.readQueuePerKey,
    }),
    exports: new ActiveExports(),
    startedAt: opts.clock(),
    async close() {
      await buffer.close()
      await wal?.close()
      await db.writer.run('CHECKPOINT').catch(() => undefined)
      db.close()
    },
  }
}
