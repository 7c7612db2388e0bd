// The dashboard's pure client logic: periods and intervals, the view in the URL fragment, filters,
// number formatting, query strings and the first-run snippets.
import { describe, expect, test } from 'bun:test'
import { curlSnippet, scriptSnippet } from '../../src/dashboard/client/empty-state'
import { filterLabel } from '../../src/dashboard/client/filter-chips'
import {
  countryCode,
  formatChange,
  formatDuration,
  formatNumber,
  formatPercent,
  pagePath,
} from '../../src/dashboard/client/format'
import { goalRows } from '../../src/dashboard/client/goals'
import {
  chooseInterval,
  customRange,
  defaultCohortInterval,
  periodParams,
} from '../../src/dashboard/client/periods'
import {
  decodeView,
  encodeView,
  filterParams,
  isFilterField,
  type ViewState,
  withFilter,
} from '../../src/dashboard/client/state'
import { TABBED } from '../../src/dashboard/client/tabs'
import { toSearch } from '../../src/sdk/src/read'

const DEFAULTS: ViewState = { siteId: '', period: '7d', compare: true, filters: [] }

describe('periods', () => {
  test('each period gets a chart interval with a readable number of points', () => {
    expect(chooseInterval({ period: '1h' })).toBe('minute')
    expect(chooseInterval({ period: '24h' })).toBe('hour')
    expect(chooseInterval({ period: 'today' })).toBe('hour')
    expect(chooseInterval({ period: '7d' })).toBe('day')
    expect(chooseInterval({ period: '90d' })).toBe('day')
    expect(chooseInterval({ period: 'custom', from: '2026-11-01', to: '2026-11-02' })).toBe('hour')
    expect(chooseInterval({ period: 'custom', from: '2026-01-01', to: '2026-03-31' })).toBe('day')
    expect(chooseInterval({ period: 'custom', from: '2025-01-01', to: '2026-03-31' })).toBe('week')
    expect(chooseInterval({ period: 'custom', from: '2020-01-01', to: '2026-03-31' })).toBe('month')
  })

  test('retention uses daily cohorts up to two weeks and weekly ones beyond', () => {
    expect(defaultCohortInterval({ period: '7d' })).toBe('day')
    expect(defaultCohortInterval({ period: '30d' })).toBe('week')
    expect(defaultCohortInterval({ period: 'custom', from: '2026-11-01', to: '2026-11-14' })).toBe('day')
    expect(defaultCohortInterval({ period: 'custom', from: '2026-11-01', to: '2026-11-15' })).toBe('week')
  })

  test('custom dates are inclusive local days: the range ends at the next local midnight', () => {
    const r = customRange({ period: 'custom', from: '2026-11-01', to: '2026-11-03' })!
    expect(r.from).toBe(new Date(2026, 10, 1).getTime())
    expect(r.to).toBe(new Date(2026, 10, 4).getTime())
    expect(customRange({ period: 'custom', from: '2026-11-05', to: '2026-11-03' })).toBeUndefined()
    expect(customRange({ period: 'custom', from: 'nope', to: '2026-11-03' })).toBeUndefined()
  })

  test('period parameters carry the time zone; incomplete custom dates fall back to 30 days', () => {
    expect(periodParams({ period: 'today' }, 'Europe/Berlin')).toEqual({
      period: 'today',
      timezone: 'Europe/Berlin',
    })
    expect(periodParams({ period: 'custom' }, 'UTC')).toEqual({ period: '30d', timezone: 'UTC' })
    const p = periodParams({ period: 'custom', from: '2026-11-01', to: '2026-11-01' }, 'UTC')
    expect(p.period).toBe('custom')
    // Dates, read by the API as midnights in the zone sent (the site's): the last day is included.
    expect(p).toEqual({ period: 'custom', timezone: 'UTC', from: '2026-11-01', to: '2026-11-02' })
    expect(periodParams({ period: 'custom', from: '2026-02-28', to: '2028-02-28' }, 'UTC').to).toBe(
      '2028-02-29',
    )
  })
})

describe('view state in the URL fragment', () => {
  test('round-trips site, period, dates, comparison and filters (including empty values)', () => {
    const v: ViewState = {
      siteId: 'shop',
      period: 'custom',
      from: '2026-11-01',
      to: '2026-11-07',
      compare: false,
      filters: [
        { field: 'url', value: 'https://example.com/a?b=1&c=:' },
        { field: 'referrer_domain', value: '' },
        { field: 'property.plan', value: 'pro' },
      ],
    }
    expect(decodeView(`#${encodeView(v)}`, DEFAULTS)).toEqual(v)
  })

  test('never carries a token, and drops unknown or malformed parts', () => {
    const hash = encodeView({ ...DEFAULTS, siteId: 'shop' })
    expect(hash).not.toContain('token')
    const v = decodeView(
      '#site=<x>&period=forever&f=__proto__:1&f=nofield&f=country:DE&from=2026-1-1',
      DEFAULTS,
    )
    expect(v).toEqual({
      ...DEFAULTS,
      filters: [{ field: 'country', value: 'DE' }],
      from: undefined,
      to: undefined,
    })
  })

  test('a new filter on a field replaces the old one; filters become query parameters', () => {
    const f = withFilter(withFilter([], { field: 'country', value: 'US' }), { field: 'country', value: 'DE' })
    expect(f).toEqual([{ field: 'country', value: 'DE' }])
    expect(filterParams([...f, { field: 'property.plan', value: 'pro' }])).toEqual({
      country: 'DE',
      'property.plan': 'pro',
    })
    expect(isFilterField('property.a.b:c-d')).toBe(true)
    expect(isFilterField('property.')).toBe(false)
    expect(isFilterField('site_id')).toBe(false)
    // The enrichment fields the tabbed panels filter by survive a reload of the URL fragment.
    for (const field of ['browser', 'os', 'source', 'channel', 'utm_campaign', 'region', 'city'])
      expect(isFilterField(field)).toBe(true)
  })
})

