// GET /api/v1/stats/timeseries against the oracle: every metric and interval, periods in four zones
// (one with a DST change inside, one with a half-hour offset, one with a half-hour DST change), filters.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { type Interval, METRIC_NAMES, type Metric } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { FILTERS, filtersFor, mismatches, ZONES } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { groupBy, metric, passes } from './oracle/oracle'
import { bucketLabel, dayStart, labelOfTime, labelsOf, parts, periodRange } from './oracle/time'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

const labelCache = new Map<string, (string | number)[]>()

/** The oracle's points: one per bucket label of the range, with the metric of the bucket's events. */
function expected(
  site: string,
  filters: [string, string][],
  m: Metric,
  interval: Interval,
  tz: string,
  period: string,
) {
  const r = periodRange(period, T0, tz)
  const key = `${tz}|${interval}|${r.from}|${r.to}`
  if (!labelCache.has(key)) labelCache.set(key, labelsOf(tz, interval, r.from, r.to))
  const rows = d.rows.filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters))
  const groups = groupBy(rows, (x) => bucketLabel(tz, interval, x.ts))
  return labelCache.get(key)!.map((label) => ({ label, value: metric(groups.get(label) ?? [], m) }))
}

/** The API's points as labels, after checking each `time` names its bucket's first instant in the zone. */
function actual(points: { time: string; value: number }[], interval: Interval, tz: string) {
  return points.map((p) => {
    const label = labelOfTime(interval, p.time)
    const t = Date.parse(p.time)
    if (interval === 'day' || interval === 'week' || interval === 'month') {
      const date = interval === 'month' ? `${label}-01` : String(label)
      if (t !== dayStart(tz, date)) return { label, value: p.value, wrongStart: p.time }
    } else if (Number(p.time.slice(11, 13)) !== parts(tz, t).h)
      return { label, value: p.value, wrongHour: p.time }
    return { label, value: p.value }
  })
}

const CASES: { interval: Interval; periods: string[] }[] = [
  { interval: 'minute', periods: ['1h'] },
  { interval: 'hour', periods: ['24h', 'today', 'yesterday'] },
  { interval: 'day', periods: ['30d', 'month'] },
  { interval: 'week', periods: ['90d'] },
  { interval: 'month', periods: ['90d'] },
]

describe('GET /api/v1/stats/timeseries matches the oracle', () => {
  for (const tz of ZONES)
    for (const { interval, periods } of CASES)
      test(`${interval} buckets in ${tz}: every metric over ${periods.join(', ')}`, async () => {
        const m = mismatches()
        for (const [i, name] of METRIC_NAMES.entries())
          for (const period of periods) {
            const site = SITES[i % SITES.length]
            const data = await d.get('/api/v1/stats/timeseries', {
              site_id: site,
              metric: name,
              period,
              interval,
              timezone: tz,
            })
            expect(data.interval).toBe(interval)
            m.check(
              `${site} ${name} ${period}`,
              actual(data.points, interval, tz),
              expected(site, [], name, interval, tz, period),
            )
          }
        m.done()
      })

  test('filters select the events of every bucket', async () => {
    const m = mismatches()
    for (const [j, f] of FILTERS.entries()) {
      const site = SITES[j % SITES.length]
      const filters = filtersFor(site, f)
      const name = METRIC_NAMES[j % METRIC_NAMES.length]
      const tz = ZONES[j % ZONES.length]
      const data = await d.get('/api/v1/stats/timeseries', {
        site_id: site,
        metric: name,
        period: '30d',
        interval: 'day',
        timezone: tz,
        ...Object.fromEntries(filters),
      })
      m.check(
        `${site} ${name} ${tz} ${JSON.stringify(filters)}`,
        actual(data.points, 'day', tz),
        expected(site, filters, name, 'day', tz, '30d'),
      )
    }
    m.done(FILTERS.length)
  })

  test('the default interval suits the period and the points sum to the period total', async () => {
    const intervals: Record<string, string> = { '1h': 'minute', '24h': 'hour', '7d': 'day', '90d': 'day' }
    for (const [period, interval] of Object.entries(intervals)) {
      const data = await d.get('/api/v1/stats/timeseries', { site_id: 'alpha', period })
      expect(data.interval).toBe(interval)
      const total = (await d.get('/api/v1/stats', { site_id: 'alpha', period, metric: 'event_count' })).value
      expect(data.points.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(total)
    }
  })
})
