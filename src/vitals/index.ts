// GET /api/v1/stats/web-vitals: p75 and the good / needs-improvement / poor split of LCP, INP, CLS, FCP
// and TTFB, overall or by page, device type or country, from the tracker's `web_vitals` events.
import { Elysia } from 'elysia'
import type { StatsRouteDeps } from '../stats/pipeline'
import { READ_ERRORS, statsDetail, statsPipeline } from '../stats/pipeline'
import { type VitalName, WebVitalsQuery, WebVitalsResult } from './model'
import { buildWebVitals } from './sql'

type Row = {
  key: string | null
  metric: string
  samples: number
  p75: number
  good: number
  needs_improvement: number
  poor: number
}

/** The web-vitals route. */
export function webVitalsRoutes(deps: StatsRouteDeps) {
  return new Elysia({ name: 'web-vitals', prefix: '/api/v1' })
    .use(statsPipeline(deps))
    .model({ WebVitalsResult })
    .get(
      '/stats/web-vitals',
      ({ query, scope, answer }) =>
        answer(async (reader, opts) => {
          const by = query.by ?? 'none'
          const q = buildWebVitals(scope.siteId, scope.range.from, scope.range.to, by, opts.dialect)
          const rows = await reader.rows<Row>(q.sql, q.params)
          return {
            from: new Date(scope.range.from).toISOString(),
            to: new Date(scope.range.to).toISOString(),
            by,
            rows: rows.map((r) => ({
              key: r.key,
              metric: r.metric as VitalName,
              samples: Number(r.samples),
              p75: Math.round(Number(r.p75) * 1000) / 1000,
              good: Number(r.good),
              needs_improvement: Number(r.needs_improvement),
              poor: Number(r.poor),
            })),
          }
        }),
      {
        query: WebVitalsQuery,
        stats: ['site_id', 'period', 'from', 'to', 'timezone', 'by'],
        detail: statsDetail(
          'Get web vitals',
          "p75 and the good / needs-improvement / poor split (web.dev's thresholds: LCP 2.5 s / 4 s, INP 200 / 500 ms, CLS 0.1 / 0.25, FCP 1.8 s / 3 s, TTFB 0.8 s / 1.8 s) of the `web_vitals` events the tracker sends with `capture: ['vitals']`, overall or `by` page path, device type or country. Bots are left out. Needs the site secret key (or the admin token).",
        ),
        response: { 200: WebVitalsResult, ...READ_ERRORS },
      },
    )
}
