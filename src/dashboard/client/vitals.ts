// The web-vitals card: p75 of LCP, INP, CLS, FCP and TTFB in the view's period, each with its share of
// good / needs-improvement / poor page views (web.dev's thresholds, applied by the API).
import { h } from './dom'
import { createPanel, type Panel } from './panel'
import { fetchWebVitals, type Scope } from './queries'

const LABELS: Record<string, string> = {
  lcp: 'Largest contentful paint',
  inp: 'Interaction to next paint',
  cls: 'Cumulative layout shift',
  fcp: 'First contentful paint',
  ttfb: 'Time to first byte',
}

const pct = (n: number, of: number) => `${of > 0 ? Math.round((100 * n) / of) : 0}%`
const shown = (metric: string, v: number) => (metric === 'cls' ? v.toFixed(2) : `${Math.round(v)} ms`)

/** The card and `load`, which fills it for the current view. */
export function createVitalsPanel(): {
  panel: Panel
  load(s: Scope, isCurrent: () => boolean): Promise<void>
} {
  const panel = createPanel('web-vitals', 'Web vitals')
  return {
    panel,
    async load(s, isCurrent) {
      panel.loading()
      try {
        const { rows } = await fetchWebVitals(s)
        if (!isCurrent()) return
        if (rows.length === 0)
          return panel.empty("No web vitals in this period (the tracker's capture: ['vitals']).")
        const order = Object.keys(LABELS)
        const sorted = [...rows].sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric))
        panel.show(
          h(
            'table',
            'vitals',
            h(
              'tr',
              {},
              h('th', {}, 'Metric'),
              h('th', {}, 'p75'),
              h('th', {}, 'Good'),
              h('th', {}, 'Needs work'),
              h('th', {}, 'Poor'),
            ),
            ...sorted.map((r) =>
              h(
                'tr',
                { attrs: { 'data-metric': r.metric } },
                h('td', { attrs: { title: LABELS[r.metric] } }, r.metric.toUpperCase()),
                h('td', {}, shown(r.metric, r.p75)),
                h('td', {}, pct(r.good, r.samples)),
                h('td', {}, pct(r.needs_improvement, r.samples)),
                h('td', {}, pct(r.poor, r.samples)),
              ),
            ),
          ),
        )
      } catch (err) {
        if (isCurrent()) panel.error(err)
      }
    },
  }
}
