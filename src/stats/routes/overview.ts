// GET /api/v1/overview: all sites at a glance. The caller sees the sites it may read (the admin token and
// owners: all; a signed-in user or a personal token: its sites), each with visitors, page views and a
// sparkline, from one query over all of them (src/stats/sql/overview.ts), within the caller's read limits.
import { Elysia } from 'elysia'
import { principalOf } from '../../accounts/guard'
import { grants } from '../../accounts/permissions'
import { ValidationError } from '../../errors'
import { enforce } from '../../http/rate-limit'
import { listSites } from '../../sites/repo'
import { OverviewQuery, OverviewResult } from '../model/overview'
import { parseScope } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS } from '../pipeline'
import { runRead } from '../read'
import type { Interval } from '../registry'
import { getOverview } from '../run/overview'

const HOUR = 3_600_000

/** Sparkline buckets: hours up to 3 days, days up to 93, weeks beyond. */
function sparkInterval(span: number): Interval {
  if (span <= 72 * HOUR) return 'hour'
  if (span <= 93 * 24 * HOUR) return 'day'
  return 'week'
}

/** The overview route. */
export function overviewRoute(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-overview' }).model({ OverviewResult }).get(
    '/overview',
    async ({ query, request }) => {
      const who = principalOf(request)
      enforce(deps.keyLimiter.take(who.id))
      if (query.period === 'all')
        throw new ValidationError('period=all is not offered by the overview: choose a period', [
          { path: '$.period', message: 'must not be all' },
        ])
      const scope = parseScope({ ...query, site_id: '' }, deps.clock())
      const sites = (await listSites(deps.db)).filter((s) => grants(who, 'site.read', s.site_id))
      const interval = sparkInterval(scope.range.to - scope.range.from)
      const opts = { dialect: deps.events.store.dialect, ...deps.readOptions }
      const data = await runRead(deps, who.id, (reader) =>
        getOverview(reader, sites, scope.range, scope.timezone, interval, opts),
      )
      const iso = (t: number) => new Date(t).toISOString()
      return {
        success: true as const,
        data: {
          period: scope.period,
          timezone: scope.timezone,
          from: iso(scope.range.from),
          to: iso(scope.range.to),
          interval,
          ...data,
        },
      }
    },
    {
      query: OverviewQuery,
      detail: {
        summary: 'Get the overview of all sites',
        description:
          'Every site the caller may read (the admin token and owners: all sites; a signed-in user or personal token: the sites it has a role on), oldest first, with its distinct visitors and page views in the period (bots left out, as in /api/v1/stats) and a visitors sparkline: one point per hour up to 3 days, per day up to 93 days, per week beyond. One query over all sites.',
        tags: ['Stats'],
        security: [{ bearerAuth: [] }],
      },
      response: { 200: OverviewResult, ...READ_ERRORS },
    },
  )
}
