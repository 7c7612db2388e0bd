// The active filters as removable chips: "Country: United States ×".
import { h, replace } from './dom'
import { countryName, pagePath } from './format'
import type { Filter } from './state'

const LABELS: Record<string, string> = {
  event_type: 'Event',
  url: 'Page',
  path: 'Path',
  entry_page: 'Entry page',
  exit_page: 'Exit page',
  goal: 'Goal',
  referrer: 'Referrer',
  referrer_domain: 'Referrer',
  device_type: 'Device',
  country: 'Country',
  user_id: 'User',
  browser: 'Browser',
  browser_version: 'Browser version',
  os: 'OS',
  os_version: 'OS version',
  region: 'Region',
  city: 'City',
  source: 'Source',
  utm_source: 'UTM source',
  utm_medium: 'UTM medium',
  utm_campaign: 'Campaign',
  utm_term: 'UTM term',
  utm_content: 'UTM content',
  channel: 'Channel',
}

/** "Country: United States" for a filter. */
export function filterLabel(f: Filter): string {
  const name =
    LABELS[f.field] ?? (f.field.startsWith('property.') ? f.field.slice('property.'.length) : f.field)
  let value = f.value
  if (value === '')
    value =
      f.field.startsWith('referrer') || f.field === 'source'
        ? 'Direct / none'
        : f.field === 'goal'
          ? '(no goal)'
          : f.field.endsWith('_page')
            ? '(no page view)'
            : '(none)'
  else if (f.field === 'country') value = countryName(value)
  else if (f.field === 'url' || f.field.endsWith('_page')) value = pagePath(value)
  return `${name}: ${value}`
}

/** Render the chips into `el`; `onRemove` gets the filter whose × was clicked. */
export function renderChips(
  el: HTMLElement,
  filters: Filter[],
  onRemove: (f: Filter) => void,
  onClear: () => void,
): void {
  el.hidden = filters.length === 0
  replace(
    el,
    h('span', 'muted small', 'Filtered by'),
    ...filters.map((f) => {
      const label = filterLabel(f)
      return h(
        'span',
        { class: 'chip', attrs: { 'data-field': f.field, title: `${f.field} = ${f.value}` } },
        h('span', 'chip-text', label),
        h(
          'button',
          {
            attrs: { type: 'button', 'aria-label': `Remove filter ${label}` },
            on: { click: () => onRemove(f) },
          },
          '×',
        ),
      )
    }),
    filters.length > 1
      ? h('button', { class: 'ghost small', attrs: { type: 'button' }, on: { click: onClear } }, 'Clear all')
      : null,
  )
}
