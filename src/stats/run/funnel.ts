// POST /api/v1/funnels: sessions reaching each step in order, with conversion from step 1 and the
// drop-off from the step before.
import { ValidationError } from '../../errors'
import type { EventReader } from '../../events/store'
import { isUrlOrPath, textProblem, URL_RULE } from '../../events/value-rules'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { buildFunnel, type FunnelStep } from '../sql/funnel'
import { percentOf } from './numbers'

/** Run the funnel and shape its steps. */
export async function getFunnel(
  reader: EventReader,
  scope: Scope,
  steps: FunnelStep[],
  opts: ReadOptions = {},
) {
  const q = buildFunnel(scope.siteId, scope.range, scope.filters, steps, opts)
  const [row] = await reader.rows<Record<string, number>>(q.sql, q.params)
  const counts = steps.map((_, i) => Number(row?.[`s${i + 1}`] ?? 0))
  const first = counts[0]
  return {
    period: scope.period,
    timezone: scope.timezone,
    from: new Date(scope.range.from).toISOString(),
    to: new Date(scope.range.to).toISOString(),
    conversion_rate: percentOf(counts[counts.length - 1], first),
    steps: steps.map((s, i) => {
      const before = i === 0 ? counts[0] : counts[i - 1]
      return {
        event_type: s.event_type,
        ...(s.url === undefined ? {} : { url: s.url }),
        sessions: counts[i],
        conversion_rate: percentOf(counts[i], first),
        drop_off: before - counts[i],
        drop_off_rate: percentOf(before - counts[i], before),
      }
    }),
  }
}

/** Check the steps' URLs as the ingest checks event URLs (so a step can match something). */
export function checkFunnelSteps(steps: FunnelStep[]): FunnelStep[] {
  steps.forEach((s, i) => {
    const bad = (message: string) =>
      new ValidationError(`Invalid step ${i + 1}: ${message}`, [{ path: `$.steps[${i}]`, message }])
    for (const v of [s.event_type, s.url]) {
      const problem = v === undefined ? undefined : textProblem(v)
      if (problem) throw bad(problem)
    }
    if (s.url !== undefined && !isUrlOrPath(s.url)) throw bad(`url ${URL_RULE}`)
  })
  return steps
}
