// The ClickHouse event store (`PULSE_CLICKHOUSE_URL`): events and their keys in a MergeTree table
// (schema.ts), site metadata still in DuckDB. ClickHouse has no transaction spanning statements, so:
// - append = ONE insert of the flush's CSV, one block, so one atomic part. Its `insert_deduplication_token`
//   is `pulse/<node>/<log position>`; the rows store that position (`log_seq`, a DEFAULT reading the token),
//   so "rows stored" and "position stored" are one fact: after a crash, a timeout or a lost answer the
//   store reads the position back from the rows and skips what is stored, however the log is re-sliced;
//   a retry of the same slice is also dropped by ClickHouse's own deduplication.
// - metadata work (`within`: an import's counts, a site's rows) runs in a DuckDB transaction around the
//   ClickHouse statement: it commits only if the statement succeeded.
// - deletes are synchronous lightweight DELETEs; before one, every node's position is written to
//   `log_positions`, so deleting rows never moves a position back (which would replay deleted events).
// Reads run the builders' SQL (clickhouseDialect) with typed named parameters, exact counts, and NULLs
// in outer joins (`join_use_nulls`). Derived per-session data is not kept yet: the planner reads `events`.

import { randomUUID } from 'node:crypto'
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client'
import type { Database } from '../../db/open'
import { UnavailableError } from '../../errors'
import type { Logger } from '../../logger'
import type { ReadLease } from '../read-gate'
import type { AppendOptions, EventMatch, EventReader, EventStore, ReaderLease } from '../store'
import type { CsvBatch } from '../writer'
import { type ConsoleResult, runConsoleQuery } from './console'
import { clickhouseDialect } from './dialect'
import { GoalMirror } from './goals'
import { INSERT_COLUMNS } from './schema'
import { Slots } from './slots'

/** Options of the ClickHouse store. */
export interface ClickHouseStoreOptions {
  /** This node's identity in deduplication tokens and positions (stable across restarts; no `/`). */
  node: string
  /** Time limit of one read, in ms. */
  queryTimeoutMs: number
  /** Reads running at once. */
  readConcurrency: number
  logger: Logger
}

/** Settings of a flush's insert: one block (so one part, atomic), parsed as src/events/csv.ts writes. */
export const INSERT_SETTINGS: ClickHouseSettings = {
  input_format_parallel_parsing: 0,
  max_insert_block_size: '100000000',
  min_insert_block_size_rows: '0',
  min_insert_block_size_bytes: '0',
  input_format_csv_empty_as_default: 1,
  format_csv_allow_single_quotes: 0,
  insert_deduplicate: 1,
}

/** SQL of the rows a match names, with its bound values. */
function matchSql(match: EventMatch): { where: string; params: Record<string, string> } {
  if ('importId' in match) return { where: 'import_id = {p1:String}', params: { p1: match.importId } }
  if (match.userId !== undefined)
    return {
      where: 'site_id = {p1:String} AND user_id = {p2:String}',
      params: { p1: match.siteId, p2: match.userId },
    }
  if (match.before !== undefined)
    return {
      where: 'site_id = {p1:String} AND ts < {p2:Int64}',
      params: { p1: match.siteId, p2: String(Math.floor(match.before)) },
    }
  return { where: 'site_id = {p1:String}', params: { p1: match.siteId } }
}

/** `Params.values` (a DuckDB value list) as ClickHouse's named parameters `p1`, `p2`, … */
export function namedParams(values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  values.forEach((v, i) => {
    out[`p${i + 1}`] = typeof v === 'bigint' ? v.toString() : v
  })
  return out
}

/** Events in ClickHouse. */
export class ClickHouseEventStore implements EventStore {
  readonly engine = 'clickhouse'
  readonly dialect = clickhouseDialect
  /** The stored log position as last read or written here; undefined after a failure (read it again). */
  private applied: number | undefined
  /** Why ClickHouse last failed, until a check succeeds again. */
  private failure: string | undefined
  private readonly slots: Slots
  private readonly goals: GoalMirror

