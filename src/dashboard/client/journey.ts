// The journey card: from a start page, the pages sessions view next (or came from), step by step, read
// as a flow of columns — each path with its sessions and how many stopped there.

import { apiFetch } from './daily'
import { h } from './dom'
import { formatNumber, pagePath } from './format'
import { createPanel } from './panel'
import { periodParams } from './periods'
import type { Scope } from './queries'
import { scopeParams } from './state'

interface JourneyStep {
  step: number
  sessions: number
  drop_off: number
  paths: { pages: string[]; sessions: number; exits: number }[]
}

/** The journey card; `load` reruns it for the current view. */
export function createJourneyPanel(token: string, scope: () => Scope) {
  const panel = createPanel('journey', 'Journeys')
  const page = h('input', {
    attrs: { id: 'journey-page', 'aria-label': 'Start page', placeholder: 'Start page URL' },
  })
  const direction = h(
    'select',
    { attrs: { id: 'journey-direction', 'aria-label': 'Direction' } },
    h('option', { attrs: { value: 'next' } }, 'next pages'),
    h('option', { attrs: { value: 'previous' } }, 'previous pages'),
  )
  const form = h(
    'form',
    { class: 'annotate-form', attrs: { id: 'journey-form' } },
    page,
    direction,
    h('button', { class: 'ghost small', attrs: { type: 'submit', id: 'journey-run' } }, 'Show'),
  )
  panel.head.append(form)
  const run = async () => {
    const s = scope()
    if (!page.value || !s.view.siteId) return panel.empty('Enter a start page to see where sessions go next.')
    panel.loading()
    const { period, timezone, from, to } = periodParams(s.view, s.timezone)
    const qs = new URLSearchParams({
      site_id: s.view.siteId,
      period,
      timezone,
      ...(from === undefined ? {} : { from: String(from), to: String(to) }),
      ...scopeParams(s.view),
      page: page.value,
      direction: direction.value,
      depth: '3',
      limit: '5',
    })
    try {
      const data = await apiFetch<{ sessions: number; steps: JourneyStep[] }>(
        token,
        `/api/v1/stats/journeys?${qs}`,
      )
      panel.el.setAttribute('data-sessions', String(data.sessions))
      if (data.sessions === 0) return panel.empty('No session viewed this page in the period.')
      panel.show(
        h(
          'div',
          'journey-flow',
          h(
            'div',
            'journey-step',
            h('h3', {}, `Start: ${pagePath(page.value)}`),
            h('p', 'muted', `${formatNumber(data.sessions)} sessions`),
          ),
          ...data.steps.map((st) =>
            h(
              'div',
              {
                class: 'journey-step',
                attrs: { 'data-step': String(st.step), 'data-sessions': String(st.sessions) },
              },
              h('h3', {}, `Step ${st.step}`),
              h('p', 'muted small', `${formatNumber(st.sessions)} go on · ${formatNumber(st.drop_off)} stop`),
              h(
                'ol',
                'top-list',
                ...st.paths.map((p) =>
                  h(
                    'li',
                    { attrs: { title: p.pages.join(' → '), 'data-sessions': String(p.sessions) } },
                    h('span', 'label', pagePath(p.pages[p.pages.length - 1]!)),
                    h('span', 'value', formatNumber(p.sessions)),
                  ),
                ),
              ),
            ),
          ),
        ),
      )
    } catch (err) {
      panel.error(err)
    }
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    void run()
  })
  return { panel, load: () => void run() }
}
