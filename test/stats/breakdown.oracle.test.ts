// GET /api/v1/stats/breakdown against the oracle: every dimension (custom properties too) with every
// metric, filters, and paging through the rows with limit and offset.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { METRIC_NAMES } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { FILTERS, filtersFor, mismatches } from './oracle/cases'
import { type Dataset, loadDataset } from './oracle/dataset'
import { breakdown, passes } from './oracle/oracle'
import { periodRange } from './oracle/time'

// Hundreds of requests per test; a busy machine must not turn that into a timeout.
setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

const DIMENSIONS = [
  'event_type',
  'url',
  'path',
  'referrer',
  'referrer_domain',
  'device_type',
  'country',
  'property:plan',
  'property:amount',
  'property:a.b',
  'property:absent',
]

function selected(site: string, period: string, tz: string, filters: [string, string][]) {
  const r = periodRange(period, T0, tz)
  return d.rows.filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to && passes(x, filters))
}

describe('GET /api/v1/stats/breakdown matches the oracle', () => {
  for (const dimension of DIMENSIONS)
    test(`${dimension}: every metric, all rows`, async () => {
      const m = mismatches()
      for (const [i, name] of METRIC_NAMES.entries())
        for (const [period, tz] of [
          ['90d', 'UTC'],
          ['month', 'America/New_York'],
        ]) {
          const site = SITES[i % SITES.length]
          const data = await d.get('/api/v1/stats/breakdown', {
            site_id: site,
            dimension,
            metric: name,
            period,
            timezone: tz,
            limit: 1000,
          })
          const rows = breakdown(selected(site, period, tz, []), dimension, name)
          m.check(`${site} ${name} ${period}`, [data.rows, data.total_rows], [rows, rows.length])
        }
      m.done()
    })

  test('filters apply before grouping', async () => {
    const m = mismatches()
    for (const [j, f] of FILTERS.entries()) {
      const site = SITES[j % SITES.length]
      const filters = filtersFor(site, f)
      const dimension = DIMENSIONS[j % DIMENSIONS.length]
      const name = METRIC_NAMES[j % METRIC_NAMES.length]
      const data = await d.get('/api/v1/stats/breakdown', {
        site_id: site,
        dimension,
        metric: name,
        period: '30d',
        limit: 1000,
        ...Object.fromEntries(filters),
      })
      m.check(
        `${dimension} ${name} ${JSON.stringify(filters)}`,
        data.rows,
        breakdown(selected(site, '30d', 'UTC', filters), dimension, name),
      )
    }
    m.done(FILTERS.length)
  })

  test('url rows (grouped by url key, their URLs looked up for the page only) page through with any limit, ties across page edges included', async () => {
    for (const metric of ['visitors', 'event_count'] as const) {
      const all = breakdown(selected('beta', '90d', 'UTC', []), 'url', metric)
      expect(all.length).toBeGreaterThan(3)
      for (const limit of [1, 3]) {
        const pages = []
        for (let offset = 0; offset < all.length + limit; offset += limit) {
          const data = await d.get('/api/v1/stats/breakdown', {
            site_id: 'beta',
            dimension: 'url',
            metric,
            period: '90d',
            limit,
            offset,
          })
          expect(data.total_rows).toBe(all.length)
          pages.push(...data.rows)
        }
        expect(pages).toEqual(all)
      }
    }
  })

  test('limit and offset page through the sorted rows; the default limit is 10', async () => {
    const all = breakdown(selected('beta', '90d', 'UTC', []), 'referrer', 'visitors')
    expect(all.length).toBeGreaterThan(3)
    const pages = []
    for (let offset = 0; offset < all.length + 2; offset += 2) {
      const data = await d.get('/api/v1/stats/breakdown', {
        site_id: 'beta',
        dimension: 'referrer',
        metric: 'visitors',
        period: '90d',
        limit: 2,
        offset,
      })
      expect(data.total_rows).toBe(all.length)
      pages.push(...data.rows)
    }
    expect(pages).toEqual(all)
    const byDefault = await d.get('/api/v1/stats/breakdown', {
      site_id: 'beta',
      dimension: 'url',
      period: '90d',
    })
    expect(byDefault.metric).toBe('event_count')
    expect(byDefault.rows).toEqual(
      breakdown(selected('beta', '90d', 'UTC', []), 'url', 'event_count').slice(0, 10),
    )
  })
})
