// Configuration: the only reader of the environment. Everything else receives `Config`.
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'

/** Fully validated server configuration. */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** Path of the DuckDB file, or ':memory:' for tests. */
  dbPath: string
  adminToken: string | undefined
  flushIntervalMs: number
  /** Nice value of every thread but the one serving HTTP (src/priority.ts); 0: leave priorities alone. */
  workerNice: number
  flushMaxRows: number
  maxBufferRows: number
  /** Most bytes of events (as CSV) held in memory before ingest answers 503. */
  maxBufferBytes: number
  rateLimitPerMinute: number
  ipRateLimitPerMinute: number
  /** Reverse proxies in front of PULSE whose `X-Forwarded-For` entries are trusted (0: use the peer address). */
  trustedProxies: number
  maxEventAgeDays: number
  maxBodyBytes: number
  maxBatchEvents: number
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  durability: 'fsync' | 'none'
  /** Longest a SIGTERM drain may take before the server exits (what is logged stays for the next start). */
  shutdownTimeoutMs: number
  /** Time limit of one analytics query, in ms; past it the query is interrupted (503). */
  queryTimeoutMs: number
  /** Analytics queries (and exports) running at once, overall. */
  readConcurrency: number
  /** Analytics queries (and exports) running at once for one key. */
  readConcurrencyPerKey: number
  /** Analytics queries of one key that may wait for a slot before more are refused (429). */
  readQueuePerKey: number
  /**
   * Worker threads Bun runs DuckDB queries and file writes on: `UV_THREADPOOL_SIZE`, which Bun reads at
   * start-up, else one per core. Only reported here: PULSE warns when it is too small for the read limits.
   */
  threadPoolSize: number
  /** MMDB file for country (and region, city) from the client IP; undefined: the shipped CC0 country file. */
  geoIpDb: string | undefined
  /** Events one cookieless visitor may send per minute before the rest count as a bot (`burst`); 0: off. */
  botBurstPerMinute: number
  /** Outgoing mail (digests, alerts) over SMTP; undefined when `PULSE_SMTP_HOST` is unset (email off). */
  smtp: SmtpConfig | undefined
  /** The server's address as recipients reach it (unsubscribe links in digests). */
  publicUrl: string
  /** How often the reports scheduler looks for due digests, alert checks and deliveries to retry. */
  reportsTickMs: number
  /** Attempts of one delivery before it is marked failed (backoff between them). */
  deliveryMaxAttempts: number
  /**
   * Where events live when not in the embedded DuckDB file (`PULSE_CLICKHOUSE_URL`, user, password,
   * database); undefined: DuckDB. `chdb:<dir>` runs ClickHouse in process (after `npm run setup:chdb`).
   */
  clickhouse: { url: string; user?: string; password?: string; database: string } | undefined
  /** This node's identity in ClickHouse deduplication tokens (`PULSE_NODE_ID`; default: kept in the data directory). */
  nodeId: string | undefined
}

/** SMTP settings of outgoing mail. The password is never logged. */
export interface SmtpConfig {
  host: string
  port: number
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade, required; `none`: plain text. */
  security: 'tls' | 'starttls' | 'none'
  user: string | undefined
  password: string | undefined
  from: string
}

