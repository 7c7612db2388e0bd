// Entry and exit pages and goals against the oracle: breakdowns by entry_page, exit_page and goal,
// summaries with entry/exit/goal filters, conversions and conversion_rate, on a dataset made for them:
// sessions with equal timestamps, sessions without page views, absolute URLs with queries, bot events,
// users across sessions, and goals of each kind (event, page pattern with *, property match).
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { METRIC_NAMES, type Metric } from '../../src/stats/registry'
import { laneEnv } from '../clickhouse/lane'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { rng, type WireEvent } from './fixtures/generate'
import { mismatches } from './oracle/cases'
import { groupBy, metric, normalize, passes, type Row } from './oracle/oracle'
import {
  completes,
  type GoalDef,
  goalBreakdown,
  goalContext,
  sessionPages,
  sessionValue,
} from './oracle/sessions-goals'

setDefaultTimeout(60_000)

const DAY = 86_400_000
const URLS = [
  '/',
  '/pricing',
  '/blog',
  '/blog/post-1',
  'https://shop.example/blog/2026/pulse?utm_source=x',
  '/checkout/pro/done',
  'https://shop.example/checkout/basic/done#top',
  '/checkout/pro/start',
  '/a_b',
  '/axb',
  '/100%',
]
const TYPES = ['page_view', 'page_view', 'page_view', 'signup', 'purchase', 'click']

const GOALS: GoalDef[] = [
  { name: 'Signup', kind: 'event', event_type: 'signup' },
  {
    name: 'Pro purchase',
    kind: 'event',
    event_type: 'purchase',
    property_key: 'plan',
    property_value: 'pro',
  },
  { name: 'Checkout done', kind: 'page', page_path: '/checkout/*/done' },
  { name: 'Blog', kind: 'page', page_path: '/blog*' },
  { name: 'Underscore', kind: 'page', page_path: '/a_b' },
  { name: 'Percent', kind: 'page', page_path: '/100%' },
  { name: 'Never', kind: 'event', event_type: 'nothing' },
]

/** Sessions over the last 6 days; some share a user, some have no page view, some events are bots. */
function generate(): { events: WireEvent[]; bots: Set<number> } {
  const r = rng(11)
  const events: WireEvent[] = []
  const bots = new Set<number>()
  for (let s = 0; s < 160; s++) {
    let ts = T0 - r.int(1, 6 * 24 * 60) * 60_000
    const user = r.chance(0.3) ? `u${r.int(1, 12)}` : null
    const device = r.pick(['desktop', 'mobile'])
    const noViews = r.chance(0.1)
    const bot = r.chance(0.06)
    for (let i = r.int(1, 6); i > 0; i--) {
      // Equal timestamps are common: the tie-break decides entry and exit pages.
      if (!r.chance(0.3)) ts += r.int(1, 40) * 60_000
      const type = noViews ? r.pick(['signup', 'click']) : r.pick(TYPES)
      if (bot) bots.add(events.length)
      events.push({
        site_id: 'shop',
        event_type: type,
        timestamp: Math.min(ts, T0 - 1000),
        session_id: `s${s}`,
        user_id: user,
        url: type === 'page_view' || r.chance(0.5) ? r.pick(URLS) : null,
        device_type: device,
        properties: r.chance(0.6) ? { plan: r.pick(['pro', 'basic']) } : null,
        ...(bot ? { bot_reason: 'ua' } : {}),
      } as WireEvent)
    }
  }
  return { events, bots }
}

let h: TestApp
let key: string
let rows: Row[]
let bots: Set<number>

beforeAll(async () => {
  h = await createTestApp({ PULSE_RATE_LIMIT_PER_MINUTE: '0', ...laneEnv() })
  key = (await h.site('shop')).secret_key
  await h.site('other')
  for (const g of GOALS) {
    const res = await h.json('POST', '/api/v1/sites/shop/goals', { key: ADMIN_TOKEN, body: g })
    expect(res.status).toBe(201)
  }
  // Another site's goal of the same name must not count for shop.
  await h.json('POST', '/api/v1/sites/other/goals', {
    key: ADMIN_TOKEN,
    body: { name: 'Signup', kind: 'event', event_type: 'click' },
  })
  const gen = generate()
  bots = gen.bots
  const res = await h.json('POST', '/collect/batch', { key, body: { events: gen.events } })
  expect(res.body.data).toEqual({ accepted: gen.events.length, rejected: [] })
  await h.deps.buffer.flush()
  rows = normalize(gen.events, h.clock())
})
afterAll(() => h.close())

