// Build the running parts from config: open DuckDB, migrate, load keys, create the buffer and limiters.

import type { AppDeps } from './app'
import type { Clock } from './clock'
import type { Config } from './config'
import { migrate } from './db/migrate'
import { openDatabase } from './db/open'
import { RateLimiter } from './http/rate-limit'
import { EventBuffer } from './ingest/buffer'
import { appendEvents } from './ingest/writer'
import type { Logger } from './logger'
import { SiteStore } from './sites/store'

/** Options of `createServices`. */
export interface ServicesOptions {
  clock: Clock
  logger: Logger
  /** Flush on a timer (off in tests that flush by hand). */
  autoFlush?: boolean
}

/** Open the database and build every dependency of `createApp`; `close()` flushes and closes. */
export async function createServices(
  config: Config,
  opts: ServicesOptions,
): Promise<AppDeps & { close(): Promise<void> }> {
  const db = await openDatabase(config.dbPath)
  await migrate(db.writer)
  const store = new SiteStore(db)
  await store.reload()
  const buffer = new EventBuffer((cols, n) => appendEvents(db, cols, n), {
    flushMaxRows: config.flushMaxRows,
    maxBufferRows: config.maxBufferRows,
    flushIntervalMs: config.flushIntervalMs,
    clock: opts.clock,
    logger: opts.logger,
    autoFlush: opts.autoFlush,
  })
  return {
    config,
    clock: opts.clock,
    logger: opts.logger,
    db,
    store,
    buffer,
    keyLimiter: new RateLimiter(config.rateLimitPerMinute, opts.clock),
    ipLimiter: new RateLimiter(config.ipRateLimitPerMinute, opts.clock),
    startedAt: opts.clock(),
    async close() {
      await buffer.close()
      await db.writer.run('CHECKPOINT').catch(() => undefined)
      db.close()
    },
  }
}
