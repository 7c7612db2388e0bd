// The selection a metrics query aggregates (see metrics.ts `Selection`): the scope's WHERE clause, the
// join a session or goal key needs, and — only when a goal metric is asked for — what converts and the
// denominator's WHERE clause (the same scope without the goal filter).
import type { Filter } from '../parse/filters'
import { METRICS, type Metric } from '../registry'
import type { Range } from '../time/period'
import type { Selection } from './metrics'
import type { Params } from './params'
import { convertsSql, whereSql } from './selection'

/** A join the grouping key needs (see grouped.ts). */
export interface KeyJoin {
  /** `events` joined to what the key reads. */
  from: string
  /** The key is the goal: every joined row converts, and all rows share the denominator over `events`. */
  goal?: boolean
}

/** The selection of `metrics` over the scope, with the key's join if any. */
export function selectionFor(
  siteId: string,
  range: Range,
  filters: Filter[],
  metrics: Metric[],
  p: Params,
  join?: KeyJoin,
): Selection {
  const where = whereSql(siteId, range, filters, p)
  const sel: Selection = { where, from: join?.from }
  if (!metrics.some((m) => METRICS[m].kind === 'goal')) return sel
  const converts = join?.goal ? 'TRUE' : convertsSql(siteId, filters, p)
  const den = whereSql(siteId, range, filters, p, { withoutGoal: true })
  sel.goal = join?.goal
    ? { converts, where: den, from: 'events', grouped: false }
    : { converts, where: den, grouped: true }
  return sel
}
