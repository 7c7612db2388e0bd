// Every kind of stats query the builders make, in a given dialect: the ClickHouse lane runs each of them
// on the real engine (test/clickhouse/dialect.chdb.test.ts). Mirrors test/stats/dialect.test.ts's list.
import type { Query } from '../../src/db/rows'
import type { Dimension } from '../../src/stats/parse/dimension'
import type { Filter } from '../../src/stats/parse/filters'
import type { ReadOptions } from '../../src/stats/plan'
import { DIMENSION_FIELDS, INTERVAL_NAMES, METRIC_NAMES } from '../../src/stats/registry'
import { buildEventsPage } from '../../src/stats/sql/events'
import { buildExportBounds, buildExportHistogram, buildExportPage } from '../../src/stats/sql/export'
import { buildFunnel } from '../../src/stats/sql/funnel'
import { buildBreakdown, buildTimeseries } from '../../src/stats/sql/grouped'
import { buildTopPages } from '../../src/stats/sql/realtime'
import { buildRetention } from '../../src/stats/sql/retention'
import { buildSummary } from '../../src/stats/sql/summary'
import { ZoneMap } from '../../src/stats/time/zone-map'

const H = 3_600_000
/** The reference instant of the queries. */
export const T = Date.UTC(2026, 10, 20, 12)
const RANGES = [
  { from: T - 168 * H, to: T },
  { from: T - 168 * H + 123_456, to: T - 654_321 },
]
const FILTER_SETS: Filter[][] = [
  [],
  [{ field: 'country', value: 'DE' }],
  [{ field: 'url', value: '/x' }],
  [{ property: 'plan', value: 'pro' }],
  [{ field: 'entry_page', value: '/a' }],
  [{ field: 'exit_page', value: null }],
  [{ field: 'goal', value: 'Signup' }],
  [
    { field: 'include_bots', value: 'true' },
    { field: 'referrer_domain', value: 'g.com' },
  ],
  [
    { field: 'url', op: 'contains', values: ['/blog/', '50%_off'] },
    { field: 'referrer_domain', op: 'is_not', values: [null] },
    { field: 'country', op: 'is', values: ['DE', 'AT', null] },
    { property: 'plan', op: 'does_not_contain', values: ['free'] },
    { field: 'url', op: 'matches', values: ['^/blog/[a-z]+$'] },
    { field: 'device_type', op: 'starts_with', values: ['mob'] },
    { field: 'entry_page', op: 'is_not', values: ['/a', null] },
    { field: 'goal', op: 'is', values: ['Signup', 'Buy'] },
  ],
]
const ZONES = ['UTC', 'Asia/Kolkata']
const DIMENSIONS: Dimension[] = [...DIMENSION_FIELDS.map((field) => ({ field })), { property: 'plan' }]

/** Every kind of stats query, built with `opts` (a name and the query each). */
export function everyQuery(opts: ReadOptions): [string, Query][] {
  const out: [string, Query][] = []
  for (const [ri, range] of RANGES.entries())
    for (const [fi, filters] of FILTER_SETS.entries()) {
      const at = `range ${ri}, filters ${fi}`
      out.push([
        `summary compared, ${at}`,
        buildSummary('s', [range, RANGES[0]], filters, METRIC_NAMES, opts),
      ])
      for (const m of METRIC_NAMES) {
        for (const tz of ZONES)
          for (const i of INTERVAL_NAMES)
            out.push([
              `timeseries ${m} ${i} ${tz}, ${at}`,
              buildTimeseries('s', range, filters, m, i, new ZoneMap(tz, range.from, range.to), opts),
            ])
        for (const d of DIMENSIONS)
          out.push([
            `breakdown ${m} by ${JSON.stringify(d)}, ${at}`,
            buildBreakdown('s', range, filters, m, d, { limit: 10, offset: 5 }, opts),
          ])
      }
      for (const tz of ZONES)
        for (const i of ['day', 'week'] as const)
          out.push([
            `retention ${i} ${tz}, ${at}`,
            buildRetention(
              's',
              range,
              filters,
              i,
              new ZoneMap(tz, range.from, range.to),
              { firstKey: 20_000, count: 8 },
              opts,
            ),
          ])
      const steps = [{ event_type: 'page_view', url: '/a' }, { event_type: 'signup' }]
      out.push([`funnel, ${at}`, buildFunnel('s', range, filters, steps, opts)])
      out.push([`realtime top pages, ${at}`, buildTopPages('s', range, filters, 10, opts)])
      out.push([`raw events, ${at}`, buildEventsPage('s', range, filters, 10, undefined, opts)])
      out.push([
        `raw events after a cursor, ${at}`,
        buildEventsPage('s', range, filters, 10, { ts: T - 5, rowid: 7 }, opts),
      ])
      out.push([`export bounds, ${at}`, buildExportBounds('s', range, filters, opts)])
      out.push([`export histogram, ${at}`, buildExportHistogram('s', range, filters, T - 1000, 77, opts)])
      out.push([
        `export page, ${at}`,
        buildExportPage('s', range, filters, RANGES[1], 10, { ts: T - 5, rowid: 7 }, opts),
      ])
    }
  return out
}

/**
 * A fixed sample of `queries` that still has, for every kind, each metric, dimension, interval, zone, range
 * and filter set of `everyQuery`'s names: a query is kept when one of its name's words, its range or its
 * filter set (each prefixed by its kind) was not seen in a query kept before it.
 */
export function sampleQueries(queries: [string, Query][]): [string, Query][] {
  const seen = new Set<string>()
  return queries.filter(([name]) => {
    const [head, at] = name.split(', range ')
    const kind = head.split(' ')[0]
    // `at` is "<range>, filters <n>": each filter set once per kind, each range once per kind.
    const [range, filters] = at.split(', ')
    const features = [
      `${kind}|range ${range}`,
      `${kind}|${filters}`,
      ...head.split(' ').map((w) => `${kind}|${w}`),
    ]
    const fresh = features.filter((f) => !seen.has(f))
    for (const f of fresh) seen.add(f)
    return fresh.length > 0
  })
}
