// The top-list panels (pages, referrers, event types without `engagement`), the engagement card, the tabbed cards (entry and exit pages; sources,
// channels and campaigns; browsers, OS and devices; countries, regions and cities; outbound links,
// downloads and 404 pages), the web-vitals card, the goals with
// their conversion rates, and the custom-property breakdown with its key picker. Each row click
// filters the whole dashboard.
import { csvButton } from './daily'
import { h } from './dom'
import { createEngagementPanel } from './engagement'
import { pagePath } from './format'
import { createGoalsPanel } from './goals'
import { createPanel, type Panel } from './panel'
import { fetchBreakdown, fetchPropertyKeys, type Metric, type Scope } from './queries'
import type { Filter } from './state'
import { createTabbedPanel, TABBED } from './tabs'
import { renderTopList, type TopListOptions } from './top-list'
import { createVitalsPanel } from './vitals'

interface ListSpec extends TopListOptions {
  id: string
  title: string
  dimension: string
  metric: Metric
}

const LISTS: ListSpec[] = [
  {
    id: 'pages',
    title: 'Top pages',
    dimension: 'url',
    metric: 'visitors',
    valueLabel: 'Visitors',
    filterField: 'url',
    label: pagePath,
  },
  {
    id: 'referrers',
    title: 'Referrers',
    dimension: 'referrer_domain',
    metric: 'visitors',
    valueLabel: 'Visitors',
    filterField: 'referrer_domain',
    noneLabel: 'Direct / none',
  },
  {
    id: 'event-types',
    title: 'Event types',
    dimension: 'event_type',
    metric: 'event_count',
    valueLabel: 'Events',
    filterField: 'event_type',
  },
]

/** Event types the event-type card leaves out: measurements shown by cards of their own. */
const NOT_CUSTOM = ['engagement']

/** The cards with a CSV download (id, dimension, metric), for the whole view's zip. */
export const LIST_CSV_CARDS = LISTS.map(({ id, dimension, metric }) => ({ id, dimension, metric }))

/** The list panels; `load` fills them for the current view and reports the event types seen. */
export interface ListPanels {
  panels: Panel[]
  load(scope: Scope, isCurrent: () => boolean): Promise<string[]>
}

/** Create the top-list panels and the property breakdown. */
export function createListPanels(
  onFilter: (f: Filter) => void,
  onCsv?: (dimension: string, metric: Metric, id: string) => Promise<void>,
): ListPanels {
  const lists = LISTS.map((spec) => ({ spec, panel: createPanel(spec.id, spec.title) }))
  // A CSV download of the card's rows (the same breakdown, as the API's CSV).
  if (onCsv)
    for (const { spec, panel } of lists)
      panel.head.append(csvButton(`csv-${spec.id}`, () => onCsv(spec.dimension, spec.metric, spec.id)))
  const tabbed = TABBED.map((spec) => createTabbedPanel(spec, onFilter))
  const goals = createGoalsPanel(onFilter)
  const vitals = createVitalsPanel()
  const engagement = createEngagementPanel(onFilter)
  const [pages, referrers, eventTypes] = lists.map((l) => l.panel)
  const props = createPanel('properties', 'Custom properties')
  const keyPicker = h('select', { attrs: { id: 'property-key', 'aria-label': 'Property' } })
  props.head.append(keyPicker)
  let lastScope: Scope | undefined
  let isLive = () => true
  const loadProperty = async () => {
    const key = keyPicker.value
    if (!lastScope) return
    if (!key) return props.empty('No custom properties on events in this period.')
    props.loading()
    try {
      // One more row than shown: the events without the property (key null) are left out, as
      // they would dwarf the values of the events that have it.
      const data = await fetchBreakdown(lastScope, `property:${key}`, 'event_count', 11)
      if (!isLive()) return
      const rows = data.rows.filter((r) => r.key !== null).slice(0, 10)
      if (rows.length === 0) return props.empty('No data for this period.')
      props.show(renderTopList(rows, { valueLabel: 'Events', filterField: `property.${key}` }, onFilter))
    } catch (err) {
      if (isLive()) props.error(err)
    }
  }
  keyPicker.addEventListener('change', () => void loadProperty())

  return {
    panels: [
      pages,
      engagement.panel,
      referrers,
      ...tabbed.map((t) => t.panel),
      goals.panel,
      eventTypes,
      props,
      vitals.panel,
    ],
    async load(scope, isCurrent) {
      lastScope = scope
      isLive = isCurrent
      let eventTypes: string[] = []
      const jobs = lists.map(async ({ spec, panel }) => {
        panel.loading()
        try {
          const data = await fetchBreakdown(scope, spec.dimension, spec.metric)
          if (!isCurrent()) return
          // Engagement events measure page views (the engagement card): they are no event type to pick.
          if (spec.dimension === 'event_type') {
            data.rows = data.rows.filter((r) => !NOT_CUSTOM.includes(r.key ?? ''))
            eventTypes = data.rows.flatMap((r) => (r.key ? [r.key] : []))
          }
          if (data.rows.length === 0) panel.empty('No data for this period.')
          else panel.show(renderTopList(data.rows, spec, onFilter))
        } catch (err) {
          if (isCurrent()) panel.error(err)
        }
      })
      jobs.push(
        ...tabbed.map((t) => t.load(scope, isCurrent)),
        goals.load(scope, isCurrent),
        vitals.load(scope, isCurrent),
        engagement.load(scope, isCurrent),
      )
      jobs.push(
        fetchPropertyKeys(scope).then(
          (keys) => {
            if (!isCurrent()) return
            const keep = keys.includes(keyPicker.value) ? keyPicker.value : (keys[0] ?? '')
            keyPicker.replaceChildren(...keys.map((k) => h('option', { attrs: { value: k } }, k)))
            keyPicker.value = keep
            keyPicker.hidden = keys.length === 0
            return loadProperty()
          },
          (err) => {
            if (isCurrent()) props.error(err)
          },
        ),
      )
      await Promise.all(jobs)
      return eventTypes
    },
  }
}
