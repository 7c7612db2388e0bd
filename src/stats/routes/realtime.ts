// GET /api/v1/stats/realtime: what is happening in the last five minutes.
import { Elysia } from 'elysia'
import { errors } from '../../http/envelope'
import { RealtimeQuery, RealtimeResult } from '../model/reports'
import { parseFilters } from '../parse/filters'
import { checkParamNames } from '../parse/names'
import { authorizeStatsRead, runRead, type StatsDeps } from '../read'
import { FILTER_FIELDS } from '../registry'
import { getRealtime } from '../run/realtime'

/** The realtime route. */
export function realtimeRoute(deps: StatsDeps) {
  return new Elysia({ name: 'stats-realtime' }).model({ RealtimeResult }).get(
    '/stats/realtime',
    async ({ query, request }) => {
      const key = authorizeStatsRead(deps, request.headers, query.site_id)
      checkParamNames(query, ['site_id', 'limit', ...FILTER_FIELDS], true)
      const filters = parseFilters(query)
      const data = await runRead(deps, key, (conn) =>
        getRealtime(conn, query.site_id, filters, deps.clock(), query.limit ?? 10),
      )
      return { success: true as const, data }
    },
    {
      query: RealtimeQuery,
      detail: {
        summary: 'Get realtime activity',
        description:
          'Visitors (distinct coalesce(user_id, session_id)), sessions (distinct session_id), events and page views with a timestamp in the last 5 minutes ([now − 5 min, now)), and the top pages now: URLs of page views in that window by distinct visitors, then URL. Filters as for /api/v1/stats apply. Needs the site secret key (or the admin token).',
        tags: ['Stats'],
        security: [{ bearerAuth: [] }],
      },
      response: { 200: RealtimeResult, ...errors(400, 401, 403, 404, 422, 429, 503) },
    },
  )
}
