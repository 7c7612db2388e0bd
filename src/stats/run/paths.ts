// GET /api/v1/stats/journeys: from a start page, the most common next (or previous) pages of the sessions
// that viewed it, step by step up to `depth`, with how many sessions go on and how many stop.
import { ValidationError } from '../../errors'
import type { EventReader } from '../../events/store'
import { isUrlOrPath, textProblem, URL_RULE } from '../../events/value-rules'
import { pick } from '../parse/names'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { JOURNEY_DIRECTIONS } from '../registry'
import { buildJourneyPaths, buildJourneyTotals, type JourneySpec } from '../sql/paths'

/** The parsed journey request. */
export interface JourneyRequest extends JourneySpec {
  limit: number
}

/** Read `page`, `direction`, `depth` and `limit`. */
export function parseJourneyRequest(q: {
  page?: string
  direction?: string
  depth?: number
  limit?: number
}): JourneyRequest {
  const page = q.page ?? ''
  const bad = (message: string) =>
    new ValidationError(`Invalid page: ${message}`, [{ path: '$.page', message }])
  if (page === '') throw bad('is required')
  if (!isUrlOrPath(page)) throw bad(URL_RULE)
  const problem = textProblem(page)
  if (problem) throw bad(problem)
  return {
    page,
    direction: pick('direction', q.direction || 'next', JOURNEY_DIRECTIONS),
    depth: q.depth ?? 3,
    limit: q.limit ?? 10,
  }
}

/** Run the journey: totals per depth, then the top paths of each depth. */
export async function getJourney(
  reader: EventReader,
  scope: Scope,
  req: JourneyRequest,
  opts: ReadOptions = {},
) {
  const t = buildJourneyTotals(scope.siteId, scope.range, scope.filters, req, opts)
  const [totals] = await reader.rows<Record<string, number>>(t.sql, t.params)
  const sessions = Number(totals?.sessions ?? 0)
  const reached = Array.from({ length: req.depth }, (_, i) => Number(totals?.[`d${i + 1}`] ?? 0))
  const steps = []
  for (let k = 1; k <= req.depth; k++) {
    const q = buildJourneyPaths(scope.siteId, scope.range, scope.filters, req, k, req.limit, opts)
    const rows = await reader.rows<Record<string, string | number>>(q.sql, q.params)
    const before = k === 1 ? sessions : reached[k - 2]!
    steps.push({
      step: k,
      sessions: reached[k - 1]!,
      drop_off: before - reached[k - 1]!,
      paths: rows.map((r) => ({
        pages: Array.from({ length: k }, (_, i) => String(r[`p${i + 1}`])),
        sessions: Number(r.sessions),
        exits: Number(r.exits),
      })),
    })
  }
  return {
    page: req.page,
    direction: req.direction,
    period: scope.period,
    timezone: scope.timezone,
    from: new Date(scope.range.from).toISOString(),
    to: new Date(scope.range.to).toISOString(),
    sessions,
    steps,
  }
}
