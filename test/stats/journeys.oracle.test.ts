// POST /api/v1/funnels and GET /api/v1/retention against the oracle: ordered steps (with URLs, repeated
// steps and equal timestamps), periods and filters; cohorts by day and week in two zones.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import type { Interval } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { FILTERS, filtersFor, mismatches, periodCases } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { funnel, groupBy, passes, type Row, ratio } from './oracle/oracle'
import { bucketLabel, labelsOf, periodRange } from './oracle/time'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

const FUNNELS: { event_type: string; url?: string }[][] = [
  [{ event_type: 'page_view' }, { event_type: 'signup' }],
  [{ event_type: 'page_view' }, { event_type: 'click' }, { event_type: 'purchase' }],
  [{ event_type: 'page_view', url: '/pricing' }, { event_type: 'signup' }, { event_type: 'purchase' }],
  [{ event_type: 'page_view' }, { event_type: 'page_view' }, { event_type: 'page_view' }],
  [{ event_type: 'add to cart' }, { event_type: 'page_view', url: '/checkout' }, { event_type: 'purchase' }],
  [
    { event_type: 'page_view' },
    { event_type: 'click' },
    { event_type: 'page_view' },
    { event_type: 'click' },
    { event_type: 'page_view' },
    { event_type: 'click' },
    { event_type: 'page_view' },
    { event_type: 'click' },
    { event_type: 'page_view' },
    { event_type: 'click' },
  ],
]

function expectedFunnel(rows: Row[], steps: { event_type: string; url?: string }[]) {
  const counts = funnel(rows, steps)
  return {
    conversion_rate: ratio(100 * counts[counts.length - 1], counts[0]),
    steps: steps.map((s, i) => {
      const before = i === 0 ? counts[0] : counts[i - 1]
      return {
        ...s,
        sessions: counts[i],
        conversion_rate: ratio(100 * counts[i], counts[0]),
        drop_off: before - counts[i],
        drop_off_rate: ratio(100 * (before - counts[i]), before),
      }
    }),
  }
}

describe('POST /api/v1/funnels matches the oracle', () => {
  test('every funnel over every period, sites in turn', async () => {
    const m = mismatches()
    for (const [i, pc] of periodCases().entries())
      for (const [j, steps] of FUNNELS.entries()) {
        const site = SITES[(i + j) % SITES.length]
        const res = await d.h.json('POST', '/api/v1/funnels', {
          key: d.keys[site],
          body: { site_id: site, ...pc.params, steps },
        })
        expect(res.status).toBe(200)
        const r = periodRange(pc.period, T0, pc.tz, pc.custom)
        const rows = d.rows.filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to)
        const { conversion_rate, steps: got } = res.body.data
        m.check(
          `${pc.label} ${site} funnel ${j}`,
          { conversion_rate, steps: got },
          expectedFunnel(rows, steps),
        )
      }
    m.done()
  })

  test('filters (in the body) select the events of every step', async () => {
    const m = mismatches()
    for (const [j, f] of FILTERS.entries()) {
      const site = SITES[j % SITES.length]
      const filters = filtersFor(site, f)
      const steps = FUNNELS[j % FUNNELS.length]
      const res = await d.h.json('POST', '/api/v1/funnels', {
        key: d.keys[site],
        body: { site_id: site, period: '90d', filters: Object.fromEntries(filters), steps },
      })
      const r = periodRange('90d', T0, 'UTC')
      const rows = d.rows.filter(
        (x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters),
      )
      m.check(
        `${JSON.stringify(filters)}`,
        { conversion_rate: res.body.data.conversion_rate, steps: res.body.data.steps },
        expectedFunnel(rows, steps),
      )
    }
    m.done(FILTERS.length)
  })
})

/** The oracle's retention: cohorts by first selected event, activity per later bucket. */
function expectedRetention(rows: Row[], interval: Interval, tz: string, from: number, to: number) {
  const labels = labelsOf(tz, interval, from, to)
  const index = new Map(labels.map((l, i) => [l, i]))
  const cohorts = labels.map((_, i) => new Array<number>(labels.length - i).fill(0))
  for (const events of groupBy(rows, (r) => r.user_id ?? r.session_id).values()) {
    const first = Math.min(...events.map((e) => e.ts))
    const c = index.get(bucketLabel(tz, interval, first))!
    const active = new Set(events.map((e) => index.get(bucketLabel(tz, interval, e.ts))!))
    for (const k of active) cohorts[c][k - c]++
  }
  return cohorts.map((counts) => ({
    visitors: counts[0],
    counts,
    rates: counts.map((n) => ratio(100 * n, counts[0])),
  }))
}

describe('GET /api/v1/retention matches the oracle', () => {
  const cases: [Interval, string, string][] = [
    ['day', '7d', 'UTC'],
    ['day', '30d', 'America/New_York'],
    ['day', 'month', 'Australia/Lord_Howe'],
    ['week', '90d', 'UTC'],
    ['week', '90d', 'America/New_York'],
    ['day', 'yesterday', 'Asia/Kolkata'],
  ]
  for (const [interval, period, tz] of cases)
    test(`${interval} cohorts over ${period} in ${tz}, with and without filters`, async () => {
      const m = mismatches()
      for (const [j, f] of [
        [],
        [['device_type', 'mobile']],
        [['event_type', 'page_view']],
        [['property.plan', 'pro']],
      ].entries()) {
        const site = SITES[j % SITES.length]
        const filters = f as [string, string][]
        const data = await d.get('/api/v1/retention', {
          site_id: site,
          interval,
          period,
          timezone: tz,
          ...Object.fromEntries(filters),
        })
        const r = periodRange(period, T0, tz)
        const rows = d.rows.filter(
          (x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters),
        )
        const got = data.cohorts.map((c: { visitors: number; counts: number[]; rates: number[] }) => ({
          visitors: c.visitors,
          counts: c.counts,
          rates: c.rates,
        }))
        m.check(
          `${site} ${JSON.stringify(filters)}`,
          got,
          expectedRetention(rows, interval, tz, r.from, r.to),
        )
        const labels = labelsOf(tz, interval, r.from, r.to)
        m.check(
          `${site} cohort labels`,
          data.cohorts.map((c: { cohort: string }) => c.cohort.slice(0, 10)),
          labels,
        )
      }
      m.done()
    })
})
