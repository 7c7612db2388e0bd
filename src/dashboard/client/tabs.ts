// Tabbed top-list cards, like Plausible's: Entry pages | Exit pages, Sources | Channels | Campaigns,
// Browsers | OS | Devices, Countries | Regions | Cities, Outbound links | Downloads | 404 pages. Every tab is a breakdown by visitors whose rows filter the whole
// dashboard; each tab's list keeps its own element id (`#browsers`, `#devices`, …) for tests and
// anchors. A tab marked `whenPresent` is shown only when its breakdown has a known value.
import { h, replace } from './dom'
import { countryCode, countryName, pagePath } from './format'
import { createPanel, errorMessage, type Panel } from './panel'
import { fetchBreakdown, type Scope } from './queries'
import type { Filter } from './state'
import { renderTopList, type TopListOptions } from './top-list'

/** One tab: a breakdown dimension and how its rows read. */
export interface TabSpec extends Omit<TopListOptions, 'valueLabel' | 'filterField'> {
  id: string
  /** The tab's caption. */
  name: string
  /** The breakdown dimension, also the filter field a row click applies. */
  dimension: string
  /** Show the tab only when its breakdown has a row with a known (non-empty) key. */
  whenPresent?: boolean
  /** Only events of this type (the auto-captured ones), and the filter field a row click applies. */
  eventType?: string
  filter?: string
}

/** A tabbed card's definition. */
export interface TabbedSpec {
  id: string
  title: string
  tabs: TabSpec[]
}

export const TABBED: TabbedSpec[] = [
  {
    id: 'entry-exit',
    title: 'Entry and exit pages',
    tabs: [
      {
        id: 'entry-pages',
        name: 'Entry pages',
        dimension: 'entry_page',
        label: pagePath,
        noneLabel: '(no page view)',
      },
      {
        id: 'exit-pages',
        name: 'Exit pages',
        dimension: 'exit_page',
        label: pagePath,
        noneLabel: '(no page view)',
      },
    ],
  },
  {
    id: 'acquisition',
    title: 'Acquisition',
    tabs: [
      { id: 'sources', name: 'Sources', dimension: 'source', noneLabel: 'Direct / none' },
      { id: 'channels', name: 'Channels', dimension: 'channel', noneLabel: 'Unknown' },
      { id: 'campaigns', name: 'Campaigns', dimension: 'utm_campaign', noneLabel: '(no campaign)' },
    ],
  },
  {
    id: 'technology',
    title: 'Technology',
    tabs: [
      { id: 'browsers', name: 'Browsers', dimension: 'browser', noneLabel: 'Unknown' },
      { id: 'os', name: 'OS', dimension: 'os', noneLabel: 'Unknown' },
      { id: 'devices', name: 'Devices', dimension: 'device_type', noneLabel: 'Unknown' },
    ],
  },
  {
    id: 'locations',
    title: 'Locations',
    tabs: [
      {
        id: 'countries',
        name: 'Countries',
        dimension: 'country',
        label: countryName,
        prefix: countryCode,
        noneLabel: 'Unknown',
      },
      { id: 'regions', name: 'Regions', dimension: 'region', noneLabel: 'Unknown', whenPresent: true },
      { id: 'cities', name: 'Cities', dimension: 'city', noneLabel: 'Unknown', whenPresent: true },
    ],
  },
  {
    // What the tracker's auto-capture records (`capture: ['outbound', 'downloads', '404']`).
    id: 'captured',
    title: 'Outbound links, downloads and 404 pages',
    tabs: [
      {
        id: 'outbound-links',
        name: 'Outbound links',
        dimension: 'property:url',
        eventType: 'outbound_link',
        filter: 'property.url',
        noneLabel: 'Unknown',
      },
      {
        id: 'file-downloads',
        name: 'Downloads',
        dimension: 'property:url',
        eventType: 'file_download',
        filter: 'property.url',
        noneLabel: 'Unknown',
      },
      {
        id: 'not-found',
        name: '404 pages',
        dimension: 'property:path',
        eventType: 'not_found',
        filter: 'property.path',
        noneLabel: 'Unknown',
      },
    ],
  },
]

/** A tabbed card: its panel, and `load` to fill every tab for the current view. */
export interface TabbedPanel {
  panel: Panel
  load(scope: Scope, isCurrent: () => boolean): Promise<void>
}

/** Create one tabbed card; `onFilter` gets the filter a row click asks for. */
export function createTabbedPanel(spec: TabbedSpec, onFilter: (f: Filter) => void): TabbedPanel {
  const panel = createPanel(spec.id, spec.title, 'tabbed')
  let active = spec.tabs[0].id
  const tabs = spec.tabs.map((tab) => {
    const button = h(
      'button',
      {
        class: 'tab',
        attrs: { type: 'button', role: 'tab', 'data-tab': tab.id, 'aria-controls': tab.id },
        on: { click: () => select(tab.id) },
      },
      tab.name,
    )
    const pane = h('div', { class: 'tab-pane', attrs: { id: tab.id, role: 'tabpanel' } })
    if (tab.whenPresent) button.hidden = true
    return { tab, button, pane }
  })
  const select = (id: string) => {
    active = id
    for (const t of tabs) {
      const on = t.tab.id === id
      t.button.setAttribute('aria-selected', String(on))
      t.pane.hidden = !on
    }
  }
  // The card title is replaced by the tab bar; the title stays as the card's accessible name.
  replace(panel.head, h('div', { class: 'tabs', attrs: { role: 'tablist' } }, ...tabs.map((t) => t.button)))
  panel.show(...tabs.map((t) => t.pane))
  select(active)

  return {
    panel,
    async load(scope, isCurrent) {
      panel.el.setAttribute('aria-busy', 'true')
      await Promise.all(
        tabs.map(async ({ tab, button, pane }) => {
          if (!pane.firstChild) replace(pane, h('p', 'muted placeholder', 'Loading…'))
          try {
            const where: Record<string, string> = tab.eventType ? { event_type: tab.eventType } : {}
            const data = await fetchBreakdown(scope, tab.dimension, 'visitors', 10, where)
            if (!isCurrent()) return
            if (tab.whenPresent) button.hidden = !data.rows.some((r) => r.key !== null && r.key !== '')
            if (data.rows.length === 0) replace(pane, h('p', 'muted placeholder', 'No data for this period.'))
            else
              replace(
                pane,
                renderTopList(
                  data.rows,
                  { ...tab, valueLabel: 'Visitors', filterField: tab.filter ?? tab.dimension },
                  onFilter,
                ),
              )
          } catch (err) {
            if (isCurrent()) replace(pane, h('p', 'error', errorMessage(err)))
          }
        }),
      )
      if (!isCurrent()) return
      // A hidden tab cannot stay selected.
      if (tabs.find((t) => t.tab.id === active)?.button.hidden) select(spec.tabs[0].id)
      panel.el.removeAttribute('aria-busy')
    },
  }
}
