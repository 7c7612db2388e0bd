// The signed-in dashboard: builds the layout, keeps the view state (mirrored in the URL fragment)
// and reloads every panel when the site, period, comparison or filters change.
import { ApiClient, ApiError } from './api'
import { type MountedChart, mountChart } from './chart'
import { h, replace } from './dom'
import { renderFirstRun } from './empty-state'
import { renderChips } from './filter-chips'
import { createFunnelPanel } from './funnel'
import { renderHeadline } from './headline'
import { createListPanels } from './lists'
import { startLiveCounter } from './live'
import { createLiveEventsPanel } from './live-events'
import { createPanel, errorMessage } from './panel'
import { browserTimezone } from './periods'
import { fetchHeadline, fetchSeries, fetchSites, hasAnyEvent, type Scope } from './queries'
import { createRetentionPanel } from './retention'
import { createSettingsPanel } from './settings'
import { createSqlPanel } from './sql-console'
import { type Credentials, decodeView, encodeView, type Filter, type ViewState, withFilter } from './state'
import { createTopbar } from './topbar'

/** Mount the dashboard for `creds` into `root`; returns a function that unmounts it. */
export function renderDashboard(root: HTMLElement, creds: Credentials, onSignOut: () => void): () => void {
  const api = new ApiClient(creds.token)
  const timezone = browserTimezone()
  const defaults: ViewState = { siteId: creds.siteId ?? '', period: '7d', compare: true, filters: [] }
  let view = decodeView(location.hash, defaults)
  // A secret key reads only its own site.
  if (!creds.admin && creds.siteId) view.siteId = creds.siteId
  const scope = (): Scope => ({ api, view, timezone })

  const setView = (patch: Partial<ViewState>) => {
    view = { ...view, ...patch }
    history.replaceState(null, '', `#${encodeView(view)}`)
    refresh()
  }
  const addFilter = (f: Filter) => setView({ filters: withFilter(view.filters, f) })

  // Signed-in users pick among the sites they have a role on (a viewer of one site sees that one).
  const topbar = createTopbar(creds.admin || creds.session === true, { onChange: setView, onSignOut })
  const chips = h('div', { class: 'filters', attrs: { id: 'filters', hidden: '' } })
  const notice = h('div', { attrs: { id: 'notice' } })
  const headline = h('section', {
    class: 'headline',
    attrs: { id: 'headline', 'aria-label': 'Headline figures' },
  })
  const chart = createPanel('chart', 'Visitors and page views', 'chart-card')
  const lists = createListPanels(addFilter)
  const funnel = createFunnelPanel(scope)
  const retention = createRetentionPanel(scope)
  const liveEvents = createLiveEventsPanel(creds.token)
  const settings = creds.admin || creds.session ? createSettingsPanel(creds) : undefined
  const main = h(
    'main',
    { attrs: { id: 'dashboard' } },
    notice,
    headline,
    chart.el,
    h('div', 'grid', ...lists.panels.map((p) => p.el)),
    h('div', 'grid', funnel.panel.el, retention.panel.el),
    liveEvents.panel.el,
    creds.admin ? createSqlPanel(api).el : null,
    settings?.el,
  )
  const foot = h(
    'footer',
    'foot',
    'Everything here comes from the PULSE API: ',
    h('a', { attrs: { href: '/openapi' } }, 'API reference'),
  )
  root.replaceChildren(h('div', 'app', topbar.el, chips, main, foot))

  let gen = 0
  let liveSite = ''
  let mounted: MountedChart | undefined
  let lastSeries: Awaited<ReturnType<typeof fetchSeries>> | undefined
  const drawChart = () => {
    mounted?.destroy()
    mounted = undefined
    const s = lastSeries
    if (!s) return
    if (s.times.length === 0) return chart.empty('No data for this period.')
    chart.show()
    mounted = mountChart(
      chart.body,
      s.times,
      [
        { label: 'Visitors', values: s.visitors },
        { label: 'Page views', values: s.pageViews },
      ],
      s.interval,
    )
  }
  const scheme = matchMedia('(prefers-color-scheme: dark)')
  scheme.addEventListener('change', drawChart)

  function refresh() {
    const my = ++gen
    const current = () => my === gen
    topbar.sync(view)
    renderChips(
      chips,
      view.filters,
      (f) => setView({ filters: view.filters.filter((x) => x.field !== f.field) }),
      () => setView({ filters: [] }),
    )
    if (!view.siteId) return
    if (view.siteId !== liveSite) {
      liveSite = view.siteId
      live.refresh()
      liveEvents.follow(view.siteId)
      settings?.load(view.siteId)
    }
    const s = scope()
    headline.setAttribute('aria-busy', 'true')
    fetchHeadline(s).then(
      (data) => {
        if (!current()) return
        headline.removeAttribute('aria-busy')
        replace(headline, ...renderHeadline(data, view.compare))
        const empty = Object.values(data.metrics ?? {}).every((v) => Number(v) === 0)
        if (empty && view.filters.length === 0) void checkFirstRun(my)
        else replace(notice)
      },
      (err) => {
        if (!current()) return
        headline.removeAttribute('aria-busy')
        if (err instanceof ApiError && err.status === 401) return onSignOut()
        replace(headline, h('p', 'card error', errorMessage(err)))
      },
    )
    chart.loading()
    fetchSeries(s).then(
      (series) => {
        if (!current()) return
        lastSeries = series
        drawChart()
      },
      (err) => current() && chart.error(err),
    )
    void lists.load(s, current).then((types) => current() && funnel.setEventTypes(types))
    void retention.load(current)
    funnel.refresh()
  }

  async function checkFirstRun(my: number) {
    const any = await hasAnyEvent(api, view.siteId).catch(() => true)
    if (my === gen) replace(notice, any ? null : renderFirstRun(view.siteId))
  }

  const live = startLiveCounter(topbar.live, () => (view.siteId ? { api, siteId: view.siteId } : undefined))

  if (creds.admin || creds.session) {
    fetchSites(api).then(
      (sites) => {
        topbar.setSites(sites)
        if (sites.length === 0) {
          replace(
            notice,
            h(
              'section',
              'card',
              h('h2', {}, 'No sites yet'),
              h('p', 'muted', 'Create one with POST /api/v1/sites (see /openapi), then reload.'),
            ),
          )
          return
        }
        if (!sites.some((x) => x.site_id === view.siteId))
          view = { ...view, siteId: sites[0].site_id, filters: [] }
        setView({})
      },
      (err) => replace(notice, h('p', 'card error', errorMessage(err))),
    )
  } else setView({})

  return () => {
    gen++
    live.stop()
    liveEvents.stop()
    mounted?.destroy()
    scheme.removeEventListener('change', drawChart)
  }
}
