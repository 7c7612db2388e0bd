// GET /api/v1/stats against the oracle: every metric, for every period (calendar ones in four zones,
// custom ranges), every filter set and every site, with the previous period and the change.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { METRIC_NAMES } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { FILTERS, filtersFor, mismatches, periodCases } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { change, engagementValue, metric, passes } from './oracle/oracle'
import { periodRange } from './oracle/time'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

describe('GET /api/v1/stats matches the oracle', () => {
  for (const [i, pc] of periodCases().entries())
    test(`all metrics with compare, ${pc.label}, every filter (sites in turn)`, async () => {
      const r = periodRange(pc.period, T0, pc.tz, pc.custom)
      const m = mismatches()
      for (const [j, f] of FILTERS.entries()) {
        const site = SITES[(i + j) % SITES.length]
        const filters = filtersFor(site, f)
        const data = await d.get('/api/v1/stats', {
          site_id: site,
          ...pc.params,
          metrics: METRIC_NAMES.join(','),
          compare: 'previous_period',
          ...Object.fromEntries(filters),
        })
        const sel = d.rows.filter((row) => row.site_id === site && passes(row, filters))
        const cur = sel.filter((row) => row.ts >= r.from && row.ts < r.to)
        const prev = sel.filter((row) => row.ts >= r.prevFrom && row.ts < r.prevTo)
        const metrics = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(cur, n)]))
        const previous = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(prev, n)]))
        const label = `${site} ${JSON.stringify(filters)}`
        m.check(label, data, {
          period: pc.period,
          timezone: pc.tz,
          from: new Date(r.from).toISOString(),
          to: new Date(r.to).toISOString(),
          metrics,
          previous: {
            from: new Date(r.prevFrom).toISOString(),
            to: new Date(r.prevTo).toISOString(),
            metrics: previous,
          },
          changes: Object.fromEntries(METRIC_NAMES.map((n) => [n, change(metrics[n], previous[n])])),
        })
      }
      m.done(FILTERS.length)
    })

  test('the single-metric form answers each metric in the seed shape (plus previous_value and change)', async () => {
    const m = mismatches()
    for (const site of SITES)
      for (const name of METRIC_NAMES)
        for (const period of ['24h', '30d']) {
          const r = periodRange(period, T0, 'UTC')
          const rows = d.rows.filter((row) => row.site_id === site)
          const value = metric(
            rows.filter((row) => row.ts >= r.from && row.ts < r.to),
            name,
          )
          const prev = metric(
            rows.filter((row) => row.ts >= r.prevFrom && row.ts < r.prevTo),
            name,
          )
          m.check(
            `${site} ${name} ${period}`,
            await d.get('/api/v1/stats', { site_id: site, metric: name, period }),
            {
              metric: name,
              value,
              period,
            },
          )
          m.check(
            `${site} ${name} ${period} compare`,
            await d.get('/api/v1/stats', { site_id: site, metric: name, period, compare: 'previous_period' }),
            { metric: name, value, period, previous_value: prev, change: change(value, prev) },
          )
        }
    m.done()
  })

  test('the dataset exercises what it should: edges, missing fields, ratios with decimals', () => {
    const rows = d.rows
    expect(rows.length).toBeGreaterThan(2000)
    expect(rows.some((r) => r.url === null)).toBe(true)
    expect(rows.some((r) => r.user_id === null) && rows.some((r) => r.user_id !== null)).toBe(true)
    expect(rows.some((r) => r.ts === T0)).toBe(true) // sent ahead of the clock, stored at receive time
    const dur = metric(
      rows.filter((r) => r.site_id === 'alpha'),
      'avg_session_duration',
    )
    expect(Math.round(dur * 100) % 100).not.toBe(0)
    // Engagement: real values (with decimals), values left out, and pages without any.
    const alpha = rows.filter((r) => r.site_id === 'alpha')
    for (const m of ['time_on_page', 'scroll_depth', 'engaged_visit_duration'] as const)
      expect(Math.round(metric(alpha, m) * 100) % 100).not.toBe(0)
    const eng = rows.filter((r) => r.event_type === 'engagement')
    expect(eng.length).toBeGreaterThan(300)
    expect(eng.some((r) => engagementValue(r, 'time_ms', 86_400_000) === null)).toBe(true)
    expect(eng.some((r) => engagementValue(r, 'scroll', 100) === null)).toBe(true)
    expect(metric(alpha, 'engaged_visit_duration')).not.toBe(metric(alpha, 'avg_session_duration'))
  })
})
