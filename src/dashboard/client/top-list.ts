// A top list: rows of a breakdown with counts and proportional bars. Clicking a row filters the
// whole dashboard by that value. Keys are event data and are only ever set as text.
import { h } from './dom'
import { formatNumber } from './format'
import type { Filter } from './state'

/** One row of a breakdown. */
export interface BreakdownRow {
  key: string | null
  value: number
}

/** How a list labels its rows and which filter a click applies. */
export interface TopListOptions {
  /** Column heading of the value, e.g. "Visitors". */
  valueLabel: string
  /** The filter field a click applies (e.g. `url`); no field: rows are not clickable. */
  filterField?: string
  /** Display text for a key (the raw key is kept as the tooltip). */
  label?: (key: string) => string
  /** A short badge shown before the label (e.g. a country code). */
  prefix?: (key: string) => string
  /** Text shown for a missing (null) key. */
  noneLabel?: string
}

/** Render rows as a list with bars; `onFilter` is called with the filter a row click asks for. */
export function renderTopList(
  rows: BreakdownRow[],
  opts: TopListOptions,
  onFilter: (f: Filter) => void,
): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.value))
  const list = h('ol', 'top-list')
  for (const row of rows) {
    const key = row.key
    const text = key === null || key === '' ? (opts.noneLabel ?? '(none)') : (opts.label?.(key) ?? key)
    const prefix = key ? (opts.prefix?.(key) ?? '') : ''
    const bar = h('span', 'bar')
    bar.style.width = `${Math.max(0.5, (row.value / max) * 100).toFixed(2)}%`
    const label = h('span', 'label', prefix ? h('span', 'prefix', prefix) : null, h('span', 'text', text))
    // A missing key filters with an empty value, which the API reads as "field is missing".
    const clickable = Boolean(opts.filterField)
    const content = [
      bar,
      label,
      h('span', { class: 'value', attrs: { 'data-value': String(row.value) } }, formatNumber(row.value)),
    ]
    const item = clickable
      ? h(
          'button',
          {
            class: 'row',
            attrs: { type: 'button', title: `Filter by ${key ?? text}`, 'data-key': key ?? '' },
            on: { click: () => onFilter({ field: opts.filterField!, value: key ?? '' }) },
          },
          ...content,
        )
      : h('div', { class: 'row', attrs: { title: key ?? '' } }, ...content)
    list.append(h('li', {}, item))
  }
  return h(
    'div',
    'top-list-wrap',
    h('div', 'list-head', h('span', {}, ''), h('span', {}, opts.valueLabel)),
    list,
  )
}
