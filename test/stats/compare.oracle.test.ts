// Comparisons (previous_period, year_over_year, custom) and the calendar presets (last_month, 12mo,
// year_to_date, all, today, yesterday) against the oracle: the summary's ranges and every metric, the
// timeseries with its compared points, and breakdown rows with their previous value and change, in two
// zones with DST; then the clock moved onto DST days in both zones and onto Feb 29 of a leap year.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { METRIC_NAMES } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { mismatches } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { breakdown, change, groupBy, metric } from './oracle/oracle'
import { bucketLabel, labelOfTime, labelsOf, periodRange, yearEarlier } from './oracle/time'

setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

const ZONES = ['Europe/Berlin', 'America/New_York']
const PRESETS = ['today', 'yesterday', 'last_month', '12mo', 'year_to_date', 'all']
const MODES = ['previous_period', 'year_over_year', 'custom'] as const
const DAY = 86_400_000
/** The custom compared range: a fixed span inside the dataset. */
const CUSTOM = { from: T0 - 40 * DAY, to: T0 - 25 * DAY }
const iso = (t: number) => new Date(t).toISOString()

const siteRows = (site: string) => d.rows.filter((r) => r.site_id === site)
const within = (site: string, from: number, to: number) =>
  siteRows(site).filter((r) => r.ts >= from && r.ts < to)

/** The oracle's range and compared range of a preset and comparison mode at `now`. */
function ranges(site: string, period: string, tz: string, mode: (typeof MODES)[number], now = T0) {
  const first = Math.min(...siteRows(site).map((r) => r.ts))
  const r = periodRange(period, now, tz, undefined, first)
  const cmp =
    mode === 'custom'
      ? CUSTOM
      : mode === 'year_over_year'
        ? { from: yearEarlier(tz, r.from), to: yearEarlier(tz, r.to) }
        : { from: r.prevFrom, to: r.prevTo }
  return { from: r.from, to: r.to, cmp }
}

function compareParams(mode: (typeof MODES)[number]): Record<string, string | number> {
  return mode === 'custom'
    ? { compare: mode, compare_from: CUSTOM.from, compare_to: iso(CUSTOM.to) }
    : { compare: mode }
}

