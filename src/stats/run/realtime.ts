// GET /api/v1/stats/realtime: visitors, sessions, events and page views in the last five minutes,
// and the pages being viewed now.

import type { EventReader } from '../../events/store'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import { LIMITS } from '../registry'
import { buildTopPages } from '../sql/realtime'
import { buildSummary } from '../sql/summary'

/** The realtime report at `now`. */
export async function getRealtime(
  reader: EventReader,
  siteId: string,
  filters: Filter[],
  now: number,
  limit: number,
  opts: ReadOptions = {},
) {
  const range = { from: now - LIMITS.realtimeMs, to: now }
  const metrics = ['visitors', 'unique_sessions', 'event_count', 'page_views'] as const
  const counts = buildSummary(siteId, range, filters, [...metrics], opts)
  const [row] = await reader.rows<Record<string, number>>(counts.sql, counts.params)
  const top = buildTopPages(siteId, range, filters, limit, opts)
  const pages = await reader.rows<{ url: string; visitors: number }>(top.sql, top.params)
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    visitors: Number(row?.visitors ?? 0),
    sessions: Number(row?.unique_sessions ?? 0),
    events: Number(row?.event_count ?? 0),
    page_views: Number(row?.page_views ?? 0),
    top_pages: pages.map((p) => ({ url: p.url, visitors: Number(p.visitors) })),
  }
}
