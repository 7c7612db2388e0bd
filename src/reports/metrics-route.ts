// GET /metrics: the admin token gets every site and the server's own figures; a site's secret key or a
// read-only key gets that site, read through the stats API with the caller's own credential (so a
// read-only key's locked filter applies, and a figure its `min_visitors` refuses is left out).
import { Elysia } from 'elysia'
import { principalOf } from '../accounts/guard'
import { bearerToken } from '../http/auth'
import { errorDocs } from '../http/envelope'
import { AppError } from '../http/errors'
import { listSites } from '../sites/repo'
import type { ReportsRouteDeps } from './index'
import { formatMetrics, serverFamilies, siteFamilies } from './metrics'
import { statsClient } from './stats-client'

/** The route. */
export function metricsRoute(deps: ReportsRouteDeps) {
  return new Elysia({ name: 'reports-metrics' }).get(
    '/metrics',
    async ({ request }) => {
      const who = principalOf(request)
      const token = bearerToken(request.headers)
      const now = deps.clock()
      const stats = statsClient((r) => deps.reports.handle(r), token)
      let body: string
      if (who.kind === 'admin-token') {
        const sites = (await listSites(deps.db)).map((s) => s.site_id)
        body = formatMetrics([
          ...(await siteFamilies(stats, sites, now)),
          ...(await serverFamilies(deps.db, {
            now,
            bufferDepth: deps.buffer.depth,
            maxBufferRows: deps.config.maxBufferRows,
            flushedRows: deps.buffer.flushedRows,
            lastFlushAt: deps.buffer.lastFlushAt,
            walBytes: deps.wal?.sizeBytes ?? 0,
            ingest: deps.enricher.counts,
            deliveries: deps.reports.deliveryCounts(),
          })),
        ])
      } else if ((who.kind === 'secret-key' || who.kind === 'read-key') && who.siteId) {
        body = formatMetrics(await siteFamilies(stats, [who.siteId], now, { skipRefused: true }))
      } else throw new AppError(403, 'Needs the admin token, a site secret key or a read-only key')
      return new Response(body, {
        headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
      })
    },
    {
      detail: {
        summary: 'Metrics for Prometheus',
        description:
          'Prometheus text format. With the admin token: every site, and the server’s own figures (ingest accepted and dropped by reason, bots by reason, buffer depth and fill, seconds since the last flush, write-ahead log size, flushed events, process and DuckDB memory, deliveries). With a site’s secret key or a read-only key: that site only (a read-only key’s locked filter applies; figures its `min_visitors` refuses are left out). Per site: `pulse_site_visitors_5m`, `pulse_site_page_views_total`, `pulse_site_events_total`, `pulse_site_goal_conversions_24h{goal}`, `pulse_site_web_vitals_p75{metric}` where present, each equal to what the stats API answers.',
        operationId: 'getMetrics',
        tags: ['Reports'],
        security: [{ bearerAuth: [] }],
        responses: {
          200: {
            description: 'The metrics',
            content: { 'text/plain': { schema: { type: 'string' as const } } },
          },
          ...errorDocs(401, 404, 429, 503),
        },
      },
    },
  )
}