  constructor(
    private readonly client: ClickHouseClient,
    private readonly meta: Database,
    private readonly opts: ClickHouseStoreOptions,
  ) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(opts.node)) throw new Error(`invalid node identity "${opts.node}"`)
    this.slots = new Slots(opts.readConcurrency)
    this.goals = new GoalMirror(client, meta)
  }

  async ensureAvailable(): Promise<void> {
    if (this.failure === undefined) return
    const ping = await this.client.ping()
    if (!ping.success) {
      throw new UnavailableError(`ClickHouse is unavailable (${this.failure}); retry shortly`, 5)
    }
    this.opts.logger.info('ClickHouse is reachable again', { was: this.failure })
    this.failure = undefined
  }

  async appliedPosition(): Promise<number> {
    const rows = await this.query<{ p: number }>(
      'SELECT greatest((SELECT max(position) FROM log_positions WHERE node = {n:String}), (SELECT max(log_seq) FROM events WHERE log_node = {n:String})) AS p',
      { n: this.opts.node },
    )
    this.applied = Number(rows[0]?.p ?? 0)
    return this.applied
  }

  async append(batch: CsvBatch, opts: AppendOptions = {}): Promise<void> {
    const upTo = opts.upTo ?? 0
    await this.ensureAvailable()
    if (upTo > 0 && upTo <= (this.applied ?? (await this.guard(() => this.appliedPosition())))) return
    // Imports carry no log position: a token of their own, so the DEFAULT reads position 0.
    const token = `pulse/${this.opts.node}/${upTo > 0 ? upTo : `import-${randomUUID()}`}`
    const insert = () => this.insertCsv(batch, token)
    try {
      if (opts.within) {
        const within = opts.within
        await this.inMetadataUnit(async () => {
          await within()
          await insert()
        })
      } else await insert()
      if (upTo > 0) this.applied = upTo
    } catch (err) {
      this.applied = undefined
      throw err
    }
  }

  async deleteEvents(match: EventMatch, within?: () => Promise<void>): Promise<number> {
    await this.ensureAvailable()
    const { where, params } = matchSql(match)
    const n = Number(
      (await this.query<{ n: number }>(`SELECT count() AS n FROM events WHERE ${where}`, params))[0]?.n ?? 0,
    )
    await this.inMetadataUnit(async () => {
      if (within) await within()
      if (n === 0) return
      await this.guard(async () => {
        await this.client.command({
          query:
            'INSERT INTO log_positions (node, position) SELECT log_node, max(log_seq) FROM events GROUP BY log_node',
        })
        await this.client.command({
          query: `DELETE FROM events WHERE ${where}`,
          query_params: params,
          clickhouse_settings: { lightweight_deletes_sync: '2', mutations_sync: '2' },
        })
      })
    })
    return n
  }

  async read<T>(_keyId: string, read: (reader: EventReader) => Promise<T>): Promise<T> {
    await this.ensureAvailable()
    await this.guard(() => this.goals.sync())
    return this.slots.run(() => read(this.reader))
  }

  /** Bound-parameter reads in clickhouseDialect, answered as JSON rows. */
  private readonly reader: EventReader = {
    rows: <R>(sql: string, params: readonly unknown[] = []) => this.query<R>(sql, namedParams(params)),
  }

  lease(_keyId: string): Promise<ReadLease> {
    return Promise.reject(
      new UnavailableError('ClickHouse exports hold a reader (holdReader), not a lease', 5),
    )
  }

  /** A read slot for a streamed export, held until released; each of its reads has the time limit. */
  async holdReader(_keyId: string): Promise<ReaderLease> {
    await this.ensureAvailable()
    await this.guard(() => this.goals.sync())
    const release = await this.slots.acquire()
    return { reader: this.reader, dialect: this.dialect, release }
  }

  /** The admin SQL console on ClickHouse (console.ts): a checked read query in a read slot. */
  async console(sql: string, maxRows: number): Promise<ConsoleResult> {
    await this.ensureAvailable()
    return this.slots.run(() =>
      this.guard(() => runConsoleQuery(this.client, sql, maxRows, this.opts.queryTimeoutMs)),
    )
  }

  /** The rows of `sql` (JSON numbers for 64-bit integers), within the time limit. */
  private query<T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.guard(async () => {
      const rs = await this.client.query({
        query: sql,
        query_params: params,
        format: 'JSONEachRow',
        clickhouse_settings: { max_execution_time: Math.max(1, Math.ceil(this.opts.queryTimeoutMs / 1000)) },
      })
      return rs.json<T>()
    })
  }

  /** Insert a flush's CSV as one block under `token`. */
  private insertCsv(batch: CsvBatch, token: string): Promise<void> {
    if (batch.rows === 0) return Promise.resolve()
    return this.guard(async () => {
      await this.client.exec({
        query: `INSERT INTO events (${INSERT_COLUMNS.join(', ')}) FORMAT CSV`,
        values: Buffer.concat(batch.chunks).toString('utf8') as never,
        clickhouse_settings: { ...INSERT_SETTINGS, insert_deduplication_token: token },
      })
    })
  }

  /** Run `work` (metadata statements, then the ClickHouse statement) in one DuckDB transaction. */
  private inMetadataUnit(work: () => Promise<void>): Promise<void> {
    const db = this.meta
    return db.writeLock.run(async () => {
      await db.writer.run('BEGIN TRANSACTION')
      try {
        await work()
        await db.writer.run('COMMIT')
      } catch (err) {
        await db.writer.run('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  /** Run `work`; a failure to reach ClickHouse is remembered (reads answer 503 naming it until it heals). */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (err) {
      const e = err as Error & { code?: string; type?: string }
      if (!e.type && e.code !== undefined && /^E[A-Z]+$/.test(e.code))
        this.failure = `${e.code}: ${e.message}`
      throw err
    }
  }

  /** Close the client. */
  close(): Promise<void> {
    return this.client.close()
  }
}
