// A card on the dashboard with a title, optional controls and a body that shows loading, error,
// empty or content states.
import { ApiError } from './api'
import { h, replace } from './dom'

/** A dashboard card. */
export interface Panel {
  el: HTMLElement
  body: HTMLElement
  head: HTMLElement
  loading(): void
  error(err: unknown): void
  empty(message: string): void
  show(...nodes: Node[]): void
}

/** Create a panel; `id` becomes the element id (used by tests and anchors). */
export function createPanel(id: string, title: string, cls = ''): Panel {
  const head = h('div', 'card-head', h('h2', {}, title))
  const body = h('div', 'card-body')
  const el = h('section', { class: `card ${cls}`.trim(), attrs: { id, 'aria-label': title } }, head, body)
  return {
    el,
    body,
    head,
    loading() {
      el.setAttribute('aria-busy', 'true')
      if (!body.firstChild) replace(body, h('p', 'muted placeholder', 'Loading…'))
    },
    error(err) {
      el.removeAttribute('aria-busy')
      replace(body, h('p', 'error', errorMessage(err)))
    },
    empty(message) {
      el.removeAttribute('aria-busy')
      replace(body, h('p', 'muted placeholder', message))
    },
    show(...nodes) {
      el.removeAttribute('aria-busy')
      replace(body, ...nodes)
    },
  }
}

/** A user-facing sentence for a failed request. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429)
      return 'Too many requests: the server is rate limiting this key. Try again in a minute.'
    if (err.status === 404) return `Not available: ${err.message}`
    return err.message
  }
  return 'Something went wrong while loading this.'
}