describe('formatting', () => {
  test('numbers, percentages, durations and changes', () => {
    expect(formatNumber(1234)).toBe('1,234')
    expect(formatNumber(1_234_567)).toBe('1.2M')
    expect(formatPercent(43.75)).toBe('43.75%')
    expect(formatPercent(50)).toBe('50%')
    expect(formatDuration(45)).toBe('45s')
    expect(formatDuration(125)).toBe('2m 5s')
    expect(formatDuration(3780)).toBe('1h 3m')
    expect(formatChange(12.4)).toBe('+12%')
    expect(formatChange(-5)).toBe('−5%')
    expect(formatChange(0)).toBe('0%')
    expect(formatChange(null)).toBe('new')
  })

  test('page paths, country codes and filter labels', () => {
    expect(pagePath('https://example.com/a/b?x=1#h')).toBe('/a/b?x=1#h')
    expect(pagePath('/docs')).toBe('/docs')
    expect(pagePath('https://example.com/<script>?a=<b>')).toBe('/<script>?a=<b>')
    expect(pagePath('https://example.com')).toBe('/')
    expect(countryCode('us')).toBe('US')
    expect(countryCode('<b')).toBe('')
    expect(filterLabel({ field: 'country', value: 'DE' })).toBe('Country: Germany')
    expect(filterLabel({ field: 'referrer_domain', value: '' })).toBe('Referrer: Direct / none')
    expect(filterLabel({ field: 'property.plan', value: 'pro' })).toBe('plan: pro')
    expect(filterLabel({ field: 'channel', value: 'Organic Search' })).toBe('Channel: Organic Search')
    expect(filterLabel({ field: 'utm_campaign', value: 'spring' })).toBe('Campaign: spring')
    expect(filterLabel({ field: 'source', value: '' })).toBe('Source: Direct / none')
  })
})

describe('entry and exit pages, goals', () => {
  test('an Entry pages | Exit pages card breaks down by entry_page and exit_page, shown as paths', () => {
    const card = TABBED.find((c) => c.id === 'entry-exit')
    expect(card?.tabs.map((t) => [t.name, t.dimension])).toEqual([
      ['Entry pages', 'entry_page'],
      ['Exit pages', 'exit_page'],
    ])
    expect(card?.tabs[0].label?.('https://shop.example/pricing?x=1')).toBe('/pricing?x=1')
  })

  test('the Goals card pairs each goal’s conversions with its rate, in the conversions’ order', () => {
    const rows = goalRows(
      [
        { key: 'Signup', value: 12 },
        { key: 'Checkout', value: 3 },
        { key: 'Never', value: 0 },
      ],
      [
        { key: 'Checkout', value: 7.5 },
        { key: 'Signup', value: 30 },
      ],
    )
    expect(rows).toEqual([
      { goal: 'Signup', conversions: 12, rate: 30 },
      { goal: 'Checkout', conversions: 3, rate: 7.5 },
      { goal: 'Never', conversions: 0, rate: 0 },
    ])
  })

  test('entry_page, exit_page and goal filters survive the URL fragment and read as chips', () => {
    const view: ViewState = {
      ...DEFAULTS,
      siteId: 'shop',
      filters: [
        { field: 'entry_page', value: 'https://shop.example/pricing' },
        { field: 'exit_page', value: '' },
        { field: 'goal', value: 'Signup' },
      ],
    }
    expect(decodeView(encodeView(view), DEFAULTS)).toEqual(view)
    expect(filterLabel(view.filters[0])).toBe('Entry page: /pricing')
    expect(filterLabel(view.filters[1])).toBe('Exit page: (no page view)')
    expect(filterLabel(view.filters[2])).toBe('Goal: Signup')
    expect(filterLabel({ field: 'goal', value: '' })).toBe('Goal: (no goal)')
  })
})

describe('requests and snippets', () => {
  test('query strings keep empty values (a "missing" filter) and drop undefined ones', () => {
    expect(toSearch({ site_id: 'a b', referrer: '', compare: undefined, limit: 5 })).toBe(
      '?site_id=a+b&referrer=&limit=5',
    )
    expect(toSearch({})).toBe('')
  })

  test('the first-run snippets carry the site id and the server address', () => {
    const curl = curlSnippet('http://localhost:3000', 'shop')
    expect(curl).toContain('curl -X POST http://localhost:3000/collect')
    expect(curl).toContain('"site_id": "shop"')
    expect(curl).toContain(`"timestamp": '$(date +%s000)'`)
    const script = scriptSnippet('http://localhost:3000', "it's")
    expect(script).toContain('<script src="http://localhost:3000/tracker.js"></script>')
    expect(script).toContain('siteId: "it\'s"')
  })
})
