// The engagement card: per page (the `path` dimension: the URL without its query string), the average
// time on page and scroll depth of the view's period, from the tracker's `engagement` events
// (`capture: ['engagement']`). Pages are ranked by time on page; a row click filters the dashboard.
import { h } from './dom'
import { createPanel, type Panel } from './panel'
import { fetchBreakdown, type Scope } from './queries'
import type { Filter } from './state'

/** Seconds as `1m 05s` or `12s`. */
export function formatSeconds(s: number): string {
  const whole = Math.round(s)
  return whole >= 60 ? `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`
}

/** The card and `load`, which fills it for the current view. */
export function createEngagementPanel(onFilter: (f: Filter) => void): {
  panel: Panel
  load(s: Scope, isCurrent: () => boolean): Promise<void>
} {
  const panel = createPanel('engagement', 'Time on page')
  return {
    panel,
    async load(s, isCurrent) {
      panel.loading()
      try {
        // Pages without engagement read 0: the top rows by time are the ones with some.
        const [time, scroll] = await Promise.all([
          fetchBreakdown(s, 'path', 'time_on_page', 10),
          fetchBreakdown(s, 'path', 'scroll_depth', 1000),
        ])
        if (!isCurrent()) return
        const depth = new Map(scroll.rows.map((r) => [r.key, r.value]))
        const rows = time.rows.filter((r) => r.key !== null && (r.value > 0 || (depth.get(r.key) ?? 0) > 0))
        if (rows.length === 0)
          return panel.empty("No engagement in this period (the tracker's capture: ['engagement']).")
        panel.show(
          h(
            'table',
            'vitals engagement',
            h('tr', {}, h('th', {}, 'Page'), h('th', {}, 'Time on page'), h('th', {}, 'Scroll depth')),
            ...rows.map((r) => {
              const tr = h(
                'tr',
                { attrs: { 'data-path': String(r.key), title: `Filter by ${r.key}` } },
                h('td', {}, String(r.key)),
                h('td', {}, formatSeconds(r.value)),
                h('td', {}, `${Math.round(depth.get(r.key) ?? 0)}%`),
              )
              tr.addEventListener('click', () => onFilter({ field: 'path', value: String(r.key) }))
              return tr
            }),
          ),
        )
      } catch (err) {
        if (isCurrent()) panel.error(err)
      }
    },
  }
}
