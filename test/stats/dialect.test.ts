// No DuckDB-only syntax leaks past the dialect (src/events/dialect.ts): every kind of stats query, built
// with a second, ClickHouse-shaped dialect, contains none of the DuckDB spellings the dialect covers, binds
// the same values in the same order as with DuckDB, and names each of them by a typed placeholder. The
// dialect here is shaped like ClickHouse's (its spellings), not checked against a ClickHouse engine: that
// is issue 20's lane.
import { describe, expect, test } from 'bun:test'
import type { Query } from '../../src/db/rows'
import { type Dialect, duckdbDialect, type ParamType } from '../../src/events/dialect'
import { keySql } from '../../src/events/keys'
import type { Dimension } from '../../src/stats/parse/dimension'
import type { Filter } from '../../src/stats/parse/filters'
import type { ReadOptions } from '../../src/stats/plan'
import { DIMENSION_FIELDS, INTERVAL_NAMES, METRIC_NAMES } from '../../src/stats/registry'
import { buildEventsPage } from '../../src/stats/sql/events'
import { buildExportBounds, buildExportHistogram, buildExportPage } from '../../src/stats/sql/export'
import { buildFunnel } from '../../src/stats/sql/funnel'
import { buildBreakdown, buildTimeseries } from '../../src/stats/sql/grouped'
import { buildOverview } from '../../src/stats/sql/overview'
import { buildJourneyPaths, buildJourneyTotals } from '../../src/stats/sql/paths'
import { buildTopPages } from '../../src/stats/sql/realtime'
import { buildRetention } from '../../src/stats/sql/retention'
import { buildSummary } from '../../src/stats/sql/summary'
import { ZoneMap } from '../../src/stats/time/zone-map'

const CH_TYPE: Record<ParamType, string> = {
  text: 'String',
  int: 'Int64',
  uint: 'UInt64',
  float: 'Float64',
  bool: 'Bool',
}
const fromMs = (ms: string) => `fromUnixTimestamp64Milli(${ms}, 'UTC')`

/** ClickHouse's spellings (string literals escape backslashes; `//` would start a comment). */
const clickhouseShaped: Dialect = {
  name: 'clickhouse-shaped',
  param: (i, type) => `{p${i}:${CH_TYPE[type]}}`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  key: (text) => `reinterpretAsUInt64(substring(MD5(${text}), 9, 8))`,
  argMin: (value, order) => `argMin(${value}, (${order.join(', ')}))`,
  argMax: (value, order) => `argMax(${value}, (${order.join(', ')}))`,
  propertyPath: (key) => key,
  propertyPathSql: (keyExpr) => keyExpr,
  property: (json, key) => `if(JSONHas(${json}, ${key}), JSONExtractString(${json}, ${key}), NULL)`,
  epochMonth: (ms) => `toYear(${fromMs(ms)}) * 12 + toMonth(${fromMs(ms)}) - 1`,
  countDistinct: (expr, where) => (where ? `uniqExactIf(${expr}, ${where})` : `uniqExact(${expr})`),
  countIf: (cond) => `countIf(${cond})`,
  toInt64: (expr) => `toInt64(${expr})`,
  cte: (name, sql) => `${name} AS (${sql})`,
  like: (text, pattern) => `${text} LIKE ${pattern}`,
  regexpExtract: (text, pattern, group) =>
    `regexpExtract(${text}, '${pattern.replaceAll('\\', '\\\\')}', ${group})`,
  anyValue: (expr) => `any(${expr})`,
  quantileCont: (expr, q) => `quantileExactInclusive(${q})(${expr})`,
  tryDouble: (text) => `toFloat64OrNull(${text})`,
  jsonKeys: (json) => `arrayJoin(JSONExtractKeys(assumeNotNull(${json})))`,
  nullSafeEq: (a, b) => `isNotDistinctFrom(${a}, ${b})`,
  rowId: 'event_seq',
  bitMaskAgg: (i) => `groupBitOr(bitShiftLeft(toUInt128(1), ${i}))`,
  bitTest: (mask, i) => `bitTest(${mask}, ${i}) = 1`,
  series: (count, column) => `(SELECT number AS ${column} FROM numbers(${count})) t`,
}

