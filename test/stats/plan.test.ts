// The read planner as a table: query → source, joins and reason (src/stats/plan.ts).
import { describe, expect, test } from 'bun:test'
import type { Dimension } from '../../src/stats/parse/dimension'
import type { Filter } from '../../src/stats/parse/filters'
import { type Join, type PlanInput, type PlanOptions, planRead, type Source } from '../../src/stats/plan'
import type { Interval, Metric } from '../../src/stats/registry'
import { ZoneMap } from '../../src/stats/time/zone-map'

const H = 3_600_000
const T = Date.UTC(2026, 10, 20, 12)
const WEEK = { from: T - 168 * H, to: T }
/** 50 minutes across an hour boundary: no whole UTC hour inside. */
const SHORT = { from: T - 30 * 60_000, to: T + 20 * 60_000 }
const zone = (tz: string) => new ZoneMap(tz, WEEK.from, WEEK.to)

interface Row {
  name: string
  metrics?: Metric[]
  filters?: Filter[]
  dimension?: Dimension
  interval?: Interval
  tz?: string
  range?: { from: number; to: number }
  opts?: PlanOptions
  source: Source
  joins?: Join[]
  reason: string
}

const FRAGMENTS = 'every filter and key is kept by session_hours: whole hours from it, edge hours from events'

