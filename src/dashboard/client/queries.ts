// Every API call the dashboard makes, one function per question, each turning the view (site,
// period, filters) into documented query parameters. Only public endpoints, typed from the SDK's generated OpenAPI types.
import type { GetQuery, StatsMulti } from '../../sdk/src/read'
import { type ApiClient, ApiError } from './api'
import { type CohortInterval, chooseInterval, type Interval, periodParams } from './periods'
import { filterParams, PROPERTY_KEY, scopeParams, type ViewState } from './state'

/** What every query needs: the client, the view and the browser's time zone. */
export interface Scope {
  api: ApiClient
  view: ViewState
  timezone: string
}

/** A metric name of the analytics API (from its OpenAPI document). */
export type Metric = NonNullable<GetQuery<'/api/v1/stats/timeseries'>['metric']>

/** The headline figures, in display order. */
export const HEADLINE_METRICS = [
  { name: 'visitors', label: 'Visitors', format: 'number' },
  { name: 'unique_sessions', label: 'Sessions', format: 'number' },
  { name: 'page_views', label: 'Page views', format: 'number' },
  { name: 'bounce_rate', label: 'Bounce rate', format: 'percent', lowerIsBetter: true },
  { name: 'avg_session_duration', label: 'Avg. session', format: 'duration' },
] as const

function base(s: Scope) {
  const { period, timezone, from, to } = periodParams(s.view, s.timezone)
  return {
    site_id: s.view.siteId,
    period,
    timezone,
    from: from === undefined ? undefined : String(from),
    to: to === undefined ? undefined : String(to),
  }
}

/** The headline metrics (with previous values and changes when comparing). */
export async function fetchHeadline(s: Scope): Promise<StatsMulti> {
  const data = await s.api.get(
    '/api/v1/stats',
    {
      ...base(s),
      metrics: HEADLINE_METRICS.map((m) => m.name).join(','),
      compare: s.view.compare ? (s.view.compareMode ?? 'previous_period') : undefined,
    },
    scopeParams(s.view),
  )
  if (!('metrics' in data)) throw new ApiError(0, 'The stats API answered without metrics')
  return data
}

/** Visitors and page views per interval, aligned on the same bucket times (epoch ms); with compare, the compared visitors by position. */
export async function fetchSeries(s: Scope): Promise<{
  interval: Interval
  times: number[]
  visitors: number[]
  pageViews: number[]
  compared?: number[]
}> {
  const interval = chooseInterval(s.view)
  const compare = s.view.compare ? (s.view.compareMode ?? 'previous_period') : undefined
  const get = (metric: Metric, withCompare = false) =>
    s.api.get(
      '/api/v1/stats/timeseries',
      { ...base(s), metric, interval, compare: withCompare ? compare : undefined },
      scopeParams(s.view),
    )
  const [v, p] = await Promise.all([get('visitors', true), get('page_views')])
  const views = new Map(p.points.map((pt) => [pt.time, Number(pt.value)]))
  const cmp = v.comparison?.points
  return {
    interval,
    times: v.points.map((pt) => Date.parse(pt.time)),
    visitors: v.points.map((pt) => Number(pt.value)),
    pageViews: v.points.map((pt) => views.get(pt.time) ?? 0),
    ...(cmp ? { compared: v.points.map((_, i) => Number(cmp[i]?.value ?? 0)) } : {}),
  }
}

/** The top `limit` values of a dimension by `metric`; `where` adds filters (e.g. one event type). */
export function fetchBreakdown(
  s: Scope,
  dimension: string,
  metric: Metric,
  limit = 10,
  where: Record<string, string> = {},
) {
  return s.api.get(
    '/api/v1/stats/breakdown',
    { ...base(s), dimension, metric, limit },
    { ...scopeParams(s.view), ...where },
  )
}

/** p75 and the rating split of each web vital in the view's period (all pages). */
export function fetchWebVitals(s: Scope) {
  return s.api.get('/api/v1/stats/web-vitals', { ...base(s) })
}

/** Sessions, visitors and top pages of the last 5 minutes. */
export function fetchRealtime(api: ApiClient, siteId: string) {
  return api.get('/api/v1/stats/realtime', { site_id: siteId, limit: 5 })
}

/** One funnel step as the API takes it. */
export interface FunnelStep {
  event_type: string
  url?: string
}

/** How many sessions reached each step in order, in the view's period and filters. */
export function runFunnel(s: Scope, steps: FunnelStep[]) {
  return s.api.post('/api/v1/funnels', {
    ...base(s),
    filters: filterParams(s.view.filters),
    ...(s.view.conditions?.length
      ? { conditions: s.view.conditions.map((c) => [c.op, c.field, c.values] as (string | string[])[]) }
      : {}),
    steps: steps.map((st) =>
      st.url ? { event_type: st.event_type, url: st.url } : { event_type: st.event_type },
    ),
  })
}

/** Visitor cohorts by first-seen day or week, and the share that came back. */
export function fetchRetention(s: Scope, interval: CohortInterval) {
  return s.api.get('/api/v1/retention', { ...base(s), interval }, scopeParams(s.view))
}

/** Property keys seen in the period's latest events, most frequent first. */
export async function fetchPropertyKeys(s: Scope, sample = 500): Promise<string[]> {
  const data = await s.api.get('/api/v1/events', { ...base(s), limit: sample }, scopeParams(s.view))
  const counts = new Map<string, number>()
  for (const e of data.events)
    for (const k of Object.keys(e.properties ?? {}))
      if (PROPERTY_KEY.test(k)) counts.set(k, (counts.get(k) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k)
}

/** Whether the site has received any event at all (else the dashboard shows the first-run guide). */
export async function hasAnyEvent(api: ApiClient, siteId: string): Promise<boolean> {
  const data = await api.get('/api/v1/events', { site_id: siteId, limit: 1 })
  return data.events.length > 0
}

/** The sites the admin token can see. */
export function fetchSites(api: ApiClient) {
  return api.get('/api/v1/sites', {})
}
