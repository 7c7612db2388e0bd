// The checks that stand between admin-typed SQL and DuckDB: parse it with DuckDB's own parser, insist on
// exactly one statement, prepare it (binding resolves every table and function, runs nothing) and refuse
// anything whose statement type is not SELECT — all before a single row is read.
import { type DuckDBConnection, type DuckDBPreparedStatement, StatementType } from '@duckdb/node-api'
import { AppError } from '../http/errors'

/** Longest query text accepted, in characters. */
export const MAX_SQL_LENGTH = 20_000

function refuse(message: string): AppError {
  return new AppError(422, message, [{ path: '$.query', message }])
}

/** First line of a DuckDB error, without the echo of the query. */
function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split('\n')[0]
    .slice(0, 300)
}

/**
 * Prepare `sql` as one read query on `conn`, or throw 422: empty, too long, several statements, a parse
 * or bind error (which includes every file or network access: the instance is locked down), or any
 * statement type other than SELECT (PRAGMA and SUMMARIZE that DuckDB rewrites into a SELECT pass).
 */
export async function prepareReadQuery(
  conn: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement> {
  if (sql.trim() === '') throw refuse('query is empty')
  if (sql.length > MAX_SQL_LENGTH) throw refuse(`query is longer than ${MAX_SQL_LENGTH} characters`)
  if (sql.includes('\u0000')) throw refuse('query must not contain NUL characters')
  let extracted: Awaited<ReturnType<DuckDBConnection['extractStatements']>>
  try {
    extracted = await conn.extractStatements(sql)
  } catch (err) {
    throw refuse(`query does not parse: ${firstLine(err).replace(/^Failed to extract statements: /, '')}`)
  }
  if (extracted.count !== 1) throw refuse(`exactly one statement is allowed; found ${extracted.count}`)
  let prepared: DuckDBPreparedStatement
  try {
    prepared = await extracted.prepare(0)
  } catch (err) {
    throw refuse(`query is not valid: ${firstLine(err)}`)
  }
  if (prepared.statementType !== StatementType.SELECT) {
    const kind = StatementType[prepared.statementType] ?? String(prepared.statementType)
    prepared.destroySync()
    throw refuse(`only a read query (SELECT) is allowed; this is ${kind}`)
  }
  if (prepared.parameterCount > 0) {
    prepared.destroySync()
    throw refuse('query parameters ($1, ?) are not supported: write the values in the query')
  }
  return prepared
}
