// POST /api/v1/funnels and GET /api/v1/retention: ordered conversion through steps, and cohorts of
// visitors coming back.
import { Elysia } from 'elysia'
import { DEFINITIONS } from '../model/common'
import { FunnelBody, FunnelResult, RetentionQuery, RetentionResult } from '../model/journeys'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../pipeline'
import { checkFunnelSteps, getFunnel } from '../run/funnel'
import { getRetention, parseRetentionInterval } from '../run/retention'

/** A route's `detail`, its description followed by the definitions of metrics, periods and filters. */
const detail = (summary: string, description: string) => statsDetail(summary, `${description} ${DEFINITIONS}`)

/** The funnel and retention routes. */
export function journeyRoutes(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-journeys' })
    .use(statsPipeline(deps))
    .model({ FunnelBody, FunnelResult, RetentionResult })
    .post(
      '/funnels',
      ({ body, scope, answer }) => {
        const steps = checkFunnelSteps(body.steps)
        return answer((conn, opts) => getFunnel(conn, scope, steps, opts))
      },
      {
        body: FunnelBody,
        statsBody: true,
        detail: detail(
          'Get a funnel',
          'How many sessions reached each step (2 to 10 `{event_type, url?}`) in order within the period: a session reaches step 1 at its first matching event, and step k at its first matching event strictly later than the time it reached step k-1. `conversion_rate` is the percent of step-1 sessions; `drop_off` the sessions of the previous step that did not reach this one. Filters (in `filters`) apply to every step.',
        ),
        response: { 200: FunnelResult, ...READ_ERRORS },
      },
    )
    .get(
      '/retention',
      ({ query, scope, answer }) => {
        const interval = parseRetentionInterval(query.interval)
        return answer((conn, opts) => getRetention(conn, scope, interval, opts))
      },
      {
        query: RetentionQuery,
        stats: [...SCOPE_AND_FILTER_PARAMS, 'interval'],
        detail: detail(
          'Get visitor retention by cohort',
          'Visitors (coalesce(user_id, visitor_id, session_id), as the `visitors` metric) are grouped into cohorts by the `interval` (day, or week from Monday, in `timezone`) of their first selected event in the period; `counts[k]` is how many of a cohort had an event k intervals later (k = 0 is the cohort itself), up to the end of the period, and `rates[k]` that as a percent of the cohort. Every interval of the period is listed, empty ones with 0.',
        ),
        response: { 200: RetentionResult, ...READ_ERRORS },
      },
    )
}
