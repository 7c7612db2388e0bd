// The all-sites card: every site the viewer may read, with visitors, page views and a visitors sparkline
// for the selected period (GET /api/v1/overview, one request for all sites). A site's name opens it.
import type { ApiClient } from './api'
import { h } from './dom'
import { formatNumber } from './format'
import { createPanel } from './panel'
import { type PeriodChoice, periodParams } from './periods'

const SVG = 'http://www.w3.org/2000/svg'

/** A small line of `values` (visitors per bucket), scaled to its own maximum. */
function sparkline(values: number[]): SVGSVGElement {
  const w = 120
  const ht = 28
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${w} ${ht}`)
  svg.setAttribute('width', String(w))
  svg.setAttribute('height', String(ht))
  svg.setAttribute('class', 'sparkline')
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', `Visitors per bucket: ${values.join(', ')}`)
  const max = Math.max(1, ...values)
  const step = values.length > 1 ? w / (values.length - 1) : 0
  const line = document.createElementNS(SVG, 'polyline')
  line.setAttribute(
    'points',
    values.map((v, i) => `${(i * step).toFixed(1)},${(ht - 2 - (v / max) * (ht - 4)).toFixed(1)}`).join(' '),
  )
  line.setAttribute('fill', 'none')
  line.setAttribute('stroke', 'currentColor')
  line.setAttribute('stroke-width', '1.5')
  svg.append(line)
  return svg
}

/** The overview card; `load` fills it for a period, `onOpen` switches the dashboard to a site. */
export function createOverviewPanel(api: ApiClient, onOpen: (siteId: string) => void) {
  const panel = createPanel('overview', 'All sites')
  panel.el.hidden = true
  let seq = 0
  let shown = ''
  return {
    el: panel.el,
    /** Load for the view's period (again only when the period changed). */
    async load(view: PeriodChoice, timezone: string) {
      const { period, from, to } = periodParams(view, timezone)
      const key = `${period}|${from}|${to}|${timezone}`
      if (key === shown) return
      shown = key
      const my = ++seq
      panel.loading()
      try {
        const data = await api.get('/api/v1/overview', {
          period: period === 'all' ? '12mo' : period,
          timezone,
          ...(from === undefined ? {} : { from, to }),
        })
        if (my !== seq) return
        // One site needs no overview.
        panel.el.hidden = data.sites.length < 2
        const rows = data.sites.map((s) =>
          h(
            'tr',
            { attrs: { 'data-site': s.site_id } },
            h(
              'td',
              {},
              h(
                'button',
                { class: 'link', attrs: { type: 'button' }, on: { click: () => onOpen(s.site_id) } },
                s.name && s.name !== s.site_id ? `${s.name} (${s.site_id})` : s.site_id,
              ),
            ),
            h(
              'td',
              { class: 'num', attrs: { 'data-metric': 'visitors', 'data-value': String(s.visitors) } },
              formatNumber(s.visitors),
            ),
            h(
              'td',
              { class: 'num', attrs: { 'data-metric': 'page_views', 'data-value': String(s.page_views) } },
              formatNumber(s.page_views),
            ),
            h('td', {}, sparkline(s.sparkline)),
          ),
        )
        panel.show(
          h(
            'table',
            { class: 'overview-table', attrs: { id: 'overview-table' } },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, 'Site'),
                h('th', {}, 'Visitors'),
                h('th', {}, 'Page views'),
                h('th', {}, ''),
              ),
            ),
            h('tbody', {}, ...rows),
          ),
        )
      } catch (err) {
        if (my !== seq) return
        shown = ''
        panel.error(err)
      }
    },
  }
}
