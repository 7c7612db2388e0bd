// The oracle of entry and exit pages and of goals, by the definitions in the API reference, in plain
// TypeScript: entry page = url of the session's first page view in the period (earliest timestamp,
// then smallest URL), exit page = of the last (latest timestamp, then greatest URL); a page goal's `*`
// matches any characters of the URL path; conversions are distinct visitors of converting rows.

import type { Metric } from '../../../src/stats/registry'
import { type GoalContext, metric, propertyText, type Row, ratio, visitorsOf } from './oracle'

/** A goal as the admin API takes it. */
export interface GoalDef {
  name: string
  kind: 'event' | 'page'
  event_type?: string
  page_path?: string
  property_key?: string
  property_value?: string
}

/** The path of a URL: no scheme and host, no query or fragment; `/` when empty. */
export function urlPath(url: string): string {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(url)
  let s = m ? url.slice(m[0].length) : url
  for (const c of ['?', '#']) if (s.includes(c)) s = s.slice(0, s.indexOf(c))
  return s === '' ? '/' : s
}

/** Whether the row completes the goal. */
export function completes(r: Row, g: GoalDef): boolean {
  if (g.property_key !== undefined && propertyText(r, g.property_key) !== g.property_value) return false
  if (g.kind === 'event') return r.event_type === g.event_type
  if (r.event_type !== 'page_view' || r.url === null) return false
  const parts = (g.page_path ?? '').split('*')
  const esc = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${esc.join('[\\s\\S]*')}$`).test(urlPath(r.url))
}

/** Entry and exit page of each session among `scope` (the site's non-bot rows of the period). */
export function sessionPages(scope: Row[]): Map<string, { entry: string; exit: string }> {
  const out = new Map<string, { entry: string; exit: string }>()
  const key = (r: Row) => [r.ts, r.url!] as const
  const before = (a: readonly [number, string], b: readonly [number, string]) =>
    a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
  const first = new Map<string, Row>()
  const last = new Map<string, Row>()
  for (const r of scope) {
    if (r.event_type !== 'page_view' || r.url === null) continue
    const f = first.get(r.session_id)
    if (!f || before(key(r), key(f))) first.set(r.session_id, r)
    const l = last.get(r.session_id)
    if (!l || before(key(l), key(r))) last.set(r.session_id, r)
  }
  for (const [s, f] of first) out.set(s, { entry: f.url!, exit: last.get(s)!.url! })
  return out
}

/** The value of `entry_page` / `exit_page` for a row, given its scope's session pages. */
export function sessionValue(
  pages: Map<string, { entry: string; exit: string }>,
  r: Row,
  field: 'entry_page' | 'exit_page',
): string | null {
  const p = pages.get(r.session_id)
  return p ? (field === 'entry_page' ? p.entry : p.exit) : null
}

/** The goal context of a selection: the goal filter's goal (or any of `goals`) and its denominator. */
export function goalContext(
  goals: GoalDef[],
  goalFilter: string | null | undefined,
  denominator: Row[],
): GoalContext {
  if (goalFilter === undefined) return { converts: (r) => goals.some((g) => completes(r, g)), denominator }
  const g = goals.find((x) => x.name === goalFilter)
  return { converts: (r) => (g ? completes(r, g) : false), denominator }
}

/** One row per goal: the metric over the rows completing it; conversion_rate over all `denominator`. */
export function goalBreakdown(
  goals: GoalDef[],
  rows: Row[],
  denominator: Row[],
  m: Metric,
): { key: string; value: number }[] {
  const out = goals.map((g) => {
    const mine = rows.filter((r) => completes(r, g))
    const value =
      m === 'conversion_rate'
        ? ratio(100 * visitorsOf(mine), visitorsOf(denominator))
        : metric(mine, m, { converts: () => true, denominator })
    return { key: g.name, value }
  })
  return out.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
