// POST /api/v1/sql: one read-only query over the whole database, for the admin only (see docs/devtools.md, "SQL
// console": a site's secret key cannot be confined to its own rows in a way that provably holds).
import { Elysia, t } from 'elysia'
import { errors } from '../http/envelope'
import { enforce } from '../http/rate-limit'
import { flushBeforeRead, type StatsDeps } from '../stats/read'
import { MAX_SQL_LENGTH } from './guard'
import { runReadOnlySql, toCsv } from './run'

/** Rows returned at most, whatever `max_rows` asks for. */
export const SQL_MAX_ROWS = 10_000

const SqlQuery = t.Object(
  {
    query: t.String({
      minLength: 1,
      maxLength: MAX_SQL_LENGTH,
      description:
        'One read query (SELECT, WITH … SELECT, FROM …, DESCRIBE, SUMMARIZE, PRAGMA show_tables …)',
      examples: ["SELECT event_type, count(*) AS n FROM events WHERE site_id = 'site_abc123' GROUP BY 1"],
    }),
    format: t.Optional(
      t.Union([t.Literal('json'), t.Literal('csv')], {
        description: 'Answer as JSON (default) or CSV',
        default: 'json',
      }),
    ),
    max_rows: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: SQL_MAX_ROWS,
        description: `Row cap (default and most: ${SQL_MAX_ROWS})`,
      }),
    ),
  },
  { additionalProperties: false },
)

const SqlResultBody = t.Object({
  success: t.Literal(true),
  data: t.Object({
    columns: t.Array(t.Object({ name: t.String(), type: t.String({ examples: ['BIGINT'] }) })),
    rows: t.Array(t.Array(t.Unknown()), { description: 'Rows as arrays, in column order' }),
    truncated: t.Boolean({ description: 'More rows than `max_rows` existed; the rest were not read' }),
  }),
})

/** The SQL console route. */
export function sqlRoutes(deps: StatsDeps) {
  return new Elysia({ name: 'sql', prefix: '/api/v1' }).model({ SqlQuery, SqlResult: SqlResultBody }).post(
    '/sql',
    async ({ body }) => {
      enforce(deps.keyLimiter.take('admin'))
      await flushBeforeRead(deps)
      const maxRows = body.max_rows ?? SQL_MAX_ROWS
      // Events in ClickHouse: the query runs there, checked by ClickHouse's parser (docs/clickhouse.md).
      const store = deps.events.store
      const result = store.console
        ? await store.console(body.query, maxRows)
        : await deps.reads.run('admin', (conn) => runReadOnlySql(conn, body.query, maxRows))
      if (body.format === 'csv')
        return new Response(toCsv(result), {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'cache-control': 'no-store',
            'x-pulse-truncated': String(result.truncated),
          },
        }) as never
      return { success: true as const, data: result }
    },
    {
      body: 'SqlQuery',
      detail: {
        summary: 'Run a read-only SQL query (admin)',
        description: `Runs one read query on the database (tables \`events\`, \`sites\`, …) and returns at most \`max_rows\` rows (${SQL_MAX_ROWS} at most), as JSON or CSV. Admin token only. The query is parsed and prepared by DuckDB first: more than one statement, or any statement that is not a SELECT (INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, COPY, SET, CALL, EXPLAIN ANALYZE …), is refused with 422 before it runs; it then runs in a READ ONLY transaction on an instance without file or network access, and is interrupted after PULSE_QUERY_TIMEOUT_MS (503). With PULSE_CLICKHOUSE_URL the query runs on ClickHouse instead (its tables: \`events\` and the session tables): ClickHouse's own parser must find one SELECT without FORMAT, SETTINGS or INTO OUTFILE, and no table function other than numbers, zeros, values and generate_series, nor any function that reaches files, URLs or other servers; column types are ClickHouse's.`,
        tags: ['Admin'],
        security: [{ bearerAuth: [] }],
      },
      response: { 200: 'SqlResult', ...errors(400, 401, 422, 429, 503) },
    },
  )
}