async function get(path: string, params: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries({ site_id: 'shop', ...params }).map(([k, v]) => [k, String(v)]),
  )
  const res = await h.json('GET', `${path}?${qs}`, { key })
  if (res.status !== 200) throw new Error(`${path}?${qs} → ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.data
}

const PERIODS: { params: Record<string, string | number>; from: number; to: number }[] = [
  { params: { period: '7d' }, from: T0 - 7 * DAY, to: T0 },
  // A custom range cutting sessions: entry and exit pages are those inside the range.
  {
    params: { period: 'custom', from: T0 - 4 * DAY + 7_777_777, to: T0 - 2 * DAY },
    from: T0 - 4 * DAY + 7_777_777,
    to: T0 - 2 * DAY,
  },
]

/** The oracle's selection: the scope's non-bot rows, then the filters (session and goal ones too). */
function select(period: (typeof PERIODS)[number], filters: [string, string][], withoutGoal = false) {
  const withBots = filters.some(([n, v]) => n === 'include_bots' && v === 'true')
  const scope = rows.filter((r) => (withBots || !bots.has(r.idx)) && r.ts >= period.from && r.ts < period.to)
  const pages = sessionPages(scope)
  const selected = scope.filter((r) =>
    filters.every(([name, value]) => {
      const want = value === '' ? null : value
      if (name === 'include_bots') return true
      if (name === 'entry_page' || name === 'exit_page') return sessionValue(pages, r, name) === want
      if (name === 'goal') {
        if (withoutGoal) return true
        if (want === null) return !GOALS.some((g) => completes(r, g))
        const g = GOALS.find((x) => x.name === want)
        return g ? completes(r, g) : false
      }
      return passes(r, [[name, value]])
    }),
  )
  return { selected, pages }
}

function oracleMetric(period: (typeof PERIODS)[number], filters: [string, string][], m: Metric): number {
  const { selected } = select(period, filters)
  const goal = filters.find(([n]) => n === 'goal')?.[1]
  const den = select(period, filters, true).selected
  return metric(selected, m, goalContext(GOALS, goal === undefined ? undefined : goal || null, den))
}

const sortRows = (out: { key: string | null; value: number }[]) =>
  out.sort((a, b) => {
    if (a.value !== b.value) return b.value - a.value
    if (a.key === null) return 1
    if (b.key === null) return -1
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
  })

const METRICS: Metric[] = [...METRIC_NAMES]

describe('entry and exit pages match the oracle', () => {
  test('the dataset has what the definitions hinge on', () => {
    const scope = rows.filter((r) => !bots.has(r.idx))
    const views = scope.filter((r) => r.event_type === 'page_view')
    const ties = groupBy(views, (r) => `${r.session_id}|${r.ts}`)
    expect([...ties.values()].some((g) => new Set(g.map((r) => r.url)).size > 1)).toBe(true)
    const sessions = new Set(scope.map((r) => r.session_id))
    expect(sessions.size).toBeGreaterThan(sessionPages(scope).size)
    expect(bots.size).toBeGreaterThan(0)
  })

  for (const dimension of ['entry_page', 'exit_page'] as const)
    test(`breakdown by ${dimension}: every metric, with and without filters`, async () => {
      const m = mismatches()
      for (const period of PERIODS)
        for (const filters of [
          [],
          [['device_type', 'mobile']],
          [['goal', 'Signup']],
          [['include_bots', 'true']],
        ] as [string, string][][])
          for (const name of METRICS) {
            const data = await get('/api/v1/stats/breakdown', {
              ...period.params,
              ...Object.fromEntries(filters),
              dimension,
              metric: name,
              limit: 1000,
            })
            const { selected, pages } = select(period, filters)
            const den = select(period, filters, true).selected
            const goal = filters.find(([n]) => n === 'goal')?.[1]
            const groups = groupBy(selected, (r) => sessionValue(pages, r, dimension))
            const expected = sortRows(
              [...groups].map(([k, g]) => ({
                key: k,
                value: metric(
                  g,
                  name,
                  goalContext(
                    GOALS,
                    goal,
                    den.filter((r) => sessionValue(pages, r, dimension) === k),
                  ),
                ),
              })),
            )
            m.check(
              `${dimension} ${name} ${JSON.stringify(filters)} ${period.params.period}`,
              data.rows,
              expected,
            )
          }
      m.done()
    })

  test('entry and exit page rows page through with limit and offset as one sorted list', async () => {
    for (const dimension of ['entry_page', 'exit_page'] as const)
      for (const metric of ['visitors', 'bounce_rate'] as const) {
        const q = { ...PERIODS[0].params, dimension, metric }
        const all = await get('/api/v1/stats/breakdown', { ...q, limit: 1000 })
        expect(all.rows.length).toBeGreaterThan(3)
        const pages = []
        for (let offset = 0; offset < all.rows.length + 2; offset += 2) {
          const data = await get('/api/v1/stats/breakdown', { ...q, limit: 2, offset })
          expect(data.total_rows).toBe(all.rows.length)
          pages.push(...data.rows)
        }
        expect(pages).toEqual(all.rows)
      }
  })

  test('entry_page / exit_page filters keep every event of the matching sessions (empty: no page view)', async () => {
    const m = mismatches()
    const filterSets: [string, string][][] = [
      [['entry_page', '/']],
      [['entry_page', '/pricing']],
      [['exit_page', '/blog']],
      [['exit_page', 'https://shop.example/checkout/basic/done#top']],
      [['entry_page', '']],
      [['exit_page', '']],
      // With bots counted, their page views count for entry and exit pages too.
      [
        ['entry_page', '/'],
        ['include_bots', 'true'],
      ],
      [
        ['exit_page', ''],
        ['include_bots', 'true'],
      ],
      [
        ['entry_page', '/pricing'],
        ['device_type', 'desktop'],
      ],
    ]
    for (const period of PERIODS)
      for (const filters of filterSets) {
        const data = await get('/api/v1/stats', {
          ...period.params,
          ...Object.fromEntries(filters),
          metrics: METRICS.join(','),
        })
        const expected = Object.fromEntries(METRICS.map((x) => [x, oracleMetric(period, filters, x)]))
        m.check(`${JSON.stringify(filters)} ${period.params.period}`, data.metrics, expected)
      }
    m.done()
  })
})

describe('goals match the oracle', () => {
  test('every goal kind completes on the events it should', () => {
    const scope = rows.filter((r) => !bots.has(r.idx))
    for (const g of GOALS.filter((x) => x.name !== 'Never'))
      expect({ goal: g.name, hits: scope.some((r) => completes(r, g)) }).toEqual({ goal: g.name, hits: true })
    // `_` is not a wildcard: /axb completes no goal of the pattern /a_b.
    expect(completes({ event_type: 'page_view', url: '/axb', properties: null } as Row, GOALS[4])).toBe(false)
  })

  test('conversions and conversion_rate: any goal, each goal filter, and no goal', async () => {
    const m = mismatches()
    const filterSets: [string, string][][] = [
      [],
      ...GOALS.map((g) => [['goal', g.name]] as [string, string][]),
      [['goal', 'Not a goal']],
      [['goal', '']],
      [
        ['goal', 'Checkout done'],
        ['device_type', 'mobile'],
      ],
      [
        ['goal', 'Blog'],
        ['entry_page', '/'],
      ],
    ]
    for (const period of PERIODS)
      for (const filters of filterSets) {
        const data = await get('/api/v1/stats', {
          ...period.params,
          ...Object.fromEntries(filters),
          metrics: METRICS.join(','),
        })
        const expected = Object.fromEntries(METRICS.map((x) => [x, oracleMetric(period, filters, x)]))
        m.check(`${JSON.stringify(filters)} ${period.params.period}`, data.metrics, expected)
      }
    m.done()
    const all = await get('/api/v1/stats', { period: '7d', metrics: 'conversions,conversion_rate' })
    expect(all.metrics.conversions).toBeGreaterThan(0)
  })

  test('breakdown by goal: one row per goal of the site, every metric', async () => {
    const m = mismatches()
    for (const period of PERIODS)
      for (const filters of [[], [['device_type', 'mobile']]] as [string, string][][])
        for (const name of METRICS) {
          const data = await get('/api/v1/stats/breakdown', {
            ...period.params,
            ...Object.fromEntries(filters),
            dimension: 'goal',
            metric: name,
            limit: 1000,
          })
          const { selected } = select(period, filters)
          m.check(
            `goal ${name} ${JSON.stringify(filters)}`,
            [data.rows, data.total_rows],
            [goalBreakdown(GOALS, selected, selected, name), GOALS.length],
          )
        }
    m.done()
  })

  test('conversions over time: each day is the oracle over that day', async () => {
    const period = PERIODS[0]
    const data = await get('/api/v1/stats/timeseries', {
      period: '7d',
      metric: 'conversion_rate',
      interval: 'day',
    })
    const m = mismatches()
    for (const point of data.points as { time: string; value: number }[]) {
      const from = Math.max(Date.parse(point.time), period.from)
      const to = Math.min(Date.parse(point.time) + DAY, period.to)
      m.check(point.time, point.value, oracleMetric({ params: {}, from, to }, [], 'conversion_rate'))
    }
    m.done(7)
  })
})
