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

/** The per-site families for `sites`, read through `stats` at `now`. */
export async function siteFamilies(stats: StatsClient, sites: string[], now: number): Promise<Family[]> {
  const visitors: Family = {
    name: 'pulse_site_visitors_5m',
    type: 'gauge',
    help: 'Visitors in the last 5 minutes',
    samples: [],
  }
  const views: Family = {
    name: 'pulse_site_page_views',
    type: 'counter',
    help: 'Page views stored',
    samples: [],
  }
  const events: Family = { name: 'pulse_site_events', type: 'counter', help: 'Events stored', samples: [] }
  const goals: Family = {
    name: 'pulse_site_goal_conversions_24h',
    type: 'gauge',
    help: 'Visitors completing each goal in the last 24 hours',
    samples: [],
  }
  for (const site of sites) {
    const labels = { site_id: site }
    const [recent, totals, byGoal] = await Promise.all([
      stats('/api/v1/stats', {
        site_id: site,
        metric: 'visitors',
        from: String(now - 300_000),
        to: String(now),
      }),
      stats('/api/v1/stats', {
        site_id: site,
        metrics: 'page_views,event_count',
        from: '0',
        to: String(now + 1),
      }),
      stats('/api/v1/stats/breakdown', {
        site_id: site,
        period: '24h',
        dimension: 'goal',
        metric: 'conversions',
        limit: '100',
      }),
    ])
    visitors.samples.push({ labels, value: recent.value })
    views.samples.push({ labels, value: totals.metrics.page_views })
    events.samples.push({ labels, value: totals.metrics.event_count })
    for (const r of byGoal.rows)
      goals.samples.push({ labels: { site_id: site, goal: String(r.key) }, value: r.value })
  }
  return [visitors, views, events, goals]
}

/** The server's own families (admin only). */
export async function serverFamilies(
  db: Database,
  s: { bufferDepth: number; flushedRows: number; deliveries: { retrying: number; failed_24h: number } },
): Promise<Family[]> {
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
  return [
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
