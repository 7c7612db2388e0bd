// GET /api/v1/stats/journeys against the oracle: for start pages, both directions, every depth, with
// filters and conditions, each session's ordered page views walked in plain TypeScript.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { T0 } from '../helpers/app'
import { SITES } from './fixtures/generate'
import { mismatches } from './oracle/cases'
import { type Condition, select } from './oracle/conditions'
import { type Dataset, loadDataset } from './oracle/dataset'
import type { Row } from './oracle/oracle'
import { periodRange } from './oracle/time'

setDefaultTimeout(60_000)

let d: Dataset
beforeAll(async () => {
  d = await loadDataset()
})
afterAll(() => d.close())

/** The journey by its definition: sessions through `page`, then the top paths of each depth. */
function journey(rows: Row[], page: string, direction: string, depth: number, limit: number) {
  const sessions = new Map<string, Row[]>()
  for (const r of rows)
    if (r.event_type === 'page_view' && r.url !== null)
      sessions.set(r.session_id, [...(sessions.get(r.session_id) ?? []), r])
  const walks: string[][] = []
  for (const views of sessions.values()) {
    const urls = views
      .sort((a, b) => a.ts - b.ts || (a.url! < b.url! ? -1 : a.url! > b.url! ? 1 : 0))
      .map((r) => r.url!)
    const i = urls.indexOf(page)
    if (i < 0) continue
    walks.push(direction === 'next' ? urls.slice(i + 1) : urls.slice(0, i).reverse())
  }
  const steps = []
  for (let k = 1; k <= depth; k++) {
    const groups = new Map<string, { pages: string[]; sessions: number; exits: number }>()
    for (const w of walks) {
      if (w.length < k) continue
      const pages = w.slice(0, k)
      const key = JSON.stringify(pages)
      const g = groups.get(key) ?? { pages, sessions: 0, exits: 0 }
      g.sessions++
      if (w.length === k) g.exits++
      groups.set(key, g)
    }
    const cmp = (a: string[], b: string[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
      return 0
    }
    const reached = walks.filter((w) => w.length >= k).length
    const before = k === 1 ? walks.length : walks.filter((w) => w.length >= k - 1).length
    steps.push({
      step: k,
      sessions: reached,
      drop_off: before - reached,
      paths: [...groups.values()]
        .sort((a, b) => b.sessions - a.sessions || cmp(a.pages, b.pages))
        .slice(0, limit),
    })
  }
  return { sessions: walks.length, steps }
}

const CASES: { page: string; direction: string; depth: number; limit: number; conditions?: Condition[] }[] = [
  { page: '/', direction: 'next', depth: 3, limit: 10 },
  { page: '/', direction: 'previous', depth: 2, limit: 5 },
  { page: '/pricing', direction: 'next', depth: 5, limit: 100 },
  { page: '/blog/a', direction: 'previous', depth: 4, limit: 3 },
  {
    page: '/pricing',
    direction: 'next',
    depth: 2,
    limit: 10,
    conditions: [['is_not', 'device_type', ['mobile']]],
  },
  {
    page: '/',
    direction: 'next',
    depth: 3,
    limit: 10,
    conditions: [['contains', 'url', ['blog', 'pricing', '/']]],
  },
]

describe('GET /api/v1/stats/journeys matches the oracle', () => {
  test('start pages, both directions, depths 2 to 5, with conditions, every site', async () => {
    const m = mismatches()
    const r = periodRange('30d', T0, 'UTC')
    for (const c of CASES)
      for (const site of SITES) {
        const scope = d.rows.filter((x) => x.site_id === site && x.ts >= r.from && x.ts < r.to)
        const rows = c.conditions ? select(scope, c.conditions) : scope
        const data = await d.get('/api/v1/stats/journeys', {
          site_id: site,
          period: '30d',
          page: c.page,
          direction: c.direction,
          depth: c.depth,
          limit: c.limit,
          ...(c.conditions ? { conditions: JSON.stringify(c.conditions) } : {}),
        })
        const want = journey(rows, c.page, c.direction, c.depth, c.limit)
        m.check(`${site} ${JSON.stringify(c)}`, { sessions: data.sessions, steps: data.steps }, want)
      }
    m.done(CASES.length * SITES.length)
  })

  test('the cases are not vacuous: sessions go on and stop at every depth', async () => {
    const data = await d.get('/api/v1/stats/journeys', {
      site_id: SITES[0]!,
      period: '30d',
      page: '/',
      depth: 3,
    })
    expect(data.sessions).toBeGreaterThan(10)
    expect(
      data.steps.every((s: { sessions: number; drop_off: number }) => s.sessions > 0 && s.drop_off > 0),
    ).toBe(true)
  })

  test('a missing or bad page, direction or depth is a 422', async () => {
    for (const qs of ['', 'page=nope', 'page=/&direction=up', 'page=/&depth=9', 'page=/&limit=0']) {
      const res = await d.h.json('GET', `/api/v1/stats/journeys?site_id=${SITES[0]}&${qs}`, {
        key: d.keys[SITES[0]!],
      })
      expect([qs, res.status, res.body.status]).toEqual([qs, 422, 422])
    }
  })
})
