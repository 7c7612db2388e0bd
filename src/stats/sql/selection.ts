// The WHERE clause selecting a scope's events: one site, `from <= ts < to`, and each filter as an
// equality (or IS NULL for a missing value) on a registry expression. A session filter (entry or exit
// page) keeps every event of the sessions whose value matches; a goal filter keeps the events that
// complete the goal. Every value is bound.

import { textKey } from '../../events/keys'
import type { ConditionFilter, Filter } from '../parse/filters'
import { fieldLevel, fieldSql, NOT_BOT_SQL, type SessionField } from '../registry'
import type { Range } from '../time/period'
import { conditionSql } from './condition'
import { completesGoalSql } from './goals'
import type { Params } from './params'
import { sessionPagesSql } from './sessions'

/** SQL of the value of property `key` (a validated key) as text; its address is bound. */
export function propertyValueSql(key: string, p: Params): string {
  return p.dialect.property('properties', p.add(p.dialect.propertyPath(key)))
}

/** SQL of the filtered field: a registry expression, or the property's value as text. */
export function filterExpr(f: Filter, p: Params): string {
  return 'field' in f ? fieldSql(f.field, p.dialect) : propertyValueSql(f.property, p)
}

/**
 * Whether bot events are selected: only with `include_bots=true`, or when a filter on `bot_reason` asks
 * for them by name.
 */
export function includesBots(filters: Filter[]): boolean {
  return filters.some(
    (f) =>
      'field' in f &&
      ((f.field === 'include_bots' && 'value' in f && f.value === 'true') || f.field === 'bot_reason'),
  )
}

/** Whether `f` is a goal filter (an equality or an is / is_not list). */
export function isGoalFilter(f: Filter): f is Filter & { field: 'goal' } {
  return 'field' in f && f.field === 'goal'
}

/** The filter's operator and values (an equality filter is `is` with its one value). */
export function conditionOf(f: Filter): Pick<ConditionFilter, 'op' | 'values'> {
  return 'op' in f ? f : { op: 'is', values: [f.value] }
}

/** SQL true when the event completes one of the listed goals (null: completes none); `is_not` negates. */
function goalFilterSql(siteId: string, f: Filter, p: Params): string {
  const c = conditionOf(f)
  const any = c.values.map((v) =>
    v === null ? `NOT ${completesGoalSql(siteId, null, p)}` : completesGoalSql(siteId, v, p),
  )
  const sql = any.length === 1 ? any[0]! : `(${any.join(' OR ')})`
  return c.op === 'is_not' ? `NOT (${sql})` : sql
}

/** The session filter `entry_page=…` / `exit_page=…`: the events of the sessions with that value. */
function sessionFilterSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  f: Filter & { field: SessionField },
  p: Params,
): string {
  const c = conditionOf(f)
  const parts: string[] = []
  const urls = c.values.filter((v): v is string => v !== null)
  if (c.values.includes(null))
    parts.push(
      `session_key NOT IN (SELECT sp_session FROM (${sessionPagesSql(siteId, range, includesBots(filters), p, f.field)}))`,
    )
  if (urls.length > 0) {
    const pages = sessionPagesSql(siteId, range, includesBots(filters), p, f.field)
    // Pages are url keys: the values' stored keys (src/events/keys.ts, computed here, bound) are compared.
    const keys = urls.map((u) => p.add(textKey(u))).join(', ')
    parts.push(`session_key IN (SELECT sp_session FROM (${pages}) WHERE ${f.field} IN (${keys}))`)
  }
  const sql = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
  return c.op === 'is_not' ? `NOT (${sql})` : sql
}

/** Options of `whereSql`. */
export interface WhereOptions {
  /** Leave the goal filter out (the denominator of conversion_rate). */
  withoutGoal?: boolean
}

/** `site_id = $ AND ts >= $ AND ts < $ [AND NOT bot] [AND filter …]`. */
export function whereSql(
  siteId: string,
  range: Range,
  filters: Filter[],
  p: Params,
  opts: WhereOptions = {},
): string {
  const parts = [`site_id = ${p.add(siteId)}`, `ts >= ${p.ms(range.from)}`, `ts < ${p.ms(range.to)}`]
  if (!includesBots(filters)) parts.push(NOT_BOT_SQL)
  for (const f of filters) {
    if ('field' in f && f.field === 'include_bots') continue
    if (isGoalFilter(f)) {
      if (!opts.withoutGoal) parts.push(goalFilterSql(siteId, f, p))
      continue
    }
    if ('field' in f && fieldLevel(f.field) === 'session') {
      parts.push(sessionFilterSql(siteId, range, filters, f as Filter & { field: SessionField }, p))
      continue
    }
    const expr = filterExpr(f, p)
    if ('op' in f) parts.push(conditionSql(expr, f, p))
    else parts.push(f.value === null ? `${expr} IS NULL` : `${expr} = ${p.add(f.value)}`)
  }
  return parts.join(' AND ')
}

/**
 * SQL true when the event converts: it completes the goal of the goal filter, or any goal of the site
 * when there is no goal filter (a goal filter on "no goal" converts nothing).
 */
export function convertsSql(siteId: string, filters: Filter[], p: Params): string {
  const goal = filters.find(isGoalFilter)
  if (!goal) return completesGoalSql(siteId, null, p)
  const c = conditionOf(goal)
  // Excluding goals: the selected events convert by completing any (other) goal.
  if (c.op === 'is_not') return completesGoalSql(siteId, null, p)
  const named = c.values.filter((v): v is string => v !== null)
  if (named.length === 0) return 'FALSE'
  const any = named.map((v) => completesGoalSql(siteId, v, p))
  return any.length === 1 ? any[0]! : `(${any.join(' OR ')})`
}
