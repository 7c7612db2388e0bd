// A digest's figures for one period, read through the stats API: the headline metrics with their
// change on the previous period, conversions per goal with theirs, top pages, sources and countries,
// and visitors per day (per hour for a daily digest) for the chart.
import type { DigestPeriod, Frequency } from './periods'
import type { StatsClient } from './stats-client'

/** The headline metrics, in the order shown. */
export const DIGEST_METRICS = [
  'visitors',
  'page_views',
  'bounce_rate',
  'avg_session_duration',
  'conversions',
] as const
type DigestMetric = (typeof DIGEST_METRICS)[number]

/** One row of a top list. */
export interface TopRow {
  key: string | null
  value: number
}

/** Everything a digest shows. */
export interface DigestData {
  site_id: string
  frequency: Frequency
  timezone: string
  period: { from: string; to: string; label: string }
  metrics: Record<DigestMetric, number>
  changes: Record<DigestMetric, number | null>
  goals: { goal: string; conversions: number; change: number | null }[]
  top_pages: TopRow[]
  top_sources: TopRow[]
  top_countries: TopRow[]
  series: { time: string; value: number }[]
}

const change = (now: number, before: number) =>
  before === 0 ? (now === 0 ? 0 : null) : Math.round(((now - before) / before) * 10000) / 100

/** Read a digest's figures for `period` of `siteId` through `stats`. */
export async function loadDigest(
  stats: StatsClient,
  siteId: string,
  frequency: Frequency,
  timezone: string,
  period: DigestPeriod,
): Promise<DigestData> {
  const scope = { site_id: siteId, from: period.from, to: period.to, timezone }
  const top = (dimension: string) =>
    stats('/api/v1/stats/breakdown', { ...scope, dimension, metric: 'visitors', limit: '5' }).then(
      (d) => d.rows as TopRow[],
    )
  const [summary, pages, sources, countries, series, goalsNow] = await Promise.all([
    stats('/api/v1/stats', { ...scope, metrics: DIGEST_METRICS.join(','), compare: 'previous_period' }),
    top('url'),
    top('referrer_domain'),
    top('country'),
    stats('/api/v1/stats/timeseries', {
      ...scope,
      metric: 'visitors',
      interval: frequency === 'daily' ? 'hour' : 'day',
    }),
    stats('/api/v1/stats/breakdown', { ...scope, dimension: 'goal', metric: 'conversions', limit: '10' }),
  ])
  const goalsBefore = await stats('/api/v1/stats/breakdown', {
    site_id: siteId,
    from: summary.previous.from,
    to: summary.previous.to,
    timezone,
    dimension: 'goal',
    metric: 'conversions',
    limit: '1000',
  })
  const before = new Map<string, number>((goalsBefore.rows as TopRow[]).map((r) => [String(r.key), r.value]))
  return {
    site_id: siteId,
    frequency,
    timezone,
    period: { from: period.from, to: period.to, label: periodLabel(frequency, period) },
    metrics: summary.metrics,
    changes: summary.changes,
    goals: (goalsNow.rows as TopRow[]).map((r) => ({
      goal: String(r.key),
      conversions: r.value,
      change: change(r.value, before.get(String(r.key)) ?? 0),
    })),
    top_pages: pages,
    top_sources: sources,
    top_countries: countries,
    series: series.points,
  }
}

/** "2026-11-16 to 2026-11-22" (the last day inclusive), or the one day. */
export function periodLabel(frequency: Frequency, p: { from: string; to: string }): string {
  const last = new Date(Date.parse(`${p.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  if (frequency === 'daily') return p.from
  if (frequency === 'monthly') return p.from.slice(0, 7)
  return `${p.from} to ${last}`
}
