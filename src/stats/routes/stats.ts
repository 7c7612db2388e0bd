// GET /api/v1/stats: one metric (the seed's response shape, unchanged) or several, for a period, with
// filters and an optional comparison with the previous period.
import { Elysia } from 'elysia'
import { DEFINITIONS } from '../model/common'
import { StatsQuery, StatsResult } from '../model/stats'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { getSummary, parseSummaryRequest } from '../run/summary'

const PARAMS = [...SCOPE_AND_FILTER_PARAMS, 'metric', 'metrics', 'compare']

/** The summary route. */
export function summaryRoute(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-summary' })
    .use(statsPipeline(deps))
    .model({ StatsResult })
    .get(
      '/stats',
      ({ query, scope, answer }) => {
        const req = parseSummaryRequest(query)
        return answer((conn, opts) => getSummary(conn, scope, req, opts), scope)
      },
      {
        query: StatsQuery,
        stats: PARAMS,
        detail: statsDetail(
          'Get metrics for a period',
          `One metric with \`metric\` (answer \`{metric, value, period}\`) or several with \`metrics=a,b,c\` (answer \`{period, timezone, from, to, metrics}\`); \`compare=previous_period\` adds the previous period's values and the percent change. The previous period of a rolling or custom period is the same length just before it; of yesterday, the day before; of today and month, the same length of time from the start of the previous day or month. ${DEFINITIONS}`,
        ),
        response: { 200: StatsResult, ...READ_ERRORS },
      },
    )
}
