// GET /api/v1/stats/journeys: where sessions go after (or came from before) a start page.
import { Elysia } from 'elysia'
import { DEFINITIONS } from '../model/common'
import { JourneyQuery, JourneyResult } from '../model/paths'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { getJourney, parseJourneyRequest } from '../run/paths'

/** The journey route. */
export function journeyPathRoute(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-journey-paths' })
    .use(statsPipeline(deps))
    .model({ JourneyResult })
    .get(
      '/stats/journeys',
      ({ query, scope, answer }) => {
        const req = parseJourneyRequest(query)
        return answer((conn, opts) => getJourney(conn, scope, req, opts))
      },
      {
        query: JourneyQuery,
        stats: [...SCOPE_AND_FILTER_PARAMS, 'page', 'direction', 'depth', 'limit'],
        detail: statsDetail(
          'Get the journeys from a page',
          `Each session's page views (page_view events with a URL, among the selected events in the period) in order of time, equal times by URL. A session counts when it viewed \`page\`; from its first view of it, its steps are the pages viewed after it (\`direction=next\`) or before it, nearest first (\`previous\`), up to \`depth\`. Step k lists the most common paths of k pages with the sessions following each and \`exits\`, those that stop there; \`sessions\` of a step counts the sessions with at least k steps and \`drop_off\` those of the step before without a k-th. ${DEFINITIONS}`,
        ),
        response: { 200: JourneyResult, ...READ_ERRORS },
      },
    )
}
