// The signed-in dashboard: builds the layout, keeps the view state (mirrored in the URL fragment)
// and reloads every panel when the site, period, comparison or filters change.
import { createAccountPanel } from './account-panel'
import { ApiClient, ApiError } from './api'
import { createAuditPanel } from './audit-panel'
import { type ChartMarker, type MountedChart, mountChart } from './chart'
import {
  addAnnotation,
  type CardCsv,
  createFilterForm,
  csvButton,
  downloadCsv,
  downloadZip,
  fetchAnnotations,
  fetchSegments,
  renderConditionChips,
  saveSegment,
} from './daily'
import { h, replace } from './dom'
import { renderFirstRun } from './empty-state'
import { renderChips } from './filter-chips'
import { createFunnelPanel } from './funnel'
import { renderHeadline } from './headline'
import { createJourneyPanel } from './journey'
import { createListPanels, LIST_CSV_CARDS } from './lists'
import { startLiveCounter } from './live'
import { createLiveEventsPanel } from './live-events'
import { createOverviewPanel } from './overview'
import { createPanel, errorMessage } from './panel'
import { browserTimezone, chooseInterval, periodParams } from './periods'
import { fetchHeadline, fetchSeries, fetchSites, hasAnyEvent, type Scope } from './queries'
import { createReportsPanel } from './reports-panel'
import { createRetentionPanel } from './retention'
import { createSettingsPanel } from './settings'
import { createSqlPanel } from './sql-console'
import {
  type CompareMode,
  type Credentials,
  decodeView,
  encodeView,
  type Filter,
  filterParams,
  scopeParams,
  type ViewState,
  withFilter,
} from './state'
import { createTopbar } from './topbar'

