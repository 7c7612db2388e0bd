// The retention panel: visitor cohorts by first-seen day or week (rows), and the share of each
// cohort seen again 0, 1, 2 … intervals later (columns), shaded by that share.
import { h } from './dom'
import { formatNumber } from './format'
import { createPanel, type Panel } from './panel'
import { defaultCohortInterval } from './periods'
import { fetchRetention, type Scope } from './queries'

/** The retention card and its loader. */
export interface RetentionPanel {
  panel: Panel
  /** Load for the current view; `isCurrent` tells whether the answer is still wanted. */
  load(isCurrent: () => boolean): Promise<void>
}

/** Create the retention card with its day/week picker; `scope` gives the current view. */
export function createRetentionPanel(scope: () => Scope): RetentionPanel {
  const panel = createPanel('retention', 'Retention')
  const picker = h(
    'select',
    { attrs: { id: 'retention-interval', 'aria-label': 'Cohort interval' } },
    h('option', { attrs: { value: 'day' } }, 'Daily cohorts'),
    h('option', { attrs: { value: 'week' } }, 'Weekly cohorts'),
  )
  panel.head.append(picker)
  // The interval follows the period until the user picks one.
  let chosen = false
  let seq = 0
  const load = async (isCurrent: () => boolean) => {
    const my = ++seq
    const live = () => my === seq && isCurrent()
    const s = scope()
    if (!chosen) picker.value = defaultCohortInterval(s.view)
    panel.loading()
    try {
      const data = await fetchRetention(s, picker.value === 'week' ? 'week' : 'day')
      if (!live()) return
      const cohorts = data.cohorts
        .map((c) => ({ ...c, visitors: Number(c.visitors), counts: c.counts.map(Number) }))
        .filter((c) => c.visitors > 0)
      if (cohorts.length === 0) panel.empty('No visitors in this period.')
      else panel.show(renderRetention(cohorts, data.interval === 'week' ? 'week' : 'day'))
    } catch (err) {
      if (live()) panel.error(err)
    }
  }
  let lastCurrent: () => boolean = () => true
  picker.addEventListener('change', () => {
    chosen = true
    void load(lastCurrent)
  })
  return {
    panel,
    load(isCurrent) {
      lastCurrent = isCurrent
      return load(isCurrent)
    },
  }
}

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
