// SQL of a funnel: for each step, the sessions that reached it in order. A session reaches step 1 at
// its first matching event; it reaches step k at its first matching event strictly after the time it
// reached step k-1 (earliest matches leave the most room for the steps after).
import type { Query } from '../../db/rows'
import type { Filter } from '../parse/filters'
import type { ReadOptions } from '../plan'
import type { Range } from '../time/period'
import { Params } from './params'
import { whereSql } from './selection'

/** One funnel step: an event type, optionally on one URL. */
export interface FunnelStep {
  event_type: string
  url?: string
}

/** One row with columns `s1 … sN`: sessions that reached each step. */
export function buildFunnel(
  siteId: string,
  range: Range,
  filters: Filter[],
  steps: FunnelStep[],
  opts: ReadOptions = {},
): Query {
  const p = new Params(opts.dialect)
  const where = whereSql(siteId, range, filters, p)
  const match = steps.map((s) =>
    s.url === undefined
      ? `e.event_type = ${p.add(s.event_type)}`
      : `e.event_type = ${p.add(s.event_type)} AND e.url = ${p.add(s.url)}`,
  )
  // Each step reads the events it needs itself: sharing one selection would materialise it. The steps'
  // columns (`sid`, `t`) differ from event columns, which `where` names unqualified. Sessions are their
  // stored keys (src/events/keys.ts): integer hash tables and joins.
  const ctes = [
    `s1 AS (SELECT session_key AS sid, min(ts) AS t FROM events e WHERE ${where} AND ${match[0]} GROUP BY session_key)`,
  ]
  for (let i = 1; i < steps.length; i++)
    ctes.push(
      `s${i + 1} AS (SELECT e.session_key AS sid, min(e.ts) AS t FROM events e JOIN s${i} ON e.session_key = s${i}.sid WHERE ${where} AND ${match[i]} AND e.ts > s${i}.t GROUP BY e.session_key)`,
    )
  const counts = steps.map((_, i) => `(SELECT count(*) FROM s${i + 1}) AS s${i + 1}`)
  return { sql: `WITH ${ctes.join(', ')} SELECT ${counts.join(', ')}`, params: p.values }
}
