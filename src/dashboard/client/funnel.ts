// The funnel builder: 2 to 5 steps (event type, optional URL), run against the funnels API, shown
// as bars with the sessions, conversion and drop-off of each step.
import { h, replace } from './dom'
import { formatNumber, formatPercent, pagePath } from './format'
import { createPanel, type Panel } from './panel'
import { type FunnelStep, runFunnel, type Scope } from './queries'

const MIN_STEPS = 2
const MAX_STEPS = 5

/** A mounted funnel panel. */
export interface FunnelPanel {
  panel: Panel
  /** Re-run the last funnel for the current view (no-op before the first run). */
  refresh(): void
  /** Suggestions for the event type inputs. */
  setEventTypes(types: string[]): void
}

/** Create the funnel panel; `scope` gives the current view at run time. */
export function createFunnelPanel(scope: () => Scope): FunnelPanel {
  const panel = createPanel('funnel', 'Funnel')
  const suggestions = h('datalist', { attrs: { id: 'funnel-event-types' } })
  const stepsEl = h('div', 'funnel-steps')
  const result = h('div', { class: 'funnel-result', attrs: { 'aria-live': 'polite' } })
  const addBtn = h('button', { class: 'small', attrs: { type: 'button' } }, '+ Add step')
  const runBtn = h('button', { class: 'primary small', attrs: { type: 'submit' } }, 'Show conversion')
  let ran = false

  const addStep = (step: FunnelStep = { event_type: '' }) => {
    if (stepsEl.children.length >= MAX_STEPS) return
    const type = h('input', {
      class: 'event',
      attrs: {
        list: 'funnel-event-types',
        placeholder: 'event type',
        'aria-label': 'Event type',
        required: '',
      },
    })
    type.value = step.event_type
    const url = h('input', { class: 'url', attrs: { placeholder: 'URL (optional)', 'aria-label': 'URL' } })
    url.value = step.url ?? ''
    const remove = h(
      'button',
      { class: 'ghost small', attrs: { type: 'button', 'aria-label': 'Remove step' } },
      '×',
    )
    const row = h('div', 'funnel-step', h('span', 'n', ''), type, url, remove)
    remove.addEventListener('click', () => {
      if (stepsEl.children.length > MIN_STEPS) row.remove()
      sync()
    })
    stepsEl.append(row)
    sync()
  }
  const sync = () => {
    const rows = [...stepsEl.children]
    rows.forEach((r, i) => {
      r.querySelector('.n')!.textContent = `${i + 1}.`
      ;(r.querySelector('button') as HTMLButtonElement).disabled = rows.length <= MIN_STEPS
    })
    addBtn.disabled = rows.length >= MAX_STEPS
  }
  const readSteps = (): FunnelStep[] =>
    [...stepsEl.children].map((r) => ({
      event_type: (r.querySelector('input.event') as HTMLInputElement).value.trim(),
      url: (r.querySelector('input.url') as HTMLInputElement).value.trim() || undefined,
    }))

  const run = async () => {
    const steps = readSteps()
    if (steps.some((s) => !s.event_type)) {
      replace(result, h('p', 'error', 'Every step needs an event type.'))
      return
    }
    ran = true
    result.setAttribute('aria-busy', 'true')
    try {
      const data = await runFunnel(scope(), steps)
      replace(
        result,
        ...renderFunnel(
          data.steps.map((st) => ({ ...st, sessions: Number(st.sessions), drop_off: Number(st.drop_off) })),
          data.conversion_rate,
        ),
      )
    } catch (err) {
      replace(result, h('p', 'error', (err as Error).message))
    } finally {
      result.removeAttribute('aria-busy')
    }
  }

  addBtn.addEventListener('click', () => addStep())
  const form = h(
    'form',
    { attrs: { novalidate: '' } },
    suggestions,
    stepsEl,
    h('div', 'funnel-actions', addBtn, runBtn),
  )
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    void run()
  })
  addStep({ event_type: 'page_view' })
  addStep()
  panel.show(form, result)
  return {
    panel,
    refresh: () => {
      if (ran) void run()
    },
    setEventTypes(types) {
      replace(suggestions, ...types.map((t) => h('option', { attrs: { value: t } })))
    },
  }
}

/** One step of a funnel result. */
export interface FunnelStepResult {
  event_type: string
  url?: string | null
  sessions: number
  conversion_rate: number
  drop_off: number
  drop_off_rate?: number
}

function renderFunnel(steps: FunnelStepResult[], overall: number): HTMLElement[] {
  const bars = steps.map((s, i) => {
    const fill = h('div', 'fill')
    fill.style.width = `${Math.max(0, Math.min(100, s.conversion_rate))}%`
    const name = s.url ? `${s.event_type} · ${pagePath(s.url)}` : s.event_type
    const drop = i > 0 && s.drop_off > 0 ? ` · −${formatNumber(s.drop_off)} dropped` : ''
    return h(
      'div',
      { class: 'funnel-bar', attrs: { 'data-step': String(i + 1), 'data-sessions': String(s.sessions) } },
      h(
        'div',
        'caption',
        h('span', 'step-name', `${i + 1}. ${name}`),
        h(
          'span',
          'muted',
          `${formatNumber(s.sessions)} sessions · ${formatPercent(s.conversion_rate)}${drop}`,
        ),
      ),
      h('div', 'track', fill),
    )
  })
  return [
    ...bars,
    h(
      'p',
      { class: 'muted small', attrs: { 'data-conversion': String(overall) } },
      `Overall conversion: ${formatPercent(overall)}`,
    ),
  ]
}