/** Mount the dashboard for `creds` into `root`; returns a function that unmounts it. */
export function renderDashboard(root: HTMLElement, creds: Credentials, onSignOut: () => void): () => void {
  const api = new ApiClient(creds.token)
  // Periods are cut in the site's time zone (from the sites list) when it has one, else the browser's.
  const zones = new Map<string, string>()
  const zone = () => zones.get(view.siteId) ?? browserTimezone()
  const defaults: ViewState = { siteId: creds.siteId ?? '', period: '7d', compare: true, filters: [] }
  let view = decodeView(location.hash, defaults)
  // A secret key reads only its own site.
  if (!creds.admin && creds.siteId) view.siteId = creds.siteId
  const scope = (): Scope => ({ api, view, timezone: zone() })

  const setView = (patch: Partial<ViewState>) => {
    view = { ...view, ...patch }
    history.replaceState(null, '', `#${encodeView(view)}`)
    refresh()
  }
  const addFilter = (f: Filter) => setView({ filters: withFilter(view.filters, f) })
  const csvParams = (extra: Record<string, string>) => {
    const { period, timezone: tz, from, to } = periodParams(view, zone())
    return {
      site_id: view.siteId,
      period,
      timezone: tz,
      ...(from === undefined ? {} : { from: String(from), to: String(to) }),
      ...scopeParams(view),
      ...extra,
    }
  }

  // Signed-in users pick among the sites they have a role on (a viewer of one site sees that one).
  const topbar = createTopbar(creds.admin || creds.session === true, { onChange: setView, onSignOut })
  const chips = h('div', { class: 'filters', attrs: { id: 'filters', hidden: '' } })
  const notice = h('div', { attrs: { id: 'notice' } })
  const headline = h('section', {
    class: 'headline',
    attrs: { id: 'headline', 'aria-label': 'Headline figures' },
  })
  const chart = createPanel('chart', 'Visitors and page views', 'chart-card')
  const annotateText = h('input', {
    attrs: {
      id: 'annotate-text',
      'aria-label': 'Annotation',
      placeholder: 'Note (e.g. v2.3 released)',
      maxlength: '500',
    },
  })
  const annotateForm = h(
    'form',
    { class: 'annotate-form', attrs: { id: 'annotate-form' } },
    annotateText,
    h('button', { class: 'ghost small', attrs: { type: 'submit', id: 'annotate-add' } }, 'Annotate now'),
  )
  annotateForm.addEventListener('submit', (ev) => {
    ev.preventDefault()
    const text = annotateText.value.trim()
    if (!text || !view.siteId) return
    void addAnnotation(creds.token, view.siteId, text).then(() => {
      annotateText.value = ''
      refresh()
    })
  })
  // Each card's CSV (the chart's series, each list's rows), as its button and the zip download it.
  const chartCsv = (): CardCsv => ({
    name: `${view.siteId}-visitors.csv`,
    path: '/api/v1/stats/timeseries',
    params: csvParams({
      metric: 'visitors',
      interval: chooseInterval(view),
      ...(view.compare ? { compare: view.compareMode ?? 'previous_period' } : {}),
    }),
  })
  const listCsv = (dimension: string, metric: string, id: string): CardCsv => ({
    name: `${view.siteId}-${id}.csv`,
    path: '/api/v1/stats/breakdown',
    params: csvParams({ dimension, metric, limit: '10' }),
  })
  const download = (c: CardCsv) => downloadCsv(creds.token, c.path, c.params, c.name)
  chart.head.append(
    annotateForm,
    csvButton('csv-chart', () => download(chartCsv())),
  )
  const lists = createListPanels(addFilter, (dimension, metric, id) =>
    download(listCsv(dimension, metric, id)),
  )
  const zipButton = h(
    'button',
    {
      class: 'ghost small',
      attrs: { type: 'button', id: 'zip-view', title: "Download every card's CSV as a zip" },
    },
    'Download view (zip)',
  )
  zipButton.addEventListener('click', () => {
    const cards = [chartCsv(), ...LIST_CSV_CARDS.map((c) => listCsv(c.dimension, c.metric, c.id))]
    void downloadZip(creds.token, cards, `${view.siteId}-view.zip`).catch(
      (err: Error) => (zipButton.title = err.message),
    )
  })
  const conditionChips = h('div', { class: 'filters', attrs: { id: 'condition-chips', hidden: '' } })
  const filterForm = createFilterForm((c) => setView({ conditions: [...(view.conditions ?? []), c] }))
  const compareMode = h(
    'select',
    { attrs: { id: 'compare-mode', 'aria-label': 'Compare with' } },
    h('option', { attrs: { value: 'previous_period' } }, 'vs previous period'),
    h('option', { attrs: { value: 'year_over_year' } }, 'vs a year earlier'),
  )
  compareMode.addEventListener('change', () =>
    setView({ compare: true, compareMode: compareMode.value as CompareMode }),
  )
  const segmentPicker = h('select', { attrs: { id: 'segment-picker', 'aria-label': 'Segment' } })
  segmentPicker.addEventListener('change', () => setView({ segment: segmentPicker.value || undefined }))
  const saveSegmentButton = h(
    'button',
    { class: 'ghost small', attrs: { type: 'button', id: 'segment-save' } },
    'Save as segment',
  )
  saveSegmentButton.addEventListener('click', () => {
    const name = prompt('Name of the segment')?.trim()
    if (!name || !view.siteId) return
    void saveSegment(creds.token, view.siteId, name, filterParams(view.filters), view.conditions ?? []).then(
      (seg) => {
        loadedSegmentsFor = ''
        setView({ segment: seg.segment_id, filters: [], conditions: [] })
      },
    )
  })
  let loadedSegmentsFor = ''
  const syncSegments = () => {
    if (!view.siteId || loadedSegmentsFor === view.siteId) {
      segmentPicker.value = view.segment ?? ''
      return
    }
    loadedSegmentsFor = view.siteId
    void fetchSegments(creds.token, view.siteId).then(
      (list) => {
        replace(
          segmentPicker,
          h('option', { attrs: { value: '' } }, 'No segment'),
          ...list.map((x) => h('option', { attrs: { value: x.segment_id } }, x.name)),
        )
        segmentPicker.value = view.segment ?? ''
      },
      () => replace(segmentPicker, h('option', { attrs: { value: '' } }, 'No segment')),
    )
  }
  const filterBar = h(
    'div',
    { class: 'filter-bar', attrs: { id: 'filter-bar' } },
    filterForm,
    segmentPicker,
    saveSegmentButton,
    compareMode,
    zipButton,
  )
  const funnel = createFunnelPanel(scope)
  const retention = createRetentionPanel(scope)
  const journey = createJourneyPanel(creds.token, scope)
  const liveEvents = createLiveEventsPanel(creds.token)
  const settings =
    creds.admin || creds.session
      ? createSettingsPanel(creds, (site) => {
          if (site.timezone) zones.set(site.site_id, site.timezone)
          else zones.delete(site.site_id)
          refresh()
        })
      : undefined
  // Every site at a glance (signed-in users and the admin token: those who may list sites).
  const overview =
    creds.admin || creds.session
      ? createOverviewPanel(api, (siteId) =>
          setView({ siteId, filters: [], conditions: [], segment: undefined }),
        )
      : undefined
  const audit = creds.admin || creds.session ? createAuditPanel(creds) : undefined
  const reports = creds.admin || creds.session ? createReportsPanel(creds) : undefined
  const account = creds.session ? createAccountPanel(creds) : undefined
  const main = h(
    'main',
    { attrs: { id: 'dashboard' } },
    notice,
    overview?.el,
    headline,
    chart.el,
    h('div', 'grid', ...lists.panels.map((p) => p.el)),
    h('div', 'grid', funnel.panel.el, retention.panel.el),
    journey.panel.el,
    liveEvents.panel.el,
    creds.admin ? createSqlPanel(api).el : null,
    settings?.el,
    reports?.el,
    audit?.el,
    account?.el,
  )
  const foot = h(
    'footer',
    'foot',
    'Everything here comes from the PULSE API: ',
    h('a', { attrs: { href: '/openapi' } }, 'API reference'),
  )
  root.replaceChildren(h('div', 'app', topbar.el, filterBar, chips, conditionChips, main, foot))

  let gen = 0
  let liveSite = ''
  let mounted: MountedChart | undefined
  let lastSeries: Awaited<ReturnType<typeof fetchSeries>> | undefined
  let markers: ChartMarker[] = []
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
        ...(s.compared ? [{ label: 'Visitors (compared)', values: s.compared, dash: true }] : []),
      ],
      s.interval,
      markers,
    )
  }
  const scheme = matchMedia('(prefers-color-scheme: dark)')
  scheme.addEventListener('change', drawChart)

  function refresh() {
    const my = ++gen
    const current = () => my === gen
    topbar.sync(view)
    compareMode.value = view.compareMode ?? 'previous_period'
    syncSegments()
    renderConditionChips(conditionChips, view.conditions ?? [], (i) =>
      setView({ conditions: (view.conditions ?? []).filter((_, j) => j !== i) }),
    )
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
      audit?.load(view.siteId)
      reports?.load(view.siteId)
    }
    const s = scope()
    void overview?.load(view, browserTimezone())
    headline.setAttribute('aria-busy', 'true')
    fetchHeadline(s).then(
      (data) => {
        if (!current()) return
        headline.removeAttribute('aria-busy')
        replace(headline, ...renderHeadline(data, view.compare))
        const empty = Object.values(data.metrics ?? {}).every((v) => Number(v) === 0)
        if (empty && view.filters.length === 0 && !view.conditions?.length && !view.segment)
          void checkFirstRun(my)
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
      async (series) => {
        if (!current()) return
        const span = series.times.length > 0 ? series.times : [Date.now()]
        const last = span[span.length - 1]! + 31 * 86_400_000
        const notes = await fetchAnnotations(creds.token, view.siteId, span[0]!, last).catch(() => [])
        if (!current()) return
        markers = notes.map((n) => ({ at: Date.parse(n.at), text: n.text }))
        chart.el.setAttribute('data-annotations', String(markers.length))
        lastSeries = series
        drawChart()
      },
      (err) => current() && chart.error(err),
    )
    void lists.load(s, current).then((types) => current() && funnel.setEventTypes(types))
    void retention.load(current)
    journey.load()
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
        for (const x of sites) if (x.timezone) zones.set(x.site_id, x.timezone)
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
