// The running parts of the server, built from config in this order (each a named step below): open
// DuckDB, migrate and lock file access down → supervisor → site keys → the write-ahead log → the buffer
// and its sink → replay of the log beyond the last flush (log records are the CSV the writer loads) →
// limiters and read gate; the recent event ids (replayed ones included: they are in the database by then)
// and the GeoIP file load in the background (`startBackground`, once the server listens).
// `close()` drains, checkpoints and closes; serve.ts calls it on SIGTERM.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AuditLog } from './accounts/audit'
import { sharePasswordLimiters } from './accounts/sharing'
import { AccountStore } from './accounts/store'
import { signInLimiters } from './accounts/users'
import type { AppDeps } from './app'
import type { Clock } from './clock'
import type { Config } from './config'
import { describeDbError } from './db/failure'
import { applyLockDown, lockDownExternalAccess, withLoadDir } from './db/lockdown'
import { migrate } from './db/migrate'
import { type Database, damagedOr, openDatabase } from './db/open'
import { DbSupervisor } from './db/supervisor'
import { EventAccess } from './events/access'
import { EventBuffer } from './events/buffer'
import { EventIdIndex, loadRecentEventKeys } from './events/dedupe'
import { DiskRoom } from './events/disk-room'
import { DuckDbEventStore } from './events/duckdb-store'
import { bufferHealth, walHealth } from './events/health'
import { adoptHeld, heldDir, writeHeld } from './events/held'
import { createPersist } from './events/persist'
import { ReadGate } from './events/read-gate'
import { replayRecords } from './events/replay'
import { flushSink } from './events/sink'
import type { EventStore } from './events/store'
import { WriteAheadLog } from './events/wal'
import type { LoadOptions } from './events/writer'
import { combineHealth, lifecycleHealth, memoryHealth } from './health/state'
import { RateLimiter } from './http/rate-limit'
import { createEnrichment, type Enrichment, enrichmentHealth, warmEnrichment } from './ingest/enrich'
import type { Logger } from './logger'
import { RetentionPrune } from './privacy/retention'
import { Reports } from './reports/service'
import { exclusionStep } from './sites/exclusions'
import { SiteStore } from './sites/store'
import { ActiveExports } from './stats/export/active'
import { EventHub } from './stream/hub'

/** Options of `createServices`. */
export interface ServicesOptions {
  clock: Clock
  logger: Logger
  /** Flush on a timer (off in tests that flush by hand). */
  autoFlush?: boolean
  /** Longest wait between checks for expired visitor salts (default an hour; tests use a few ms). */
  saltPurgeCheckMs?: number
  /**
   * Leave the background start-up work (loading recent event ids, reading the GeoIP file) to a call of
   * `startBackground()`, so it does not compete with start-up itself; `serve` calls it once listening.
   */
  deferBackground?: boolean
  /** Options of every load into the events table (a test injects a short write into the load file). */
  load?: LoadOptions
}

/** What `close()` did with the events still held in memory. */
export interface CloseReport {
  /** Events written to DuckDB by the final flush. */
  flushed: number
  /** Events not in DuckDB but safe in the write-ahead log: written at the next start. */
  leftInLog: number
  /**
   * Acknowledged events that are in neither (only possible without a log, if the final flush failed
   * and no disk took them).
   */
  lost: number
  /** Without a log: where the events the final flush could not write were kept for the next start. */
  heldIn?: string
}

/** Whether acknowledgements go through the write-ahead log (never for an in-memory database). */
export function usesLog(config: Config): boolean {
  return config.durability === 'fsync' && config.dbPath !== ':memory:'
}

/** Every dependency of `createApp`, and `close()`. */
export interface Services extends AppDeps {
  /** The enrichment steps with their caches, salts and counts. */
  enrichment: Enrichment
  /** Recently accepted event ids (loaded in the background after start-up; see `loaded`). */
  eventIds: EventIdIndex
  /** The daily retention prune (ticks on a timer when the server runs on its own; tests call `tick()`). */
  retention: RetentionPrune
  /** Start the work left out of start-up (see `ServicesOptions.deferBackground`); once only. */
  startBackground(): void
  /** Refuse new work, drain the buffer within `timeoutMs`, checkpoint and close the database. */
  close(timeoutMs?: number): Promise<CloseReport>
}

