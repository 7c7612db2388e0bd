// GET /api/v1/stats/realtime: what is happening in the last five minutes.
import { Elysia } from 'elysia'
import { RealtimeQuery, RealtimeResult } from '../model/reports'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { FILTER_FIELDS } from '../registry'
import { getRealtime } from '../run/realtime'

/** The realtime route. */
export function realtimeRoute(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-realtime' })
    .use(statsPipeline(deps))
    .model({ RealtimeResult })
    .get(
      '/stats/realtime',
      // The window is the last five minutes, so of the scope only the site and the filters count.
      ({ query, scope, answer }) =>
        answer((conn, opts) =>
          getRealtime(conn, scope.siteId, scope.filters, deps.clock(), query.limit ?? 10, opts),
        ),
      {
        query: RealtimeQuery,
        stats: ['site_id', 'limit', 'conditions', 'segment', ...FILTER_FIELDS],
        detail: statsDetail(
          'Get realtime activity',
          'Visitors (distinct coalesce(user_id, visitor_id, session_id), as the `visitors` metric), sessions (distinct session_id), events and page views with a timestamp in the last 5 minutes ([now − 5 min, now)), and the top pages now: URLs of page views in that window by distinct visitors, then URL. Filters as for /api/v1/stats apply. Needs the site secret key (or the admin token).',
        ),
        response: { 200: RealtimeResult, ...READ_ERRORS },
      },
    )
}
