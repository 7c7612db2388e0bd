// The analytics benchmark's queries: each as an HTTP request to the app and as the same SQL (built by
// the same builders from the same parsed parameters) run directly on the reader connection.
import type { Database } from '../../src/db/open'
import { type Query, queryRows } from '../../src/db/rows'
import { parseDimension } from '../../src/stats/parse/dimension'
import { parseScope } from '../../src/stats/parse/scope'
import { type Interval, LIMITS, METRIC_NAMES, type Metric } from '../../src/stats/registry'
import { buildEventsPage } from '../../src/stats/sql/events'
import { buildFunnel } from '../../src/stats/sql/funnel'
import { buildBreakdown, buildTimeseries } from '../../src/stats/sql/grouped'
import { buildTopPages } from '../../src/stats/sql/realtime'
import { buildRetention } from '../../src/stats/sql/retention'
import { buildSummary } from '../../src/stats/sql/summary'
import { listBuckets } from '../../src/stats/time/buckets'
import { ZoneMap } from '../../src/stats/time/zone-map'

/** One benchmarked query. */
export interface BenchQuery {
  name: string
  request(): Request
  direct(): Promise<unknown>
}

/** Where the queries run. */
export interface BenchTarget {
  db: Database
  siteId: string
  key: string
  now: number
}

const FUNNEL_STEPS = [{ event_type: 'page_view' }, { event_type: 'signup' }, { event_type: 'purchase' }]

/** The queries: every endpoint, typical parameters. */
export function benchQueries(t: BenchTarget): BenchQuery[] {
  const conn = t.db.reader
  const run = async (...qs: Query[]) => {
    for (const q of qs) await queryRows(conn, q.sql, q.params)
  }
  const scopeOf = (q: Record<string, string>) => parseScope({ site_id: t.siteId, ...q }, t.now)
  const get = (path: string, q: Record<string, string>) => () =>
    new Request(`http://localhost/api/v1${path}?${new URLSearchParams({ site_id: t.siteId, ...q })}`, {
      headers: { authorization: `Bearer ${t.key}` },
    })
  const stats = (name: string, q: Record<string, string>, metrics: Metric[]): BenchQuery => ({
    name,
    request: get('/stats', q),
    direct: () => {
      const s = scopeOf(q)
      return run(buildSummary(s.siteId, q.compare ? [s.range, s.previous] : [s.range], s.filters, metrics))
    },
  })
  const series = (
    name: string,
    q: Record<string, string>,
    metric: Metric,
    interval: Interval,
  ): BenchQuery => ({
    name,
    request: get('/stats/timeseries', { ...q, metric, interval }),
    direct: () => {
      const s = scopeOf(q)
      const zone = new ZoneMap(s.timezone, s.range.from, s.range.to)
      return run(buildTimeseries(s.siteId, s.range, s.filters, metric, interval, zone))
    },
  })
  const breakdown = (
    name: string,
    q: Record<string, string>,
    metric: Metric,
    dimension: string,
  ): BenchQuery => ({
    name,
    request: get('/stats/breakdown', { ...q, metric, dimension }),
    direct: () => {
      const s = scopeOf(q)
      const page = { limit: LIMITS.breakdownDefault, offset: 0 }
      return run(buildBreakdown(s.siteId, s.range, s.filters, metric, parseDimension(dimension), page))
    },
  })
  return [
    stats('stats event_count 24h', { metric: 'event_count', period: '24h' }, ['event_count']),
    stats('stats visitors 7d', { metric: 'visitors', period: '7d' }, ['visitors']),
    stats('stats bounce_rate 30d', { metric: 'bounce_rate', period: '30d' }, ['bounce_rate']),
    stats(
      'stats page_views 30d, 2 filters',
      { metric: 'page_views', period: '30d', device_type: 'mobile', 'property.plan': 'pro' },
      ['page_views'],
    ),
    stats('stats all 9 metrics 30d', { metrics: METRIC_NAMES.join(','), period: '30d' }, METRIC_NAMES),
    stats(
      'stats all 9 metrics 7d + compare',
      { metrics: METRIC_NAMES.join(','), period: '7d', compare: 'previous_period' },
      METRIC_NAMES,
    ),
    series('timeseries visitors 7d hourly', { period: '7d' }, 'visitors', 'hour'),
    series(
      'timeseries events 30d daily (Berlin)',
      { period: '30d', timezone: 'Europe/Berlin' },
      'event_count',
      'day',
    ),
    series('timeseries bounce_rate 30d daily', { period: '30d' }, 'bounce_rate', 'day'),
    breakdown('breakdown url by visitors 30d', { period: '30d' }, 'visitors', 'url'),
    breakdown('breakdown referrer_domain 30d', { period: '30d' }, 'event_count', 'referrer_domain'),
    breakdown('breakdown property:plan 30d', { period: '30d' }, 'unique_sessions', 'property:plan'),
    {
      name: 'realtime',
      request: get('/stats/realtime', {}),
      direct: () => {
        const r = { from: t.now - LIMITS.realtimeMs, to: t.now }
        return run(
          buildSummary(t.siteId, r, [], ['visitors', 'unique_sessions', 'event_count', 'page_views']),
          buildTopPages(t.siteId, r, [], 10),
        )
      },
    },
    {
      name: 'funnel 3 steps 30d',
      request: () =>
        new Request('http://localhost/api/v1/funnels', {
          method: 'POST',
          headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ site_id: t.siteId, period: '30d', steps: FUNNEL_STEPS }),
        }),
      direct: () => {
        const s = scopeOf({ period: '30d' })
        return run(buildFunnel(s.siteId, s.range, s.filters, FUNNEL_STEPS))
      },
    },
    {
      name: 'retention weekly 30d',
      request: get('/retention', { period: '30d', interval: 'week' }),
      direct: () => {
        const s = scopeOf({ period: '30d' })
        const zone = new ZoneMap('UTC', s.range.from, s.range.to)
        const buckets = listBuckets('week', zone, s.range, LIMITS.maxCohorts)
        const first = { firstKey: buckets[0].key, count: buckets.length }
        return run(buildRetention(s.siteId, s.range, s.filters, 'week', zone, first))
      },
    },
    {
      name: 'events newest 100',
      request: get('/events', {}),
      direct: () => {
        const s = parseScope({ site_id: t.siteId }, t.now, { defaultPeriod: 'all' })
        return run(buildEventsPage(s.siteId, s.range, s.filters, 101))
      },
    },
  ]
}
