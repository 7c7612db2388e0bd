// The top bar: brand, site picker (admin) or site name, period picker with custom dates, the
// comparison toggle, the live visitor counter and sign-out.
import { h } from './dom'
import { PERIODS, type PeriodName } from './periods'
import type { ViewState } from './state'

/** What the top bar reports back. */
export interface TopbarHandlers {
  onChange(patch: Partial<ViewState>): void
  onSignOut(): void
}

/** The top bar and a slot for the live counter. */
export interface Topbar {
  el: HTMLElement
  live: HTMLElement
  /** Show the view's values in the controls. */
  sync(v: ViewState): void
  /** Fill the site picker (admin) with `sites`. */
  setSites(sites: { site_id: string; name: string }[]): void
}

/** Build the top bar; `admin` shows the site picker, otherwise the site id as text. */
export function createTopbar(admin: boolean, handlers: TopbarHandlers): Topbar {
  const site = admin
    ? h('select', { attrs: { id: 'site-picker', 'aria-label': 'Site' } })
    : h('span', { class: 'site-name', attrs: { id: 'site-name' } })
  const period = h(
    'select',
    { attrs: { id: 'period-picker', 'aria-label': 'Period' } },
    ...PERIODS.map((p) => h('option', { attrs: { value: p.name } }, p.label)),
  )
  const from = h('input', { attrs: { type: 'date', id: 'custom-from', 'aria-label': 'From date' } })
  const to = h('input', { attrs: { type: 'date', id: 'custom-to', 'aria-label': 'To date (inclusive)' } })
  const custom = h('div', { class: 'custom-dates', attrs: { hidden: '' } }, from, h('span', 'muted', '–'), to)
  const compare = h('input', { attrs: { type: 'checkbox', id: 'compare-toggle' } })
  const live = h('span', {
    class: 'live',
    attrs: { id: 'live', 'aria-live': 'polite', title: 'Sessions in the last 5 minutes' },
  })
  const signOut = h('button', { class: 'ghost small', attrs: { type: 'button', id: 'sign-out' } }, 'Sign out')

  site.addEventListener('change', () =>
    handlers.onChange({ siteId: (site as HTMLSelectElement).value, filters: [] }),
  )
  period.addEventListener('change', () => {
    const name = period.value as PeriodName
    custom.hidden = name !== 'custom'
    if (name === 'custom' && !from.value) {
      // Start the custom range on the last 7 days so it shows something at once.
      const today = new Date()
      const start = new Date(today)
      start.setDate(start.getDate() - 6)
      from.value = isoDate(start)
      to.value = isoDate(today)
    }
    handlers.onChange({ period: name, from: from.value || undefined, to: to.value || undefined })
  })
  const dates = () => {
    if (from.value && to.value && from.value <= to.value)
      handlers.onChange({ from: from.value, to: to.value })
  }
  from.addEventListener('change', dates)
  to.addEventListener('change', dates)
  compare.addEventListener('change', () => handlers.onChange({ compare: compare.checked }))
  signOut.addEventListener('click', handlers.onSignOut)

  const el = h(
    'header',
    'topbar',
    h('div', 'brand', 'PULSE'),
    h(
      'div',
      'controls',
      site,
      period,
      custom,
      h('label', { class: 'toggle', attrs: { for: 'compare-toggle' } }, compare, 'Compare'),
    ),
    live,
    signOut,
  )
  return {
    el,
    live,
    sync(v) {
      if (site instanceof HTMLSelectElement) site.value = v.siteId
      else site.textContent = v.siteId
      period.value = v.period
      custom.hidden = v.period !== 'custom'
      if (v.from) from.value = v.from
      if (v.to) to.value = v.to
      compare.checked = v.compare
    },
    setSites(sites) {
      if (!(site instanceof HTMLSelectElement)) return
      const current = site.value
      site.replaceChildren(
        ...sites.map((s) =>
          h(
            'option',
            { attrs: { value: s.site_id } },
            s.name && s.name !== s.site_id ? `${s.name} (${s.site_id})` : s.site_id,
          ),
        ),
      )
      site.value = current
    },
  }
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
