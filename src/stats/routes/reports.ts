// GET /api/v1/stats/timeseries and /api/v1/stats/breakdown: a metric over time, and by dimension.
import { Elysia } from 'elysia'
import { DEFINITIONS } from '../model/common'
import { BreakdownQuery, BreakdownResult, TimeseriesQuery, TimeseriesResult } from '../model/reports'
import { COMPARE_PARAMS } from '../parse/compare'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { DIMENSION_FIELDS } from '../registry'
import { foldedBreakdown, suppressedTimeseries } from '../restrict'
import { getBreakdown, parseBreakdownRequest } from '../run/breakdown'
import { breakdownCsv, csvResponse, timeseriesCsv } from '../run/report-csv'
import { getTimeseries, parseTimeseriesRequest } from '../run/timeseries'

/**
 * A route's `detail`, its description followed by the definitions of metrics, periods and filters. The
 * document declares the JSON answer only: a second media type on the same 200 turns every generated
 * client's `data` into a union with `string`; `format=csv` is described on the parameter instead.
 */
const detail = (summary: string, description: string) => statsDetail(summary, `${description} ${DEFINITIONS}`)

/** The timeseries and breakdown routes. */
export function reportRoutes(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-reports' })
    .use(statsPipeline(deps))
    .model({ TimeseriesResult, BreakdownResult })
    .get(
      '/stats/timeseries',
      async ({ query, scope, answer, minVisitors }) => {
        const req = parseTimeseriesRequest(query, scope)
        const res = await answer(
          (conn, opts) =>
            minVisitors === null
              ? getTimeseries(conn, scope, req, opts)
              : suppressedTimeseries(conn, scope, req, minVisitors, opts),
          scope,
        )
        if (query.format !== 'csv') return res
        // A file instead of the envelope: Elysia sends a Response as it is (typed as the JSON answer).
        return csvResponse(timeseriesCsv(res.data), scope.siteId, 'timeseries') as unknown as typeof res
      },
      {
        query: TimeseriesQuery,
        stats: [...SCOPE_AND_FILTER_PARAMS, 'metric', 'interval', 'format', ...COMPARE_PARAMS],
        detail: detail(
          'Get a metric over time',
          'One point per calendar bucket (`interval`: minute, hour, day, week from Monday, month) of the period in `timezone`, oldest first; buckets without events are 0. `time` is the bucket start in ISO 8601 with the zone offset. The first and last buckets may extend beyond the period: they count only events inside it. Each point equals the metric computed over the events of its bucket (sessions are cut at bucket edges). With `compare`, `comparison` holds the compared range cut into buckets of the same interval, to overlay by position. `format=csv`: columns time,value (with compare: compared_time,compared_value by position).',
        ),
        response: { 200: TimeseriesResult, ...READ_ERRORS },
      },
    )
    .get(
      '/stats/breakdown',
      async ({ query, scope, answer, minVisitors }) => {
        const req = parseBreakdownRequest(query, scope.timezone)
        const res = await answer(
          (conn, opts) =>
            minVisitors === null
              ? getBreakdown(conn, scope, req, opts)
              : foldedBreakdown(conn, scope, req, minVisitors, opts),
          scope,
        )
        if (query.format !== 'csv') return res
        return csvResponse(breakdownCsv(res.data), scope.siteId, 'breakdown') as unknown as typeof res
      },
      {
        query: BreakdownQuery,
        stats: [
          ...SCOPE_AND_FILTER_PARAMS,
          'dimension',
          'metric',
          'limit',
          'offset',
          'format',
          ...COMPARE_PARAMS,
        ],
        detail: detail(
          'Get a metric by dimension',
          `Rows \`{key, value}\` for each value of \`dimension\` (${DIMENSION_FIELDS.join(', ')}, or property:<key>), sorted by value descending then key; \`key\` is null for events without that field. Each row equals the metric with the dimension as an extra filter. \`limit\` (default 10, at most 1000) and \`offset\` page through the rows; \`total_rows\` counts them all. With \`compare\`, each row also gets \`previous_value\` (its value in the compared range, 0 when absent there) and \`change\`. \`format=csv\`: columns key,value (with compare: previous_value,change) of the page.`,
        ),
        response: { 200: BreakdownResult, ...READ_ERRORS },
      },
    )
}
