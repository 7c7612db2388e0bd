// GET /api/v1/stats: one metric (the seed's response shape, unchanged) or several, for a period, with
// filters and an optional comparison with the previous period.
import { Elysia } from 'elysia'
import { DEFINITIONS } from '../model/common'
import { StatsQuery, StatsResult } from '../model/stats'
import { COMPARE_PARAMS } from '../parse/compare'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { getSummary, parseSummaryRequest } from '../run/summary'

const PARAMS = [...SCOPE_AND_FILTER_PARAMS, 'metric', 'metrics', ...COMPARE_PARAMS]

/** The summary route. */
export function summaryRoute(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-summary' })
    .use(statsPipeline(deps))
    .model({ StatsResult })
    .get(
      '/stats',
      ({ query, scope, answer }) => {
        const req = parseSummaryRequest(query, scope.timezone)
        return answer((conn, opts) => getSummary(conn, scope, req, opts), scope)
      },
      {
        query: StatsQuery,
        stats: PARAMS,
        detail: statsDetail(
          'Get metrics for a period',
          `One metric with \`metric\` (answer \`{metric, value, period}\`) or several with \`metrics=a,b,c\` (answer \`{period, timezone, from, to, metrics}\`); \`compare\` adds the compared range's values and the percent change (\`previous_period\`, \`year_over_year\`, or \`custom\` with \`compare_from\` and \`compare_to\`). The previous period of a rolling, custom or all period is the same length just before it; of yesterday, the day before; of last_month, the month before; of today and month, the same length of time from the start of the previous day or month; of 12mo and year_to_date, the same local dates a year earlier. ${DEFINITIONS}`,
        ),
        response: { 200: StatsResult, ...READ_ERRORS },
      },
    )
}