/** A bad configuration value; the message names the variable. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return def
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`)
  const n = Number(raw.trim())
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

function oneOf<T extends string>(env: Env, name: string, def: T, allowed: readonly T[]): T {
  const raw = env[name]
  if (raw === undefined || raw === '') return def
  if (!allowed.includes(raw as T))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`)
  return raw as T
}

/** Read and validate configuration from an environment map (pass `process.env`, or a test's own). */
export function loadConfig(env: Env): Config {
  const dataDir = resolve(env.PULSE_DATA_DIR?.trim() || './data')
  const host = env.HOST?.trim() || '0.0.0.0'
  const adminToken = env.PULSE_ADMIN_TOKEN?.trim() || undefined
  if (adminToken !== undefined && adminToken.length < 16)
    throw new ConfigError('PULSE_ADMIN_TOKEN must be at least 16 characters long')
  const flushMaxRows = int(env, 'PULSE_FLUSH_MAX_ROWS', 50_000, 1, 10_000_000)
  const maxBufferRows = int(env, 'PULSE_MAX_BUFFER_ROWS', 1_000_000, 1, 100_000_000)
  if (maxBufferRows < flushMaxRows)
    throw new ConfigError(
      `PULSE_MAX_BUFFER_ROWS (${maxBufferRows}) must be at least PULSE_FLUSH_MAX_ROWS (${flushMaxRows})`,
    )
  const readConcurrency = int(env, 'PULSE_READ_CONCURRENCY', 3, 1, 256)
  const readConcurrencyPerKey = int(env, 'PULSE_READ_CONCURRENCY_PER_KEY', 2, 1, 256)
  if (readConcurrencyPerKey > readConcurrency)
    throw new ConfigError(
      `PULSE_READ_CONCURRENCY_PER_KEY (${readConcurrencyPerKey}) must be at most PULSE_READ_CONCURRENCY (${readConcurrency})`,
    )
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir,
    dbPath: env.PULSE_DB_PATH?.trim() || resolve(dataDir, 'pulse.duckdb'),
    adminToken,
    flushIntervalMs: int(env, 'PULSE_FLUSH_INTERVAL_MS', 1000, 10, 3_600_000),
    workerNice: int(env, 'PULSE_WORKER_NICE', 10, 0, 19),
    flushMaxRows,
    maxBufferRows,
    maxBufferBytes: int(env, 'PULSE_MAX_BUFFER_MB', 32, 1, 4096) * 1_048_576,
    rateLimitPerMinute: int(env, 'PULSE_RATE_LIMIT_PER_MINUTE', 6000, 0, 100_000_000),
    ipRateLimitPerMinute: int(env, 'PULSE_IP_RATE_LIMIT_PER_MINUTE', 600, 0, 100_000_000),
    trustedProxies: int(env, 'PULSE_TRUSTED_PROXIES', 0, 0, 10),
    maxEventAgeDays: int(env, 'PULSE_MAX_EVENT_AGE_DAYS', 30, 1, 36_500),
    maxBodyBytes: int(env, 'PULSE_MAX_BODY_BYTES', 1_048_576, 1024, 256 * 1_048_576),
    maxBatchEvents: int(env, 'PULSE_MAX_BATCH_EVENTS', 1000, 1, 100_000),
    logLevel: oneOf(env, 'PULSE_LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error', 'silent'] as const),
    durability: oneOf(env, 'PULSE_DURABILITY', 'fsync', ['fsync', 'none'] as const),
    shutdownTimeoutMs: int(env, 'PULSE_SHUTDOWN_TIMEOUT_MS', 30_000, 100, 600_000),
    queryTimeoutMs: int(env, 'PULSE_QUERY_TIMEOUT_MS', 10_000, 1, 3_600_000),
    readConcurrency,
    readConcurrencyPerKey,
    readQueuePerKey: int(env, 'PULSE_READ_QUEUE_PER_KEY', 32, 0, 10_000),
    threadPoolSize: int(env, 'UV_THREADPOOL_SIZE', availableParallelism(), 1, 1024),
    geoIpDb: env.PULSE_GEOIP_DB?.trim() ? resolve(env.PULSE_GEOIP_DB.trim()) : undefined,
    botBurstPerMinute: int(env, 'PULSE_BOT_BURST_PER_MINUTE', 600, 0, 1_000_000),
    smtp: loadSmtp(env),
    publicUrl: publicUrl(env, host),
    reportsTickMs: int(env, 'PULSE_REPORTS_TICK_MS', 30_000, 10, 3_600_000),
    deliveryMaxAttempts: int(env, 'PULSE_DELIVERY_MAX_ATTEMPTS', 6, 1, 50),
    clickhouse: clickhouseTarget(env),
    nodeId: nodeId(env),
  }
}

function loadSmtp(env: Env): SmtpConfig | undefined {
  const host = env.PULSE_SMTP_HOST?.trim()
  if (!host) return undefined
  const security = oneOf(env, 'PULSE_SMTP_SECURITY', 'starttls', ['tls', 'starttls', 'none'] as const)
  const user = env.PULSE_SMTP_USER?.trim() || undefined
  const password = env.PULSE_SMTP_PASSWORD || undefined
  if ((user === undefined) !== (password === undefined))
    throw new ConfigError('PULSE_SMTP_USER and PULSE_SMTP_PASSWORD must be set together')
  const from = env.PULSE_SMTP_FROM?.trim()
  if (!from || !/@/.test(from))
    throw new ConfigError('PULSE_SMTP_FROM must be set to a sender address when PULSE_SMTP_HOST is set')
  return {
    host,
    port: int(env, 'PULSE_SMTP_PORT', security === 'tls' ? 465 : 587, 1, 65535),
    security,
    user,
    password,
    from,
  }
}

function publicUrl(env: Env, host: string): string {
  const raw = env.PULSE_PUBLIC_URL?.trim()
  if (!raw) {
    const port = env.PORT?.trim() || '3000'
    return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`
  }
  if (!/^https?:\/\/[^\s/]+/.test(raw))
    throw new ConfigError(`PULSE_PUBLIC_URL must be an http(s) URL, got "${raw}"`)
  return raw.replace(/\/+$/, '')
}

/** `PULSE_CLICKHOUSE_*`, validated; undefined without a URL. */
function clickhouseTarget(env: Env): Config['clickhouse'] {
  const url = env.PULSE_CLICKHOUSE_URL?.trim()
  if (!url) return undefined
  if (!/^(https?:\/\/\S+|chdb:\S+)$/.test(url))
    throw new ConfigError(`PULSE_CLICKHOUSE_URL must be an http(s):// URL or chdb:<directory>, got "${url}"`)
  const database = env.PULSE_CLICKHOUSE_DATABASE?.trim() || 'pulse'
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(database))
    throw new ConfigError(`PULSE_CLICKHOUSE_DATABASE must be a plain identifier, got "${database}"`)
  return {
    url,
    user: env.PULSE_CLICKHOUSE_USER?.trim() || undefined,
    password: env.PULSE_CLICKHOUSE_PASSWORD || undefined,
    database,
  }
}

/** `PULSE_NODE_ID`, validated. */
function nodeId(env: Env): string | undefined {
  const id = env.PULSE_NODE_ID?.trim()
  if (!id) return undefined
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id))
    throw new ConfigError(`PULSE_NODE_ID must be 1-64 letters, digits, '.', '_' or '-', got "${id}"`)
  return id
}