const TABLE: Row[] = [
  // Summary
  { name: 'summary, no filter', source: 'session_hours', reason: FRAGMENTS },
  {
    name: 'summary, every non-goal metric',
    metrics: ['visitors', 'bounce_rate', 'page_views', 'unique_users'],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'summary, kept filter',
    filters: [{ field: 'country', value: 'DE' }],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'summary, include_bots',
    filters: [{ field: 'include_bots', value: 'true' }],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'summary, missing kept value',
    filters: [{ field: 'utm_source', value: null }],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'summary, goal metric',
    metrics: ['visitors', 'conversions'],
    source: 'events',
    reason: 'goal metrics need the events',
  },
  {
    name: 'summary, engagement metric',
    metrics: ['visitors', 'time_on_page'],
    source: 'events',
    reason: "engagement metrics read the engagement events' properties",
  },
  {
    name: 'breakdown by path, engaged visit duration',
    metrics: ['engaged_visit_duration'],
    dimension: { field: 'path' },
    source: 'events',
    reason: "engagement metrics read the engagement events' properties",
  },
  {
    name: 'breakdown by path, visitors',
    metrics: ['visitors'],
    dimension: { field: 'path' },
    source: 'events',
    reason: 'the dimension path is not a field session_hours keeps',
  },
  {
    name: 'summary, url filter',
    filters: [{ field: 'url', value: '/a' }],
    source: 'events',
    reason: 'the filter on url is not a field session_hours keeps',
  },
  {
    name: 'summary, property filter',
    filters: [{ property: 'plan', value: 'pro' }],
    source: 'events',
    reason: 'the filter on property plan is not a field session_hours keeps',
  },
  {
    name: 'summary, entry page filter',
    filters: [{ field: 'entry_page', value: '/a' }],
    source: 'events',
    reason: 'the filter on entry_page is not a field session_hours keeps',
  },
  {
    name: 'summary, goal filter',
    filters: [{ field: 'goal', value: 'Signup' }],
    source: 'events',
    reason: 'the filter on goal is not a field session_hours keeps',
  },
  {
    name: 'summary, no whole hour',
    range: SHORT,
    source: 'events',
    reason: 'the range holds no whole UTC hour',
  },
  {
    name: 'summary, fragments off',
    opts: { fragments: false },
    source: 'events',
    reason: 'fragment reads are switched off',
  },
  // Timeseries and retention
  { name: 'hourly in UTC', interval: 'hour', tz: 'UTC', source: 'session_hours', reason: FRAGMENTS },
  {
    name: 'daily in Berlin (whole-hour offsets)',
    interval: 'day',
    tz: 'Europe/Berlin',
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'monthly in New York',
    interval: 'month',
    tz: 'America/New_York',
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'by minute',
    interval: 'minute',
    tz: 'UTC',
    source: 'events',
    reason: 'minute buckets in UTC do not hold whole UTC hours',
  },
  {
    name: 'daily in Kolkata (+5:30)',
    interval: 'day',
    tz: 'Asia/Kolkata',
    source: 'events',
    reason: 'day buckets in Asia/Kolkata do not hold whole UTC hours',
  },
  {
    name: 'hourly, goal metric',
    interval: 'hour',
    tz: 'UTC',
    metrics: ['conversion_rate'],
    source: 'events',
    reason: 'goal metrics need the events',
  },
  {
    name: 'weekly retention',
    interval: 'week',
    tz: 'UTC',
    metrics: ['visitors'],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'weekly retention, url filter',
    interval: 'week',
    tz: 'UTC',
    metrics: ['visitors'],
    filters: [{ field: 'url', value: '/a' }],
    source: 'events',
    reason: 'the filter on url is not a field session_hours keeps',
  },
  // Breakdowns
  { name: 'by a kept field', dimension: { field: 'country' }, source: 'session_hours', reason: FRAGMENTS },
  {
    name: 'by a kept field, session metric',
    dimension: { field: 'browser' },
    metrics: ['bounce_rate'],
    source: 'session_hours',
    reason: FRAGMENTS,
  },
  {
    name: 'by a kept field, url filter',
    dimension: { field: 'country' },
    filters: [{ field: 'url', value: '/a' }],
    source: 'events',
    reason: 'the filter on url is not a field session_hours keeps',
  },
  {
    name: 'by a kept field, goal metric',
    dimension: { field: 'channel' },
    metrics: ['conversions'],
    source: 'events',
    reason: 'goal metrics need the events',
  },
  {
    name: 'by a kept field, fragments off',
    dimension: { field: 'country' },
    opts: { fragments: false },
    source: 'events',
    reason: 'fragment reads are switched off',
  },
  {
    name: 'by event type',
    dimension: { field: 'event_type' },
    source: 'events',
    reason: 'the dimension event_type is not a field session_hours keeps',
  },
  {
    name: 'by url',
    dimension: { field: 'url' },
    metrics: ['visitors'],
    source: 'events',
    joins: ['url_names'],
    reason: 'the dimension url is not a field session_hours keeps; url grouped by url key',
  },
  {
    name: 'by entry page',
    dimension: { field: 'entry_page' },
    source: 'events',
    joins: ['session_pages', 'url_names'],
    reason: "entry_page joins each event to its session's page, grouped by url key",
  },
  {
    name: 'by exit page, goal metric',
    dimension: { field: 'exit_page' },
    metrics: ['conversions'],
    source: 'events',
    joins: ['session_pages', 'url_names'],
    reason: "exit_page joins each event to its session's page, grouped by url key",
  },
  {
    name: 'by goal',
    dimension: { field: 'goal' },
    metrics: ['conversion_rate'],
    source: 'events',
    joins: ['goals'],
    reason: 'the goal dimension joins each event to the goals it completes',
  },
  {
    name: 'by a property, a count',
    dimension: { property: 'plan' },
    metrics: ['page_views'],
    source: 'property_counts',
    reason:
      'a count by a property: events counted per distinct properties text, the value read once per text',
  },
  {
    name: 'by a property, a distinct count',
    dimension: { property: 'plan' },
    metrics: ['visitors'],
    source: 'events',
    reason: 'the dimension property plan is not a field session_hours keeps',
  },
  {
    name: 'by referrer domain, a count',
    dimension: { field: 'referrer_domain' },
    source: 'referrer_domains',
    reason: 'referrer_domain by a count or distinct metric: the domain extracted once per distinct referrer',
  },
  {
    name: 'by referrer domain, a distinct count',
    dimension: { field: 'referrer_domain' },
    metrics: ['visitors'],
    source: 'referrer_domains',
    reason: 'referrer_domain by a count or distinct metric: the domain extracted once per distinct referrer',
  },
  {
    name: 'by referrer domain, a session metric',
    dimension: { field: 'referrer_domain' },
    metrics: ['bounce_rate'],
    source: 'events',
    reason: 'the dimension referrer_domain is not a field session_hours keeps',
  },
]

describe('planRead chooses one source, its joins and a reason', () => {
  for (const row of TABLE)
    test(row.name, () => {
      const input: PlanInput = {
        metrics: row.metrics ?? ['event_count'],
        filters: row.filters ?? [],
        range: row.range ?? WEEK,
        dimension: row.dimension,
        interval: row.interval,
        zone: row.tz ? zone(row.tz) : undefined,
      }
      expect(planRead(input, row.opts)).toEqual({
        source: row.source,
        joins: row.joins ?? [],
        reason: row.reason,
      })
    })
})
