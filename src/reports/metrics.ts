// GET /metrics in the Prometheus text format (0.0.4, which OpenMetrics scrapers read too). Per-site
// figures come from the stats API with the caller's own credential, so they equal what the API answers
// and its limits apply: the admin token sees every site and the server's own figures, a site's secret
// key only that site. A scrape costs a few indexed reads per site.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { StatsClient } from './stats-client'

/** One metric family: name, type, help and samples (labels → value). */
export interface Family {
  name: string
  type: 'gauge' | 'counter'
  help: string
  samples: { labels: Record<string, string>; value: number }[]
}

const escLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')

/** Families as exposition text. A counter is named with `_total`, in its TYPE line too (format 0.0.4). */
export function formatMetrics(families: Family[]): string {
  const out: string[] = []
  for (const f of families) {
    const sample = f.type === 'counter' ? `${f.name}_total` : f.name
    out.push(`# HELP ${sample} ${f.help}`, `# TYPE ${sample} ${f.type}`)
    for (const s of f.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escLabel(v)}"`)
        .join(',')
      out.push(`${sample}${labels ? `{${labels}}` : ''} ${Number.isFinite(s.value) ? s.value : 0}`)
    }
  }
  return `${out.join('\n')}\n`
}

/** Options of `siteFamilies`. */
export interface SiteFamiliesOptions {
  /** Leave out a figure the caller's credential is refused (a read-only key's `min_visitors`). */
  skipRefused?: boolean
}

/** The per-site families for `sites`, read through `stats` at `now`. */
export async function siteFamilies(
  stats: StatsClient,
  sites: string[],
  now: number,
  opts: SiteFamiliesOptions = {},
): Promise<Family[]> {
  const family = (name: string, type: Family['type'], help: string): Family => ({
    name,
    type,
    help,
    samples: [],
  })
  const visitors = family('pulse_site_visitors_5m', 'gauge', 'Visitors in the last 5 minutes')
  const views = family('pulse_site_page_views', 'counter', 'Page views stored')
  const events = family('pulse_site_events', 'counter', 'Events stored')
  const goals = family(
    'pulse_site_goal_conversions_24h',
    'gauge',
    'Visitors completing each goal in the last 24 hours',
  )
  const vitals = family(
    'pulse_site_web_vitals_p75',
    'gauge',
    'Web vitals p75 over the last 24 hours (ms; CLS unitless)',
  )
  // A refused read (403) is left out for a restricted key; anything else fails the scrape visibly.
  const read = (path: string, params: Record<string, string>) =>
    stats(path, params).catch((err: Error) => {
      if (opts.skipRefused && /answered 403/.test(err.message)) return undefined
      throw err
    })
  for (const site of sites) {
    const labels = { site_id: site }
    const [recent, totals, byGoal, webVitals] = await Promise.all([
      read('/api/v1/stats', {
        site_id: site,
        metric: 'visitors',
        from: String(now - 300_000),
        to: String(now),
      }),
      read('/api/v1/stats', {
        site_id: site,
        metrics: 'page_views,event_count',
        from: '0',
        to: String(now + 1),
      }),
      read('/api/v1/stats/breakdown', {
        site_id: site,
        period: '24h',
        dimension: 'goal',
        metric: 'conversions',
        limit: '100',
      }),
      read('/api/v1/stats/web-vitals', { site_id: site, period: '24h' }),
    ])
    if (recent) visitors.samples.push({ labels, value: recent.value })
    if (totals) {
      views.samples.push({ labels, value: totals.metrics.page_views })
      events.samples.push({ labels, value: totals.metrics.event_count })
    }
    for (const r of byGoal?.rows ?? [])
      goals.samples.push({ labels: { site_id: site, goal: String(r.key) }, value: r.value })
    for (const r of webVitals?.rows ?? [])
      vitals.samples.push({ labels: { site_id: site, metric: String(r.metric) }, value: r.p75 })
  }
  return [visitors, views, events, goals, vitals]
}

/** The server's figures `serverFamilies` reports. */
export interface ServerFigures {
  now: number
  bufferDepth: number
  maxBufferRows: number
  flushedRows: number
  lastFlushAt: number | null
  walBytes: number
  /** The enrichment steps' counts since start: events accepted, dropped and bots by reason. */
  ingest: { events: number; dropped: Record<string, number>; bots: Record<string, number> }
  deliveries: { retrying: number; failed_24h: number }
}

/** The server's own families (admin only). */
export async function serverFamilies(db: Database, s: ServerFigures): Promise<Family[]> {
  const mem = process.memoryUsage()
  const duck = await queryRows<{ bytes: number }>(
    db.reader,
    'SELECT coalesce(sum(memory_usage_bytes), 0)::BIGINT AS bytes FROM duckdb_memory()',
  ).catch(() => [{ bytes: 0 }])
  const g = (name: string, help: string, value: number, type: Family['type'] = 'gauge'): Family => ({
    name,
    type,
    help,
    samples: [{ labels: {}, value }],
  })
  const byReason = (name: string, help: string, counts: Record<string, number>): Family => ({
    name,
    type: 'counter',
    help,
    samples: Object.entries(counts).map(([reason, value]) => ({ labels: { reason }, value })),
  })
  const dropped = Object.values(s.ingest.dropped).reduce((a, b) => a + b, 0)
  return [
    g(
      'pulse_ingest_accepted_events',
      'Events accepted by ingest since start',
      s.ingest.events - dropped,
      'counter',
    ),
    byReason(
      'pulse_ingest_dropped_events',
      'Valid events dropped by ingest since start, by reason',
      s.ingest.dropped,
    ),
    byReason(
      'pulse_ingest_bot_events',
      'Events flagged as bots since start (stored), by reason',
      s.ingest.bots,
    ),
    g(
      'pulse_buffer_fill_ratio',
      'Waiting events as a fraction of PULSE_MAX_BUFFER_ROWS',
      s.bufferDepth / s.maxBufferRows,
    ),
    g(
      'pulse_flush_lag_seconds',
      'Seconds since the last flush to DuckDB (0 before the first)',
      s.lastFlushAt === null ? 0 : Math.max(0, (s.now - s.lastFlushAt) / 1000),
    ),
    g('pulse_wal_bytes', 'Size of the write-ahead log on disk', s.walBytes),
    g('pulse_buffer_events', 'Events accepted but not yet written to DuckDB', s.bufferDepth),
    g('pulse_flushed_events', 'Events written to DuckDB since start', s.flushedRows, 'counter'),
    g('pulse_process_resident_memory_bytes', 'Resident memory of the server process', mem.rss),
    g('pulse_duckdb_memory_bytes', 'Memory DuckDB reports in use', Number(duck[0]?.bytes ?? 0)),
    g('pulse_deliveries_retrying', 'Deliveries waiting for another attempt', s.deliveries.retrying),
    g(
      'pulse_deliveries_failed_24h',
      'Deliveries that failed for good in the last 24 hours',
      s.deliveries.failed_24h,
    ),
  ]
}
