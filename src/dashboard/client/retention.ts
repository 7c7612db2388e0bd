// The retention table: visitor cohorts by first-seen day or week (rows), and the share of each
// cohort seen again 0, 1, 2 … intervals later (columns), shaded by that share.
import { h } from './dom'
import { formatNumber } from './format'

/** One cohort as the retention API returns it. */
export interface Cohort {
  cohort: string
  visitors: number
  counts: number[]
  rates: number[]
}

/** "2026-11-18T00:00:00+01:00" → "Nov 18" (the date as the API wrote it, in the requested time zone). */
export function cohortLabel(iso: string, interval: 'day' | 'week'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const label = d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
  return interval === 'week' ? `Week of ${label}` : label
}

/** The retention table for `cohorts`. */
export function renderRetention(cohorts: Cohort[], interval: 'day' | 'week'): HTMLElement {
  const width = Math.max(1, ...cohorts.map((c) => c.rates.length))
  const unit = interval === 'week' ? 'Week' : 'Day'
  const head = h(
    'tr',
    {},
    h('th', { class: 'cohort', attrs: { scope: 'col' } }, 'Cohort'),
    h('th', { attrs: { scope: 'col' } }, 'Visitors'),
    ...Array.from({ length: width }, (_, k) => h('th', { attrs: { scope: 'col' } }, `${unit} ${k}`)),
  )
  const rows = cohorts.map((c) =>
    h(
      'tr',
      { attrs: { 'data-cohort': c.cohort } },
      h('th', { class: 'cohort', attrs: { scope: 'row' } }, cohortLabel(c.cohort, interval)),
      h('td', 'size', formatNumber(c.visitors)),
      ...Array.from({ length: width }, (_, k) => {
        if (k >= c.rates.length || c.visitors === 0) return h('td', {}, '')
        const rate = c.rates[k]
        const cell = h(
          'td',
          {
            class: rate >= 55 ? 'cell strong' : 'cell',
            attrs: { title: `${formatNumber(c.counts[k] ?? 0)} of ${formatNumber(c.visitors)} visitors` },
          },
          `${Math.round(rate)}%`,
        )
        cell.style.setProperty('--p', String(Math.max(0, Math.min(100, rate))))
        return cell
      }),
    ),
  )
  return h('div', 'table-scroll', h('table', 'retention', h('thead', {}, head), h('tbody', {}, ...rows)))
}