/** DuckDB spellings the dialect covers: none may appear outside string literals. */
const DUCKDB_ONLY: [string, RegExp][] = [
  ['$n placeholder', /\$\d/],
  ['// integer division', /\/\//],
  ['md5_number_lower', /md5_number_lower/i],
  ['arg_min / arg_max', /arg_(min|max)/i],
  ['json_extract', /json_extract/i],
  ['epoch_ms / year() / month()', /epoch_ms|\byear\(|\bmonth\(/i],
  ['NOT MATERIALIZED', /NOT MATERIALIZED/i],
  ['FILTER (WHERE', /FILTER\s*\(\s*WHERE/i],
  ['count(DISTINCT', /count\(\s*DISTINCT/i],
  [':: cast', /::/],
  ['CAST', /\bCAST\(/i],
  ['UHUGEINT / bit_or', /UHUGEINT|bit_or/i],
  ['range() table function', /\brange\(/i],
  ['regexp_extract', /regexp_extract/i],
  ['regexp_matches', /regexp_matches/i],
  ['any_value', /any_value/i],
  ['IS NOT DISTINCT FROM', /IS NOT DISTINCT FROM/i],
  ['LIKE … ESCAPE', /\bESCAPE\b/i],
  ['rowid', /\browid\b/i],
]

/**
 * The SQL with each string literal emptied (`''` is a quote; with ClickHouse's rules, `\` escapes too); null
 * when one is left open.
 */
function outsideLiterals(sql: string, backslashEscapes = true): string | null {
  let out = ''
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") {
      out += sql[i]
      continue
    }
    let j = i + 1
    for (; j < sql.length; j++) {
      if (sql[j] === '\\' && backslashEscapes) j++
      else if (sql[j] === "'") {
        if (sql[j + 1] === "'") j++
        else break
      }
    }
    if (j >= sql.length) return null
    out += "''"
    i = j
  }
  return out
}

const H = 3_600_000
const T = Date.UTC(2026, 10, 20, 12)
const RANGES = [
  { from: T - 168 * H, to: T },
  { from: T - 168 * H + 123_456, to: T - 654_321 },
  { from: T - 10 * 60_000, to: T },
]
const FILTER_SETS: Filter[][] = [
  [],
  [{ field: 'country', value: 'DE' }],
  [{ field: 'url', value: '/x' }],
  [{ property: 'plan', value: 'pro' }],
  [{ field: 'entry_page', value: '/a' }],
  [{ field: 'exit_page', value: null }],
  [{ field: 'goal', value: 'Signup' }],
  [{ field: 'goal', value: null }],
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
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata']
const DIMENSIONS: Dimension[] = [...DIMENSION_FIELDS.map((field) => ({ field })), { property: 'plan' }]

/** Every kind of stats query, built with the read options given. */
function everyQuery(opts: ReadOptions): [string, Query][] {
  const out: [string, Query][] = []
  for (const [ri, range] of RANGES.entries())
    for (const [fi, filters] of FILTER_SETS.entries()) {
      const at = `range ${ri}, filters ${fi}`
      out.push([`summary, ${at}`, buildSummary('s', range, filters, METRIC_NAMES, opts)])
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
      if (fi === 0)
        for (const tz of ZONES)
          for (const i of ['hour', 'day', 'week'] as const)
            out.push([
              `overview ${i} ${tz}, range ${ri}`,
              buildOverview(['s', 't'], range, i, new ZoneMap(tz, range.from, range.to), opts),
            ])
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
      const journey = { page: '/a', direction: 'previous' as const, depth: 2 }
      out.push([`journey totals, ${at}`, buildJourneyTotals('s', range, filters, journey, opts)])
      out.push([`journey paths, ${at}`, buildJourneyPaths('s', range, filters, journey, 2, 10, opts)])
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
        buildExportPage('s', range, filters, RANGES[2], 10, { ts: T - 5, rowid: 7 }, opts),
      ])
    }
  return out
}

describe('a second dialect gets no DuckDB-only syntax', () => {
  for (const fragments of [true, false]) {
    const ch = everyQuery({ dialect: clickhouseShaped, fragments })
    const duck = everyQuery({ fragments })

    test(`every query kind, fragments ${fragments ? 'on' : 'off'} (${ch.length} queries)`, () => {
      const leaks: string[] = []
      for (const [name, q] of ch) {
        const bare = outsideLiterals(q.sql)
        if (bare === null) {
          leaks.push(`${name}: an unterminated string literal`)
          continue
        }
        for (const [what, re] of DUCKDB_ONLY) if (re.test(bare)) leaks.push(`${name}: ${what}`)
      }
      expect(leaks.slice(0, 20)).toEqual([])
    })

    test(`the same values bound in the same order, each by a typed placeholder (fragments ${fragments ? 'on' : 'off'})`, () => {
      ch.forEach(([name, q], i) => {
        // Only a property's address differs: a JSON path for DuckDB, the key itself here.
        const expected = duck[i][1].params.map((v) =>
          typeof v === 'string' ? v.replace(/^\$\."(.*)"$/, '$1') : v,
        )
        expect(q.params, name).toEqual(expected)
        const used = new Set(
          [...q.sql.matchAll(/\{p(\d+):(String|Int64|Float64|Bool)\}/g)].map((m) => Number(m[1])),
        )
        expect(
          [...used].sort((a, b) => a - b),
          name,
        ).toEqual(q.params.map((_, j) => j + 1))
      })
    })
  }

  test('the check is live: each DuckDB spelling appears in some query built with DuckDB', () => {
    const bare = everyQuery({}).map(([, q]) => outsideLiterals(q.sql, false) ?? '')
    const missing = DUCKDB_ONLY.filter(([, re]) => !bare.some((s) => re.test(s))).map(([what]) => what)
    expect(missing).toEqual([])
  })

  test('the plans use the session_hours, property_counts and referrer_domains paths too', () => {
    const sql = everyQuery({ dialect: clickhouseShaped }).map(([, q]) => q.sql)
    expect(sql.some((s) => s.includes('FROM session_hours'))).toBe(true)
    expect(sql.some((s) => s.includes('GROUP BY properties'))).toBe(true)
    expect(sql.some((s) => s.includes('SELECT DISTINCT referrer'))).toBe(true)
  })

  test('the stored keys go through the dialect; the writer keeps DuckDB', () => {
    expect(keySql('url')).toBe('md5_number_lower(url)')
    expect(keySql('url', duckdbDialect)).toBe('md5_number_lower(url)')
    expect(keySql('url', clickhouseShaped)).toBe('reinterpretAsUInt64(substring(MD5(url), 9, 8))')
  })
})
