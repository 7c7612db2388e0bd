// The `conditions` parameter (operators and value lists) against the oracle: every operator on event
// fields, derived fields, custom properties and session pages, with lists, negations that keep missing
// values and LIKE wildcards taken literally; through the summary (every metric, compared), the
// breakdown, the timeseries, raw events and the funnel. Bad conditions are 422s naming the problem.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { METRIC_NAMES } from '../../src/stats/registry'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { mismatches } from './oracle/cases'
import { type Condition, select } from './oracle/conditions'
import { type Dataset, loadDataset } from './oracle/dataset'
import { breakdown, change, funnel, metric } from './oracle/oracle'
import { periodRange } from './oracle/time'

setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

/** Condition sets; each is checked on every site. */
const SETS: Condition[][] = [
  [['is', 'country', ['de', 'AU']]],
  [['is', 'referrer', ['', 'https://www.google.com/search?q=pulse']]],
  [['is_not', 'referrer_domain', ['']]],
  [['is_not', 'device_type', ['mobile', 'tablet']]],
  [['is_not', 'device_type', ['mobile', '']]],
  [['contains', 'url', ['/blog/']]],
  [['contains', 'url', ['%']]],
  [['contains', 'url', ['_']]],
  [['does_not_contain', 'url', ['blog', 'pricing']]],
  [['starts_with', 'url', ['/blog/', 'https://']]],
  [['starts_with', 'url', ['/blog_']]],
  [['matches', 'url', ['^/blog/[ab]$', 'docs\\?x=\\d']]],
  [['matches', 'referrer', ['google|ycombinator']]],
  [['is', 'property.plan', ['pro', 'team']]],
  [['is_not', 'property.plan', ['']]],
  [['contains', 'property.plan', ['r']]],
  [['does_not_contain', 'property.plan', ['e']]],
  [['is', 'event_type', ['page_view', 'add to cart']]],
  [['is', 'entry_page', ['/', '/pricing']]],
  [['is_not', 'exit_page', ['/checkout', '']]],
  [['is', 'entry_page', ['']]],
  [
    ['starts_with', 'url', ['/blog/']],
    ['is_not', 'referrer_domain', ['']],
  ],
  [
    ['is', 'country', ['US', 'IN']],
    ['does_not_contain', 'referrer', ['google']],
    ['is_not', 'property.plan', ['free']],
  ],
]

const PERIOD = '30d'
const r = periodRange(PERIOD, T0, 'UTC')
const inRange = (site: string, from: number, to: number) =>
  d.rows.filter((x) => x.site_id === site && x.ts >= from && x.ts < to)

