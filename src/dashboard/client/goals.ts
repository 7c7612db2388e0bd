// The Goals card: each goal of the site with its conversions (visitors who completed it) and its
// conversion rate (of all visitors in the view), from two breakdowns by goal. A row click filters the
// whole dashboard by the goal, as the other lists do.
import { h } from './dom'
import { formatNumber, formatPercent } from './format'
import { createPanel, type Panel } from './panel'
import { fetchBreakdown, type Scope } from './queries'
import type { Filter } from './state'

/** One goal's figures. */
export interface GoalRow {
  goal: string
  conversions: number
  rate: number
}

/** Join the conversions and conversion-rate breakdowns by goal, in the conversions' order. */
export function goalRows(
  conversions: { key: string | null; value: number }[],
  rates: { key: string | null; value: number }[],
): GoalRow[] {
  const rate = new Map(rates.map((r) => [r.key, r.value]))
  return conversions
    .filter((r): r is { key: string; value: number } => r.key !== null)
    .map((r) => ({ goal: r.key, conversions: r.value, rate: rate.get(r.key) ?? 0 }))
}

function renderGoals(rows: GoalRow[], onFilter: (f: Filter) => void): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.conversions))
  const list = h('ol', 'top-list goal-list')
  for (const row of rows) {
    const bar = h('span', 'bar')
    bar.style.width = `${Math.max(0.5, (row.conversions / max) * 100).toFixed(2)}%`
    const value = (cls: string, n: number, text: string) =>
      h('span', { class: `value ${cls}`, attrs: { 'data-value': String(n) } }, text)
    const button = h(
      'button',
      {
        class: 'row',
        attrs: { type: 'button', title: `Filter by goal ${row.goal}`, 'data-key': row.goal },
        on: { click: () => onFilter({ field: 'goal', value: row.goal }) },
      },
      bar,
      h('span', 'label', h('span', 'text', row.goal)),
      h(
        'span',
        'values',
        value('conversions', row.conversions, formatNumber(row.conversions)),
        value('rate', row.rate, formatPercent(row.rate)),
      ),
    )
    list.append(h('li', {}, button))
  }
  return h(
    'div',
    'top-list-wrap',
    h('div', 'list-head', h('span', {}, 'Goal'), h('span', {}, 'Conversions · Rate')),
    list,
  )
}

/** The Goals card and `load` to fill it for the current view. */
export function createGoalsPanel(onFilter: (f: Filter) => void): {
  panel: Panel
  load(scope: Scope, isCurrent: () => boolean): Promise<void>
} {
  const panel = createPanel('goals', 'Goals')
  return {
    panel,
    async load(scope, isCurrent) {
      panel.loading()
      try {
        const [c, r] = await Promise.all([
          fetchBreakdown(scope, 'goal', 'conversions', 50),
          fetchBreakdown(scope, 'goal', 'conversion_rate', 50),
        ])
        if (!isCurrent()) return
        const rows = goalRows(c.rows, r.rows)
        if (rows.length === 0) panel.empty('No goals yet: add one with "pulse goals add" or the admin API.')
        else panel.show(renderGoals(rows, onFilter))
      } catch (err) {
        if (isCurrent()) panel.error(err)
      }
    },
  }
}
