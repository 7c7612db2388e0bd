// The combinations the oracle tests walk through: periods (with zones and custom ranges), filters, and
// a collector of mismatches so one failing combination shows every other one too.
import { expect } from 'bun:test'
import { T0 } from '../../helpers/app'

/** A period to ask for: its query parameters and how the oracle resolves it. */
export interface PeriodCase {
  label: string
  params: Record<string, string | number>
  period: string
  tz: string
  custom?: { from: number; to: number }
}

export const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const

const DAY = 86_400_000

/** Rolling periods, calendar periods in every zone, and custom ranges (epoch ms, and dates in a zone). */
export function periodCases(): PeriodCase[] {
  const out: PeriodCase[] = []
  for (const p of ['1h', '24h', '7d', '30d', '90d'])
    out.push({ label: p, params: { period: p }, period: p, tz: 'UTC' })
  for (const tz of ZONES)
    for (const p of ['today', 'yesterday', 'month'])
      out.push({ label: `${p} ${tz}`, params: { period: p, timezone: tz }, period: p, tz })
  const from = T0 - 10 * DAY + 12_345
  const to = T0 - 3 * DAY
  out.push({
    label: 'custom ms',
    params: { period: 'custom', from, to },
    period: 'custom',
    tz: 'UTC',
    custom: { from, to },
  })
  // Dates without a zone are read in `timezone`: New York midnights (EDT before 1 Nov, EST after).
  out.push({
    label: 'custom dates New York',
    params: { from: '2026-10-30', to: '2026-11-03', timezone: 'America/New_York' },
    period: 'custom',
    tz: 'America/New_York',
    custom: { from: Date.UTC(2026, 9, 30, 4), to: Date.UTC(2026, 10, 3, 5) },
  })
  return out
}

/** Filter sets (query parameter pairs); `{user}` is replaced with a user of the site. */
export const FILTERS: [string, string][][] = [
  [],
  [['event_type', 'page_view']],
  [['event_type', 'add to cart']],
  [['url', '/pricing']],
  [['url', '']],
  [['path', '/docs']],
  [['referrer', 'https://www.google.com/search?q=pulse']],
  [['referrer', '']],
  [['referrer_domain', 'google.com']],
  [['referrer_domain', 'twitter.com']],
  [['device_type', 'mobile']],
  [['country', 'de']],
  [['user_id', '{user}']],
  [['property.plan', 'pro']],
  [['property.amount', '49.9']],
  [['property.amount', '1e21']],
  [['property.trial', 'true']],
  [['property.a.b', 'x']],
  [['property.plan', '']],
  [
    ['device_type', 'desktop'],
    ['country', 'US'],
    ['event_type', 'page_view'],
  ],
]

/** The filter set for a site, as pairs. */
export function filtersFor(site: string, f: [string, string][]): [string, string][] {
  return f.map(([k, v]) => [k, v.replace('{user}', `${site}_user_3`)])
}

/** Collects mismatches; `done()` fails with all of them. */
export function mismatches() {
  const list: { label: string; actual: unknown; expected: unknown }[] = []
  let checked = 0
  return {
    check(label: string, actual: unknown, expected: unknown) {
      checked++
      if (!Bun.deepEquals(actual, expected, true)) list.push({ label, actual, expected })
    },
    done(min = 1) {
      expect(list.slice(0, 5)).toEqual([])
      expect(checked).toBeGreaterThanOrEqual(min)
    },
  }
}