/** Open the database and build every dependency of `createApp`; `close()` drains, checkpoints and closes. */
export async function createServices(config: Config, opts: ServicesOptions): Promise<Services> {
  const db = await openMigratedDatabase(config, opts.logger)
  const supervisor = new DbSupervisor(db, {
    clock: opts.clock,
    logger: opts.logger,
    afterOpen: (writer) => applyLockDown(writer, withLoadDir(db)),
  })
  const store = new SiteStore(db)
  await store.reload()
  // Users, roles, sessions, read-only keys and share links (src/accounts/).
  const accounts = new AccountStore(db, opts.clock)
  await accounts.reload()
  const reads = new ReadGate(db.readPool, {
    timeoutMs: config.queryTimeoutMs,
    perKey: config.readConcurrencyPerKey,
    total: config.readConcurrency,
    queuePerKey: config.readQueuePerKey,
  })
  // The engine: ClickHouse when configured (site metadata stays in DuckDB), else the DuckDB file. Its
  // code (and @clickhouse/client) is loaded only then: a DuckDB server never parses it at start.
  const clickhouse = config.clickhouse
    ? await import('./events/clickhouse/open')
        .then(({ openClickHouseStore }) => openClickHouseStore(config, db, opts.logger))
        .catch((err) => {
          db.close()
          throw err
        })
    : undefined
  const eventStore: EventStore =
    clickhouse ?? new DuckDbEventStore(db, supervisor, reads, opts.logger, opts.load)
  const appliedSeq = await eventStore.appliedPosition()
  const { wal, replay, readOnce } = await openLog(config, opts, appliedSeq)
  let buffered = () => 0
  const room = new DiskRoom({ dir: config.dataDir, waitingBytes: () => buffered(), now: opts.clock })
  const buffer = createBuffer(config, opts, eventStore, wal, room)
  buffered = () => buffer.heldBytes
  warnIfThreadPoolSmall(config, opts.logger)
  // A bulk load: checkpoint at its end, so the first request after start-up does not wait for it.
  if ((await replayLog(replay, eventStore, wal, opts.logger)) > 0) await db.writer.run('CHECKPOINT')
  if (readOnce) {
    // `none` mode: the segments held at the last shutdown are in the database now; delete them.
    readOnce.markApplied(Number.MAX_SAFE_INTEGER)
    await readOnce.close()
  }
  // Without a log, batches are numbered on from the applied position (past any held events just written).
  const firstSeq = wal ? appliedSeq : await eventStore.appliedPosition()
  const ids = new EventIdIndex()
  if (opts.autoFlush !== false) supervisor.start()
  const hub = new EventHub()
  const persist = createPersist(buffer, ids, wal, firstSeq, (rows, at) => hub.publish(rows, at), room)
  // Site exclusions run first: an excluded event costs no parsing or lookup, and is counted by reason.
  const enrichment = await createEnrichment(config, db, opts.clock(), opts.logger, [exclusionStep(store)])
  // Salts expire at UTC midnight whether or not events arrive.
  const saltPurge = enrichment.salts.startPurge(opts.clock, { maxDelayMs: opts.saltPurgeCheckMs })
  const lifecycle = { draining: false }
  const exports = new ActiveExports()
  // Digests, alerts and their deliveries: ticks on a timer when the server runs on its own.
  const reports = new Reports({ db, config, clock: opts.clock, logger: opts.logger })
  if (opts.autoFlush !== false) reports.start()
  // Sites' retention limits: a daily prune through the events' delete path.
  const retention = new RetentionPrune({
    db,
    buffer,
    events: { store: eventStore },
    clock: opts.clock,
    logger: opts.logger,
  })
  let background = false
  const startBackground = () => {
    if (background) return
    background = true
    loadEventIds(db, eventStore, ids, opts)
    warmEnrichment(enrichment, opts.logger)
    // Its first check runs now, once the server listens, not during start-up.
    if (opts.autoFlush !== false) retention.start()
  }
  if (!opts.deferBackground) startBackground()

  return {
    config,
    clock: opts.clock,
    logger: opts.logger,
    db,
    store,
    accounts,
    audit: new AuditLog(db, opts.clock),
    signIn: signInLimiters(opts.clock),
    sharePasswords: sharePasswordLimiters(opts.clock),
    buffer,
    supervisor,
    wal,
    persist,
    hub,
    lifecycle,
    enrichment,
    enricher: enrichment.enricher,
    eventIds: ids,
    startBackground,
    reports,
    retention,
    healthState: () =>
      combineHealth(
        lifecycleHealth(lifecycle),
        supervisor.health(),
        bufferHealth(buffer),
        walHealth(wal),
        enrichmentHealth(enrichment),
        memoryHealth(),
        reports.health(),
        retention.health(),
      ),
    keyLimiter: new RateLimiter(config.rateLimitPerMinute, opts.clock),
    ipLimiter: new RateLimiter(config.ipRateLimitPerMinute, opts.clock),
    reads,
    events: new EventAccess(eventStore, buffer, { waitMs: config.queryTimeoutMs }),
    // ClickHouse keeps no session_hours yet: its reads plan on `events`.
    readOptions: clickhouse ? { fragments: false } : undefined,
    exports,
    startedAt: opts.clock(),
    async close(timeoutMs = config.shutdownTimeoutMs) {
      lifecycle.draining = true
      supervisor.stop()
      await reports.stop()
      await retention.stop()
      hub.closeAll()
      // Running exports end as an aborted chunked response, never a clean (truncated) 200.
      const aborted = exports.close()
      if (aborted > 0) opts.logger.info('exports cut off by shutdown', { exports: aborted })
      const report = await keepHeld(await drain(timeoutMs))
      saltPurge.stop()
      await enrichment.salts.settled()
      await ids.loaded
      await wal?.close()
      if (report.leftInLog === 0 && report.lost === 0)
        await db.writer.run('CHECKPOINT').catch(() => undefined)
      await clickhouse?.close()
      db.close()
      return report
    },
  }

  /**
   * Without a log (`none`), events the final flush could not write are written as a synced log segment
   * (held.ts) for the next start: lost only if no disk of this machine takes them.
   */
  async function keepHeld(report: CloseReport): Promise<CloseReport> {
    if (report.lost === 0 || config.dbPath === ':memory:') return report
    const chunks = buffer.held()
    try {
      const path = await writeHeld(chunks, [join(config.dataDir, 'ingest-log'), heldDir(config.dataDir)])
      opts.logger.warn(
        'events the database could not take were written to a log segment; the next start writes them',
        {
          events: report.lost,
          segment: path,
        },
      )
      return { ...report, leftInLog: report.lost, lost: 0, heldIn: path }
    } catch (err) {
      opts.logger.error('events the database could not take could not be written anywhere either', {
        events: report.lost,
        cause: describeDbError(err),
      })
      return report
    }
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

/** Open DuckDB, apply the migrations, and lock file access down. */
async function openMigratedDatabase(config: Config, logger: Logger): Promise<Database> {
  const db = await openDatabase(config.dbPath)
  try {
    // A migration that rewrote tables leaves a large DuckDB log: fold it in now, not in the first flush.
    const applied = await migrate(db.writer, undefined, {
      onProgress: (msg, fields) => logger.info(msg, fields),
    })
    if (applied.length > 0) await db.writer.run('CHECKPOINT')
  } catch (err) {
    // Refused (a newer release's database) or failed: let go of the file untouched.
    db.close()
    throw damagedOr(config.dbPath, err)
  }
  // From here on no SQL on this instance can touch files (Parquet export writes through its own instance).
  await lockDownExternalAccess(db)
  return db
}

type Pending = Awaited<ReturnType<typeof WriteAheadLog.open>>['pending']

/** Open the write-ahead log (fsync mode on a file only) and read what it holds beyond `appliedSeq`. */
async function openLog(
  config: Config,
  opts: ServicesOptions,
  appliedSeq: number,
): Promise<{ wal: WriteAheadLog | undefined; replay: Pending; readOnce?: WriteAheadLog }> {
  if (config.dbPath === ':memory:') return { wal: undefined, replay: [] }
  const dir = join(config.dataDir, 'ingest-log')
  const adopted = await adoptHeld(config.dataDir, dir)
  if (adopted > 0) opts.logger.info('log segments held outside the data directory moved into it', { adopted })
  if (!usesLog(config)) {
    // `none` mode keeps no log, but a shutdown that could not write to the database left one to replay.
    if (!existsSync(dir) || !readdirSync(dir).some((f) => /^\d{16}\.log$/.test(f)))
      return { wal: undefined, replay: [] }
    const held = await WriteAheadLog.open({
      dir,
      appliedSeq,
      sync: false,
      logger: opts.logger,
      now: opts.clock,
    })
    return { wal: undefined, replay: held.pending, readOnce: held.wal }
  }
  const opened = await WriteAheadLog.open({
    dir,
    appliedSeq,
    sync: true,
    logger: opts.logger,
    now: opts.clock,
  })
  return { wal: opened.wal, replay: opened.pending }
}

/** The buffer, whose sink stores each slice with its log position, then lets the log delete what is applied. */
function createBuffer(
  config: Config,
  opts: ServicesOptions,
  events: EventStore,
  wal: WriteAheadLog | undefined,
  room: DiskRoom,
): EventBuffer {
  return new EventBuffer(flushSink(events, wal, room), {
    flushMaxRows: config.flushMaxRows,
    maxBufferRows: config.maxBufferRows,
    maxBufferBytes: config.maxBufferBytes,
    flushIntervalMs: config.flushIntervalMs,
    clock: opts.clock,
    logger: opts.logger,
    autoFlush: opts.autoFlush,
  })
}

/** Queries hold a worker thread each while they run; the write-ahead log's writes need one too. */
function warnIfThreadPoolSmall(config: Config, logger: Logger): void {
  if (config.threadPoolSize < config.readConcurrency + 2)
    logger.warn('worker thread pool too small: running queries can hold up ingest', {
      UV_THREADPOOL_SIZE: config.threadPoolSize,
      PULSE_READ_CONCURRENCY: config.readConcurrency,
      fix: `start with UV_THREADPOOL_SIZE=${config.readConcurrency + 5} (or lower PULSE_READ_CONCURRENCY)`,
    })
}

/**
 * Load the event ids stored in the last 24 hours into the index, after start-up: the read (hundreds of
 * milliseconds on a large database) no longer delays listening. Until it ends, `acceptRows` holds events
 * that carry an id, so a retry of an event stored before the restart is still recognised.
 */
function loadEventIds(db: Database, store: EventStore, ids: EventIdIndex, opts: ServicesOptions): void {
  const t0 = performance.now()
  ids.loadInBackground(
    async () => {
      // From the engine that holds the events (ClickHouse's store when configured).
      const n = await loadRecentEventKeys(db, ids, opts.clock(), { store })
      opts.logger.debug('recent event ids loaded', { ids: n, ms: Math.round(performance.now() - t0) })
    },
    (err) =>
      opts.logger.error(
        'recent event ids could not be loaded: retries of earlier events are not recognised',
        {
          error: err.message,
        },
      ),
  )
}

/**
 * Load the log's unapplied records into DuckDB before anything else writes, in large slices straight to
 * the store (`events/replay.ts`; the records are already the CSV the writer loads). Their event ids are then
 * in the database, where the background load of recent event ids (`loadEventIds`) finds them.
 */
async function replayLog(
  replay: Pending,
  events: EventStore,
  wal: WriteAheadLog | undefined,
  logger: Logger,
): Promise<number> {
  if (replay.length === 0) return 0
  const t0 = performance.now()
  const rows = await replayRecords(replay, events, wal)
  const seconds = (performance.now() - t0) / 1000
  logger.info('write-ahead log replayed', {
    records: replay.length,
    events: rows,
    eventsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
  })
  return rows
}
