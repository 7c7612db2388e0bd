// Opening ClickHouse: over HTTP with `@clickhouse/client` (a server or a cluster's load balancer), or, for
// development and the test lane, `chdb:<directory>`: the same client on chDB's in-process engine
// (`chdb/connection`), installed apart by `npm run setup:chdb` into `.chdb/` and never bundled into the
// binary. Either way the database is created if missing and every query runs in it.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import {
  type ClickHouseClient,
  ClickHouseLogLevel,
  type ClickHouseSettings,
  createClient,
} from '@clickhouse/client'
import { ConfigError } from '../../config'

/** Where ClickHouse is (from `PULSE_CLICKHOUSE_*`). */
export interface ClickHouseTarget {
  /** `http(s)://host:port`, or `chdb:<directory>` (`chdb::memory:` for a throw-away engine). */
  url: string
  user?: string
  password?: string
  /** The database PULSE's tables live in (created if missing). */
  database: string
}

/** Settings of every query: exact NULL semantics of joins as in DuckDB, 64-bit integers as JSON numbers. */
export const QUERY_SETTINGS: ClickHouseSettings = {
  join_use_nulls: 1,
  output_format_json_quote_64bit_integers: 0,
}

/** A database name PULSE accepts (it is spliced into DDL, so it must be a plain identifier). */
export const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/** Folders `.chdb/` may be in: the working directory's, and the source tree's. */
function chdbFolders(): string[] {
  return [resolve('.chdb'), resolve(import.meta.dir, '../../../.chdb')]
}

/** `chdb/connection`, from the folder `npm run setup:chdb` installs it in; a clear error when absent. */
export function loadChdbConnection(): { createChdbConnection(opts: { path?: string }): unknown } {
  for (const dir of chdbFolders()) {
    if (!existsSync(join(dir, 'node_modules', 'chdb', 'package.json'))) continue
    return createRequire(join(dir, 'package.json'))('chdb/connection')
  }
  throw new ConfigError(
    `PULSE_CLICKHOUSE_URL=chdb:… runs ClickHouse in process with chDB, which is not installed: run \`npm run setup:chdb\` first (looked in ${chdbFolders().join(', ')})`,
  )
}

/** Whether chDB is installed (the ClickHouse test lane runs only then). */
export function chdbInstalled(): boolean {
  return chdbFolders().some((dir) => existsSync(join(dir, 'node_modules', 'chdb', 'package.json')))
}

/** A client whose every query runs in `target.database` (created if missing). */
export async function openClickHouse(target: ClickHouseTarget): Promise<ClickHouseClient> {
  if (!DATABASE_NAME.test(target.database))
    throw new ConfigError(`PULSE_CLICKHOUSE_DATABASE must be a plain identifier, got "${target.database}"`)
  if (target.url.startsWith('chdb:')) {
    const dir = target.url.slice('chdb:'.length)
    const { createChdbConnection } = loadChdbConnection()
    const connection = createChdbConnection({ path: dir === ':memory:' ? ':memory:' : resolve(dir) })
    const client = createClient({ connection, clickhouse_settings: QUERY_SETTINGS } as never)
    // A chDB connection is one session: `USE` holds for every later query on it.
    await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${target.database}` })
    await client.command({ query: `USE ${target.database}` })
    return client
  }
  // The client's own console logging is off: PULSE logs each failure once, with its cause (buffer, store).
  const auth = {
    url: target.url,
    username: target.user,
    password: target.password,
    log: { level: ClickHouseLogLevel.OFF },
  }
  const boot = createClient(auth)
  try {
    await boot.command({ query: `CREATE DATABASE IF NOT EXISTS ${target.database}` })
  } catch (err) {
    throw unreachable(target.url, err)
  } finally {
    await boot.close()
  }
  return createClient({ ...auth, database: target.database, clickhouse_settings: QUERY_SETTINGS })
}

/** The URL without any user:password part, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//')
}

/** The start-up error of a ClickHouse that cannot be reached: where, and the network's reason. */
function unreachable(url: string, err: unknown): Error {
  const e = err as Error & { code?: string }
  if (e.code === undefined || !/^E[A-Z]+$/.test(e.code)) return e
  return new Error(
    `ClickHouse at ${safeUrl(url)} (PULSE_CLICKHOUSE_URL) cannot be reached (${e.message}): is it running, and is the address right?`,
  )
}
