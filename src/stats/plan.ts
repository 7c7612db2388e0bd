// The read planner: which relation a metrics query (summary, timeseries, breakdown, retention) reads and
// what it joins, decided once, here, with a one-line reason, and then handed to the SQL builders. A pure
// function of the query (metrics, filters, dimension, interval and zone, range) and the options; the
// builders never fall back on their own. Funnels, realtime top pages and raw events always read `events`.
//
// Sources, fastest first:
// - `session_hours`: the range's whole UTC hours from the derived fragments (src/events/session-hours.ts),
//   its partial edge hours from `events` (src/stats/sql/hours.ts);
// - `property_counts` / `referrer_domains`: `events` reduced per distinct `properties` text / referrer
//   first, the value extracted once per distinct text (src/stats/sql/property-counts.ts, referrer-domain.ts);
// - `events`: the general path, with the joins its grouping key needs.
import type { Dialect } from '../events/dialect'
import { FRAGMENT_FIELDS, HOUR_MS } from '../events/session-hours'
import type { Dimension } from './parse/dimension'
import type { Filter } from './parse/filters'
import { fieldLevel, type Interval, METRICS, type Metric } from './registry'
import type { Range } from './time/period'
import type { ZoneMap } from './time/zone-map'

/** The relation a query aggregates. */
export type Source = 'session_hours' | 'events' | 'property_counts' | 'referrer_domains'

/**
 * What the grouping key joins to the events: `goals` (each event to every goal it completes), `session_pages`
 * (each event to its session's entry or exit page), `url_names` (page rows grouped by url key get their URL
 * back, for the rows of the page asked for only).
 */
export type Join = 'goals' | 'session_pages' | 'url_names'

/** The plan of one read. */
export interface Plan {
  source: Source
  joins: Join[]
  /** Why, in one line (for tests and for a reader of the code). */
  reason: string
}

/** What a plan is chosen from. */
export interface PlanInput {
  metrics: readonly Metric[]
  filters: readonly Filter[]
  range: Range
  /** The breakdown's dimension. */
  dimension?: Dimension
  /** The time buckets of a timeseries or retention, and the zone they are cut in. */
  interval?: Interval
  zone?: ZoneMap
}

/** Switches of the planner. */
export interface PlanOptions {
  /** Whether `session_hours` may be read (default true; the analytics benchmark and a test time the events path). */
  fragments?: boolean
}

/** How reads are planned and spelled: the planner's switches and the engine's dialect (default DuckDB). */
export interface ReadOptions extends PlanOptions {
  dialect?: Dialect
}

const KEPT = new Set<string>(FRAGMENT_FIELDS)

/** Whether every instant of a UTC hour falls in one bucket of `interval` in `zone`. */
export function hourAligned(interval: Interval, zone: ZoneMap): boolean {
  if (interval === 'minute') return false
  return zone.spans.every((s, i) => s.offset % HOUR_MS === 0 && (i === 0 || s.start % HOUR_MS === 0))
}

/** The whole UTC hours [a, b) inside `range`, or null when there are none. */
export function wholeHours(range: Range): { a: number; b: number } | null {
  const a = Math.ceil(range.from / HOUR_MS) * HOUR_MS
  const b = Math.floor(range.to / HOUR_MS) * HOUR_MS
  return a < b ? { a, b } : null
}

/** The name of a filter or dimension as the API spells it. */
function nameOf(x: Filter | Dimension): string {
  return 'field' in x ? x.field : `property ${x.property}`
}

/** Why `session_hours` cannot answer the query, or null when it can. */
function fragmentsRefusal(q: PlanInput, opts: PlanOptions): string | null {
  if (opts.fragments === false) return 'fragment reads are switched off'
  if (q.metrics.some((m) => METRICS[m].kind === 'goal')) return 'goal metrics need the events'
  if (q.metrics.some((m) => METRICS[m].kind === 'engagement'))
    return "engagement metrics read the engagement events' properties"
  const filter = q.filters.find((f) => !('field' in f && (f.field === 'include_bots' || KEPT.has(f.field))))
  if (filter) return `the filter on ${nameOf(filter)} is not a field session_hours keeps`
  const d = q.dimension
  if (d && !('field' in d && KEPT.has(d.field)))
    return `the dimension ${nameOf(d)} is not a field session_hours keeps`
  if (q.interval && (!q.zone || !hourAligned(q.interval, q.zone)))
    return `${q.interval} buckets in ${q.zone?.tz ?? 'this zone'} do not hold whole UTC hours`
  if (!wholeHours(q.range)) return 'the range holds no whole UTC hour'
  return null
}

/** The plan of a metrics query. */
export function planRead(q: PlanInput, opts: PlanOptions = {}): Plan {
  const d = q.dimension
  const field = d && 'field' in d ? d.field : undefined
  if (field === 'goal')
    return {
      source: 'events',
      joins: ['goals'],
      reason: 'the goal dimension joins each event to the goals it completes',
    }
  if (field && fieldLevel(field) === 'session')
    return {
      source: 'events',
      joins: ['session_pages', 'url_names'],
      reason: `${field} joins each event to its session's page, grouped by url key`,
    }
  const kinds = new Set(q.metrics.map((m) => METRICS[m].kind))
  const only = (...ks: string[]) => [...kinds].every((k) => ks.includes(k))
  if (d && 'property' in d && only('count'))
    return {
      source: 'property_counts',
      joins: [],
      reason:
        'a count by a property: events counted per distinct properties text, the value read once per text',
    }
  if (field === 'referrer_domain' && only('count', 'distinct'))
    return {
      source: 'referrer_domains',
      joins: [],
      reason:
        'referrer_domain by a count or distinct metric: the domain extracted once per distinct referrer',
    }
  const refusal = fragmentsRefusal(q, opts)
  if (refusal === null)
    return {
      source: 'session_hours',
      joins: [],
      reason: 'every filter and key is kept by session_hours: whole hours from it, edge hours from events',
    }
  if (field === 'url')
    return { source: 'events', joins: ['url_names'], reason: `${refusal}; url grouped by url key` }
  return { source: 'events', joins: [], reason: refusal }
}