describe('comparisons and presets match the oracle', () => {
  for (const tz of ZONES)
    test(`the summary: every preset and comparison mode in ${tz}, every metric`, async () => {
      const m = mismatches()
      for (const [i, period] of PRESETS.entries())
        for (const mode of MODES) {
          const site = SITES[i % SITES.length]!
          const r = ranges(site, period, tz, mode)
          const cur = within(site, r.from, r.to)
          const prev = within(site, r.cmp.from, r.cmp.to)
          const metrics = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(cur, n)]))
          const previous = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(prev, n)]))
          const data = await d.get('/api/v1/stats', {
            site_id: site,
            period,
            timezone: tz,
            metrics: METRIC_NAMES.join(','),
            ...compareParams(mode),
          })
          m.check(`${site} ${period} ${mode}`, data, {
            period,
            timezone: tz,
            from: iso(r.from),
            to: iso(r.to),
            metrics,
            previous: { from: iso(r.cmp.from), to: iso(r.cmp.to), metrics: previous },
            changes: Object.fromEntries(METRIC_NAMES.map((n) => [n, change(metrics[n], previous[n])])),
          })
        }
      m.done(PRESETS.length * MODES.length)
    })

  test('the presets are not vacuous: last_month and all hold events, all starts at the first local day', () => {
    const site = SITES[0]!
    const r = ranges(site, 'last_month', 'Europe/Berlin', 'previous_period')
    expect(within(site, r.from, r.to).length).toBeGreaterThan(0)
    expect(within(site, r.cmp.from, r.cmp.to).length).toBeGreaterThan(0)
    const all = ranges(site, 'all', 'UTC', 'previous_period')
    expect(within(site, all.from, all.to).length).toBe(siteRows(site).filter((x) => x.ts < T0).length)
  })

  for (const tz of ZONES)
    test(`the timeseries by day with its compared points, ${tz}`, async () => {
      const m = mismatches()
      for (const [i, mode] of MODES.entries()) {
        const site = SITES[i % SITES.length]!
        const r = ranges(site, 'last_month', tz, mode)
        const data = await d.get('/api/v1/stats/timeseries', {
          site_id: site,
          period: 'last_month',
          timezone: tz,
          interval: 'day',
          metric: 'visitors',
          ...compareParams(mode),
        })
        const points = (from: number, to: number) => {
          const groups = groupBy(within(site, from, to), (x) => bucketLabel(tz, 'day', x.ts))
          return labelsOf(tz, 'day', from, to).map((label) => ({
            label,
            value: metric(groups.get(label) ?? [], 'visitors'),
          }))
        }
        const label = (p: { time: string; value: number }[]) =>
          p.map((x) => ({ label: labelOfTime('day', x.time), value: x.value }))
        m.check(`${site} ${mode} points`, label(data.points), points(r.from, r.to))
        m.check(
          `${site} ${mode} comparison`,
          [data.comparison.from, data.comparison.to],
          [iso(r.cmp.from), iso(r.cmp.to)],
        )
        m.check(
          `${site} ${mode} compared points`,
          label(data.comparison.points),
          points(r.cmp.from, r.cmp.to),
        )
      }
      m.done(MODES.length * 3)
    })

  test('breakdown rows each get their previous value and change', async () => {
    const m = mismatches()
    for (const dimension of ['url', 'referrer_domain', 'property:plan', 'entry_page', 'country'])
      for (const [i, mode] of MODES.entries()) {
        const site = SITES[i % SITES.length]!
        const r = ranges(site, 'last_month', 'America/New_York', mode)
        const data = await d.get('/api/v1/stats/breakdown', {
          site_id: site,
          period: 'last_month',
          timezone: 'America/New_York',
          dimension,
          metric: 'visitors',
          limit: 3,
          offset: 1,
          ...compareParams(mode),
        })
        const cur = within(site, r.from, r.to)
        const prev = within(site, r.cmp.from, r.cmp.to)
        const rowsOf = (rows: typeof cur) =>
          dimension === 'entry_page' ? null : breakdown(rows, dimension, 'visitors')
        const now = rowsOf(cur)
        if (now === null) {
          // entry_page: the oracle of sessions is elsewhere; check the shape and the change arithmetic.
          for (const row of data.rows)
            m.check(`${dimension} ${mode} ${row.key}`, row.change, change(row.value, row.previous_value))
          continue
        }
        const before = new Map(rowsOf(prev)!.map((x) => [x.key, x.value]))
        const want = now.slice(1, 4).map((x) => ({
          ...x,
          previous_value: before.get(x.key) ?? 0,
          change: change(x.value, before.get(x.key) ?? 0),
        }))
        m.check(`${site} ${dimension} ${mode}`, data.rows, want)
      }
    m.done(15)
  })
})

