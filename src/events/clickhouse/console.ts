// The admin SQL console on ClickHouse: one read query checked by ClickHouse's own parser before it runs.
// Session settings cannot be the guard: chDB's connection applies a query's settings to its one session
// (a `readonly = 1` there made every later insert of the store fail), so the console changes no setting.
// Instead, before anything is read:
//   1. `formatQuerySingleLine` (the text bound as a parameter) parses it: a parse error, or more than one
//      statement, is refused;
//   2. `EXPLAIN AST` of that one statement must be a bare SELECT (`SelectWithUnionQuery` with no FORMAT,
//      SETTINGS or INTO OUTFILE: its only child is the list of selects);
//   3. every table function must be one that computes rows (numbers, zeros, values, generate_series), and
//      no function that reaches files, URLs or other servers (file, url, s3, remote, mysql, …) may appear
//      anywhere;
// then it runs wrapped as `SELECT * FROM (…) LIMIT max_rows + 1`, under the store's time limit
// (`max_execution_time`, the same value as every read, so nothing else of the session changes).
import type { ClickHouseClient } from '@clickhouse/client'
import { UnavailableError, ValidationError } from '../../errors'

/** Longest query text accepted, in characters (as on DuckDB). */
export const MAX_CONSOLE_SQL_LENGTH = 20_000

/** The answer of a console query (the same shape as DuckDB's). */
export interface ConsoleResult {
  columns: { name: string; type: string }[]
  rows: unknown[][]
  truncated: boolean
}

/** Table functions that compute rows and reach nothing. */
const TABLE_FUNCTIONS = new Set([
  'numbers',
  'numbers_mt',
  'zeros',
  'zeros_mt',
  'values',
  'generate_series',
  'generateseries',
  'null',
])

/** Functions that reach files, URLs, other servers or programs: refused anywhere in the query. */
const REACHING = new Set([
  'file',
  'filecluster',
  'url',
  'urlcluster',
  's3',
  's3cluster',
  'gcs',
  'oss',
  'cosn',
  'hdfs',
  'hdfscluster',
  'azureblobstorage',
  'azureblobstoragecluster',
  'remote',
  'remotesecure',
  'cluster',
  'clusterallreplicas',
  'mysql',
  'postgresql',
  'mongodb',
  'redis',
  'sqlite',
  'jdbc',
  'odbc',
  'executable',
  'executablepool',
  'input',
  'iceberg',
  'icebergs3',
  'icebergazure',
  'icebergs3cluster',
  'deltalake',
  'hudi',
  'dictionary',
  'dictget',
  'dictgetordefault',
  'merge',
  'loop',
  'fuzzjson',
  'fuzzquery',
  'urlcluster',
])

function refuse(message: string): ValidationError {
  return new ValidationError(message, [{ path: '$.query', message }])
}

/** First line of a ClickHouse error, without its stack or the echo of the query. */
function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split('\n')[0]
    .replace(/: In scope SELECT formatQuerySingleLine\(.*$/s, '')
    .slice(0, 300)
}

/** The single statement `sql`, as ClickHouse formats it, or a 422 naming why not. */
export async function checkConsoleQuery(client: ClickHouseClient, sql: string): Promise<string> {
  if (sql.trim() === '') throw refuse('query is empty')
  if (sql.length > MAX_CONSOLE_SQL_LENGTH)
    throw refuse(`query is longer than ${MAX_CONSOLE_SQL_LENGTH} characters`)
  if (sql.includes('\u0000')) throw refuse('query must not contain NUL characters')
  let formatted: string
  try {
    const rs = await client.query({
      query: 'SELECT formatQuerySingleLine({q:String}) AS f',
      query_params: { q: sql },
      format: 'JSONEachRow',
    })
    formatted = ((await rs.json()) as { f: string }[])[0].f
  } catch (err) {
    throw refuse(`query does not parse: ${firstLine(err)}`)
  }
  // One statement now (formatQuery refuses several). EXPLAIN runs as a subquery, so the client's own
  // FORMAT clause goes to the outer SELECT; ClickHouse refuses a subquery EXPLAIN of anything but a
  // SELECT, or of one with output options (FORMAT, INTO OUTFILE).
  let lines: string[]
  try {
    const rs = await client.query({
      query: `SELECT explain FROM (EXPLAIN AST ${formatted})`,
      format: 'JSONEachRow',
    })
    lines = ((await rs.json()) as { explain: string }[]).map((r) => r.explain)
  } catch (err) {
    const message = firstLine(err)
    if (/supports only SELECT/i.test(message)) throw refuse('only a read query (SELECT) is allowed')
    if (/output options/i.test(message))
      throw refuse('FORMAT and INTO OUTFILE are not allowed: the console chooses how to answer')
    throw refuse(`query is not valid: ${message}`)
  }
  if (!/^SelectWithUnionQuery\b/.test(lines[0]?.trim() ?? ''))
    throw refuse('only a read query (SELECT) is allowed')
  for (let i = 0; i < lines.length; i++) {
    const fn = /^(\s*)Function (\S+)/.exec(lines[i])
    if (!fn) continue
    const name = fn[2].toLowerCase()
    if (REACHING.has(name)) throw refuse(`function ${fn[2]} reaches outside the database and is not allowed`)
    const parent = lines[i - 1] ?? ''
    if (/^\s*TableExpression\b/.test(parent) && !TABLE_FUNCTIONS.has(name))
      throw refuse(`table function ${fn[2]} is not allowed (only numbers, zeros, values, generate_series)`)
  }
  if (lines.some((l) => /^\s*Set\b/.test(l))) throw refuse('SETTINGS are not allowed')
  return formatted
}

/** Run the checked query, reading at most `maxRows` rows, within `timeoutMs`. */
export async function runConsoleQuery(
  client: ClickHouseClient,
  sql: string,
  maxRows: number,
  timeoutMs: number,
): Promise<ConsoleResult> {
  const formatted = await checkConsoleQuery(client, sql)
  let answer: { meta: { name: string; type: string }[]; data: unknown[][] }
  try {
    const rs = await client.query({
      query: `SELECT * FROM (${formatted}) LIMIT ${maxRows + 1}`,
      format: 'JSONCompact',
      clickhouse_settings: { max_execution_time: Math.max(1, Math.ceil(timeoutMs / 1000)) },
    })
    answer = (await rs.json()) as typeof answer
  } catch (err) {
    const e = err as Error & { code?: string; type?: string }
    // A connection failure is the store's (503); the time limit is a 503 as on DuckDB; anything else
    // the query did is the query's (422).
    if (e.code !== undefined && /^E[A-Z]+$/.test(e.code)) throw err
    if (e.type === 'TIMEOUT_EXCEEDED' || /TIMEOUT_EXCEEDED|Timeout exceeded/.test(e.message))
      throw new UnavailableError(
        `query ran longer than the time limit (${timeoutMs} ms, PULSE_QUERY_TIMEOUT_MS)`,
        1,
      )
    throw refuse(`query failed: ${firstLine(err)}`)
  }
  return {
    columns: answer.meta.map((m) => ({ name: m.name, type: m.type })),
    rows: answer.data.slice(0, maxRows),
    truncated: answer.data.length > maxRows,
  }
}