describe('conditions match the oracle', () => {
  test('the summary: every metric, with the previous period, for every set (sites in turn)', async () => {
    const m = mismatches()
    for (const [i, set] of SETS.entries())
      for (const site of [SITES[i % SITES.length]!]) {
        const data = await d.get('/api/v1/stats', {
          site_id: site,
          period: PERIOD,
          metrics: METRIC_NAMES.join(','),
          compare: 'previous_period',
          conditions: JSON.stringify(set),
        })
        const cur = select(inRange(site, r.from, r.to), set)
        const prev = select(inRange(site, r.prevFrom, r.prevTo), set)
        const metrics = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(cur, n)]))
        const previous = Object.fromEntries(METRIC_NAMES.map((n) => [n, metric(prev, n)]))
        m.check(
          `${site} ${JSON.stringify(set)}`,
          [data.metrics, data.previous.metrics, data.changes],
          [
            metrics,
            previous,
            Object.fromEntries(METRIC_NAMES.map((n) => [n, change(metrics[n], previous[n])])),
          ],
        )
      }
    m.done(SETS.length)
  })

  test('the sets select something and leave something out (the cases are not vacuous)', () => {
    const site = SITES[0]
    const all = inRange(site, r.from, r.to)
    const sizes = SETS.map((set) => select(all, set).length)
    expect(sizes.filter((n) => n > 0 && n < all.length).length).toBeGreaterThanOrEqual(SETS.length - 3)
  })

  test('breakdowns by url and referrer_domain under conditions', async () => {
    const m = mismatches()
    for (const set of SETS)
      for (const dimension of ['url', 'referrer_domain', 'property:plan']) {
        const site = SITES[1 % SITES.length]
        const data = await d.get('/api/v1/stats/breakdown', {
          site_id: site,
          period: PERIOD,
          dimension,
          metric: 'visitors',
          limit: 1000,
          conditions: JSON.stringify(set),
        })
        const want = breakdown(select(inRange(site, r.from, r.to), set), dimension, 'visitors')
        m.check(`${dimension} ${JSON.stringify(set)}`, data.rows, want)
      }
    m.done(SETS.length * 3)
  })

  test('the timeseries by day, the raw events and the funnel under conditions', async () => {
    const m = mismatches()
    const site = SITES[0]
    for (const set of SETS) {
      const rows = select(inRange(site, r.from, r.to), set)
      const ts = await d.get('/api/v1/stats/timeseries', {
        site_id: site,
        period: PERIOD,
        interval: 'day',
        metric: 'event_count',
        conditions: JSON.stringify(set),
      })
      const total = ts.points.reduce((a: number, p: { value: number }) => a + p.value, 0)
      m.check(`timeseries ${JSON.stringify(set)}`, total, rows.length)
      const raw = await d.get('/api/v1/events', {
        site_id: site,
        period: PERIOD,
        limit: 1000,
        conditions: JSON.stringify(set),
      })
      m.check(`events ${JSON.stringify(set)}`, raw.events.length, Math.min(rows.length, 1000))
      const qs = new URLSearchParams({
        site_id: site,
        period: PERIOD,
        format: 'ndjson',
        conditions: JSON.stringify(set),
      })
      const exported = await d.h.request('GET', `/api/v1/export?${qs}`, { key: d.keys[site] })
      const lines = (await exported.text()).split('\n').filter((l) => l !== '')
      m.check(`export ${JSON.stringify(set)}`, [exported.status, lines.length], [200, rows.length])
      const steps = [{ event_type: 'page_view' }, { event_type: 'add to cart' }]
      const res = await d.h.json('POST', '/api/v1/funnels', {
        key: d.keys[site],
        body: { site_id: site, period: PERIOD, steps, conditions: set },
      })
      m.check(
        `funnel ${JSON.stringify(set)}`,
        res.body.data?.steps?.map((s: { visitors?: number; sessions?: number }) => s.sessions ?? s.visitors),
        funnel(rows, steps),
      )
    }
    m.done(SETS.length * 4)
  })

  test('equality parameters and conditions combine with AND', async () => {
    const site = SITES[0]
    const data = await d.get('/api/v1/stats', {
      site_id: site,
      period: PERIOD,
      metric: 'event_count',
      device_type: 'desktop',
      conditions: JSON.stringify([['starts_with', 'url', ['/blog/']]]),
    })
    const want = select(inRange(site, r.from, r.to), [
      ['is', 'device_type', ['desktop']],
      ['starts_with', 'url', ['/blog/']],
    ]).length
    expect(data.value).toBe(want)
    expect(want).toBeGreaterThan(0)
  })
})

describe('bad conditions are 422s naming the problem', () => {
  const BAD: [conditions: string, path: string, words: string][] = [
    ['not json', '$.conditions', 'JSON array'],
    ['{"a":1}', '$.conditions', 'JSON array'],
    ['[["like","url",["/a"]]]', '$.conditions[0][0]', 'must be one of is, is_not'],
    ['[["is","nope",["/a"]]]', '$.conditions[0][1]', 'must be one of'],
    ['[["is","url",[]]]', '$.conditions[0][2]', '1 to 50'],
    ['[["is","url","/a"]]', '$.conditions[0][2]', '1 to 50'],
    ['[["is","url",["nope"]]]', '$.conditions[0][2][0]', 'absolute http(s) URL'],
    ['[["is","country",["DEU"]]]', '$.conditions[0][2][0]', 'at most 2 characters'],
    ['[["is","country",["D1"]]]', '$.conditions[0][2][0]', 'two-letter'],
    ['[["contains","url",[""]]]', '$.conditions[0][2][0]', 'must not be empty'],
    ['[["matches","url",["(a"]]]', '$.conditions[0][2][0]', 'not an accepted pattern'],
    ['[["matches","url",["(?=a)b"]]]', '$.conditions[0][2][0]', 'look-around'],
    ['[["matches","url",["(a)\\\\1"]]]', '$.conditions[0][2][0]', 'back-references'],
    ['[["matches","url",["a{1,5000}"]]]', '$.conditions[0][2][0]', 'repetition counts'],
    [`[["matches","url",["${'a'.repeat(300)}"]]]`, '$.conditions[0][2][0]', 'longer than 256'],
    ['[["contains","entry_page",["/a"]]]', '$.conditions[0][0]', 'must be is or is_not for entry_page'],
    ['[["is","include_bots",["true","false"]]]', '$.conditions[0]', 'takes only'],
    [JSON.stringify(Array.from({ length: 21 }, () => ['is', 'url', ['/a']])), '$.conditions', 'at most 20'],
  ]
  for (const [conditions, path, words] of BAD)
    test(`${conditions.slice(0, 60)} → 422 at ${path}`, async () => {
      const qs = new URLSearchParams({ site_id: SITES[0], conditions })
      const res = await d.h.json('GET', `/api/v1/stats?${qs}`, { key: d.keys[SITES[0]] })
      expect(res.status).toBe(422)
      expect(res.body.success).toBe(false)
      expect(res.body.status).toBe(422)
      expect(res.body.error).toContain(words)
      expect(res.body.details?.[0]?.path).toBe(path)
    })
})
