// The scope every analytics query shares: site, period (→ [from, to) and the previous range), time
// zone and event filters, parsed from query parameters with the registry's names.
import { ValidationError } from '../../errors'
import { FILTER_FIELDS, PERIOD_NAMES, type Period } from '../registry'
import { parseInstant, type Range, resolvePeriod } from '../time/period'
import { parseTimezone } from '../time/zone'
import { parseConditions } from './conditions'
import { type Filter, parseFilters } from './filters'
import { pick } from './names'

/** Site, time range, zone and filters of one query; `P` includes `all` only for raw-event queries. */
export interface Scope<P extends Period | 'all' = Period> {
  siteId: string
  /** The period name, or `all` when a raw-event query names none. */
  period: P
  timezone: string
  range: Range
  previous: Range
  filters: Filter[]
}

/** Query parameters every analytics endpoint accepts (filters come on top). */
export const SCOPE_PARAMS = ['site_id', 'period', 'from', 'to', 'timezone', 'conditions', 'segment'] as const
/** Scope parameters plus every filter field. */
export const SCOPE_AND_FILTER_PARAMS: readonly string[] = [...SCOPE_PARAMS, ...FILTER_FIELDS]

/** The raw scope parameters (strings, as sent). */
export interface ScopeInput {
  site_id: string
  period?: string
  from?: string | number
  to?: string | number
  timezone?: string
  [filter: string]: unknown
}

/** Options of `parseScope`. */
export interface ScopeOptions {
  /** The period when none is given; `all` means no time bound (raw events). */
  defaultPeriod?: Period | 'all'
  /** Filters from elsewhere than the query (a funnel body's `filters`). */
  filters?: Record<string, unknown>
  /** Conditions from elsewhere than the query (a funnel body's `conditions`). */
  conditions?: unknown
  /** The zone when the query names none: the site's own (default UTC). */
  defaultTimezone?: string
}

/** The equality filters and the conditions of the query, or of a body (`filters`, `conditions`). */
function scopeFilters(q: ScopeInput, opts: ScopeOptions): Filter[] {
  if (opts.filters) return [...parseFilters(opts.filters), ...parseConditions(opts.conditions)]
  return [...parseFilters(q), ...parseConditions(q.conditions)]
}

const ALL: Range = { from: 0, to: Number.MAX_SAFE_INTEGER }

/** Parse site, period, zone and filters at `now`. */
export function parseScope(
  q: ScopeInput,
  now: number,
  opts: ScopeOptions & { defaultPeriod: 'all' },
): Scope<Period | 'all'>
export function parseScope(
  q: ScopeInput,
  now: number,
  opts?: ScopeOptions & { defaultPeriod?: Period },
): Scope<Period>
export function parseScope(q: ScopeInput, now: number, opts: ScopeOptions = {}): Scope<Period | 'all'> {
  const timezone = parseTimezone(
    q.timezone === undefined || q.timezone === '' ? opts.defaultTimezone : q.timezone,
  )
  const from =
    q.from === undefined || q.from === '' ? undefined : parseInstant('from', String(q.from), timezone)
  const to = q.to === undefined || q.to === '' ? undefined : parseInstant('to', String(q.to), timezone)
  const custom = from !== undefined || to !== undefined
  const defaultPeriod = custom ? 'custom' : (opts.defaultPeriod ?? '24h')
  const filters = scopeFilters(q, opts)
  if ((q.period === undefined || q.period === '' || q.period === 'all') && defaultPeriod === 'all')
    return { siteId: q.site_id, period: 'all', timezone, range: ALL, previous: ALL, filters }
  const period = pick('period', q.period || defaultPeriod, PERIOD_NAMES)
  if (period === 'custom') {
    if (from === undefined || to === undefined)
      throw new ValidationError('period=custom needs both from and to', [
        { path: from === undefined ? '$.from' : '$.to', message: 'is required when period=custom' },
      ])
    if (from >= to)
      throw new ValidationError('from must be before to', [{ path: '$.to', message: 'must be after from' }])
  } else if (custom)
    throw new ValidationError(`from and to need period=custom (got period=${period})`, [
      { path: '$.period', message: 'must be custom when from or to is given' },
    ])
  const r = resolvePeriod(period, now, timezone, custom ? { from: from!, to: to! } : undefined)
  return {
    siteId: q.site_id,
    period,
    timezone,
    range: { from: r.from, to: r.to },
    previous: r.previous,
    filters,
  }
}