describe('calendar presets on DST days and Feb 29', () => {
  // [label, clock, zone, period, compare mode]: the range and compared range must be the oracle's.
  const CASES: [string, number, string, string, (typeof MODES)[number]][] = [
    [
      'Berlin spring forward (23 h yesterday)',
      Date.UTC(2026, 2, 30, 9),
      'Europe/Berlin',
      'yesterday',
      'year_over_year',
    ],
    [
      'Berlin fall back (25 h today so far)',
      Date.UTC(2026, 9, 25, 23, 30),
      'Europe/Berlin',
      'today',
      'previous_period',
    ],
    [
      'New York fall back (25 h yesterday)',
      Date.UTC(2026, 10, 2, 15),
      'America/New_York',
      'yesterday',
      'year_over_year',
    ],
    [
      'New York spring forward, last month',
      Date.UTC(2026, 3, 1, 12),
      'America/New_York',
      'last_month',
      'previous_period',
    ],
    [
      'New York year to date across DST',
      Date.UTC(2026, 6, 4, 16),
      'America/New_York',
      'year_to_date',
      'previous_period',
    ],
    [
      'Feb 29 as yesterday, year over year',
      Date.UTC(2028, 2, 1, 10),
      'Europe/Berlin',
      'yesterday',
      'year_over_year',
    ],
    [
      'Feb 29 as today, previous period',
      Date.UTC(2028, 1, 29, 20),
      'America/New_York',
      'today',
      'previous_period',
    ],
    ['12 months ending on Feb 29', Date.UTC(2028, 1, 29, 12), 'Europe/Berlin', '12mo', 'previous_period'],
    [
      'last month is February 2028 (29 days)',
      Date.UTC(2028, 2, 15),
      'America/New_York',
      'last_month',
      'year_over_year',
    ],
  ]
  for (const [label, now, tz, period, mode] of CASES)
    test(label, async () => {
      d.h.clock.set(now)
      try {
        const r = ranges(SITES[0]!, period, tz, mode, now)
        const data = await d.get('/api/v1/stats', {
          site_id: SITES[0]!,
          period,
          timezone: tz,
          metrics: 'event_count',
          compare: mode,
        })
        expect([data.from, data.to, data.previous.from, data.previous.to]).toEqual([
          iso(r.from),
          iso(r.to),
          iso(r.cmp.from),
          iso(r.cmp.to),
        ])
        expect(data.metrics.event_count).toBe(within(SITES[0]!, r.from, r.to).length)
      } finally {
        d.h.clock.set(T0)
      }
    })

  test('the DST cases are DST days: 23 and 25 hour days', () => {
    const berlin = ranges(SITES[0]!, 'yesterday', 'Europe/Berlin', 'year_over_year', Date.UTC(2026, 2, 30, 9))
    expect(berlin.to - berlin.from).toBe(23 * 3_600_000)
    expect(berlin.cmp.to - berlin.cmp.from).toBe(24 * 3_600_000)
    const ny = ranges(SITES[0]!, 'yesterday', 'America/New_York', 'year_over_year', Date.UTC(2026, 10, 2, 15))
    expect(ny.to - ny.from).toBe(25 * 3_600_000)
    const feb = ranges(SITES[0]!, 'yesterday', 'Europe/Berlin', 'year_over_year', Date.UTC(2028, 2, 1, 10))
    expect(iso(feb.cmp.from)).toBe('2027-02-27T23:00:00.000Z')
    expect(iso(feb.cmp.to)).toBe('2027-02-28T23:00:00.000Z')
  })
})

describe('bad comparisons are 422s', () => {
  const BAD: [Record<string, string>, string][] = [
    [{ compare: 'weekly' }, '$.compare'],
    [{ compare: 'custom', compare_from: '2026-10-01' }, '$.compare_to'],
    [{ compare: 'custom', compare_from: '2026-10-05', compare_to: '2026-10-01' }, '$.compare_to'],
    [{ compare_from: '2026-10-01', compare_to: '2026-10-05' }, '$.compare'],
    [{ compare: 'year_over_year', compare_from: '2026-10-01' }, '$.compare'],
    [{ compare: 'custom', compare_from: 'yesterday', compare_to: '2026-10-05' }, '$.compare_from'],
  ]
  for (const [params, path] of BAD)
    for (const route of ['/api/v1/stats', '/api/v1/stats/timeseries', '/api/v1/stats/breakdown'])
      test(`${route} ${JSON.stringify(params)} → 422 at ${path}`, async () => {
        const qs = new URLSearchParams({ site_id: SITES[0]!, dimension: 'url', ...params })
        if (route !== '/api/v1/stats/breakdown') qs.delete('dimension')
        const res = await d.h.json('GET', `${route}?${qs}`, { key: d.keys[SITES[0]!] })
        expect([res.status, res.body.success, res.body.status]).toEqual([422, false, 422])
        expect(res.body.details?.[0]?.path).toBe(path)
      })
})
