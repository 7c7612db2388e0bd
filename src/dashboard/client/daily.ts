// The daily-use controls of the dashboard: the filter form with operators and value lists, chips for
// those conditions, saved segments, annotations (fetched for the chart, added from it), CSV downloads
// of a card and of the whole view (a zip of the cards' CSVs). Everything goes through the public API with the signed-in token.
import { h, replace } from './dom'
import { filterLabel } from './filter-chips'
import { CONDITION_OPS, type Condition, type ConditionOp, FILTER_FIELDS } from './state'
import { buildZip } from './zip'

const OP_LABELS: Record<ConditionOp, string> = {
  is: 'is',
  is_not: 'is not',
  contains: 'contains',
  does_not_contain: 'does not contain',
  starts_with: 'starts with',
  matches: 'matches',
}

/** A fetch of the API with the token; the envelope's data, or an Error with its message. */
export async function apiFetch<T>(
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const json = (await res.json().catch(() => ({}))) as { data?: T; error?: string }
  if (!res.ok) throw new Error(json.error ?? `The server answered ${res.status}`)
  return json.data as T
}

/** Fetch `path?params` as the API's CSV with the token: its bytes. */
export async function fetchCsv(
  token: string,
  path: string,
  params: Record<string, string>,
): Promise<Uint8Array<ArrayBuffer>> {
  const qs = new URLSearchParams({ ...params, format: 'csv' })
  const res = await fetch(`${path}?${qs}`, { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`The server answered ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

/** Fetch `path?params` as CSV with the token and hand it to the browser as a download named `name`. */
export async function downloadCsv(token: string, path: string, params: Record<string, string>, name: string) {
  saveFile(new Blob([await fetchCsv(token, path, params)], { type: 'text/csv' }), name)
}

/** Hand `blob` to the browser as a download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = h('a', { attrs: { href: url, download: name, hidden: '' } })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** One card's CSV: the API path and parameters, and the file name in the zip. */
export interface CardCsv {
  name: string
  path: string
  params: Record<string, string>
}

/** Download every card's CSV of the view as one zip named `name` (the CSVs exactly as the API sends them). */
export async function downloadZip(token: string, cards: CardCsv[], name: string): Promise<void> {
  const files = await Promise.all(
    cards.map(async (c) => ({ name: c.name, data: await fetchCsv(token, c.path, c.params) })),
  )
  saveFile(new Blob([buildZip(files)], { type: 'application/zip' }), name)
}

/** A small "CSV" button for a card head. */
export function csvButton(id: string, onClick: () => Promise<void>): HTMLButtonElement {
  const b = h(
    'button',
    { class: 'ghost small', attrs: { type: 'button', id, title: 'Download as CSV' } },
    'CSV',
  )
  b.addEventListener('click', () => void onClick().catch((err: Error) => (b.title = err.message)))
  return b
}

/** "Page starts with /blog/ or /docs/" for a condition. */
export function conditionLabel(c: Condition): string {
  const field = filterLabel({ field: c.field, value: 'x' }).replace(/: x$/, '')
  const values = c.values.map((v) => (v === '' ? '(none)' : v)).join(' or ')
  return `${field} ${OP_LABELS[c.op]} ${values}`
}

/** The form that adds a condition: field, operator, values (comma-separated: any may match). */
export function createFilterForm(onAdd: (c: Condition) => void): HTMLFormElement {
  const field = h(
    'select',
    { attrs: { id: 'filter-field', 'aria-label': 'Filter field' } },
    ...FILTER_FIELDS.map((f) =>
      h('option', { attrs: { value: f } }, filterLabel({ field: f, value: 'x' }).replace(/: x$/, '')),
    ),
  )
  const op = h(
    'select',
    { attrs: { id: 'filter-op', 'aria-label': 'Operator' } },
    ...CONDITION_OPS.map((o) => h('option', { attrs: { value: o } }, OP_LABELS[o])),
  )
  const value = h('input', {
    attrs: {
      id: 'filter-value',
      'aria-label': 'Values (comma-separated)',
      placeholder: 'value, or a, b (empty: none)',
    },
  })
  const form = h(
    'form',
    { class: 'filter-form', attrs: { id: 'filter-form' } },
    field,
    op,
    value,
    h('button', { class: 'small', attrs: { type: 'submit', id: 'filter-add' } }, 'Add filter'),
  )
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    const values = value.value.split(',').map((v) => v.trim())
    onAdd({ op: op.value as ConditionOp, field: field.value, values: [...new Set(values)] })
    value.value = ''
  })
  return form
}

/** Chips of the conditions, each removable. */
export function renderConditionChips(el: HTMLElement, list: Condition[], onRemove: (i: number) => void) {
  el.hidden = list.length === 0
  replace(
    el,
    ...list.map((c, i) =>
      h(
        'span',
        { class: 'chip', attrs: { 'data-field': c.field, 'data-op': c.op } },
        h('span', 'chip-text', conditionLabel(c)),
        h(
          'button',
          {
            attrs: { type: 'button', 'aria-label': `Remove filter ${conditionLabel(c)}` },
            on: { click: () => onRemove(i) },
          },
          '×',
        ),
      ),
    ),
  )
}

/** A saved segment as the API lists it. */
export interface SavedSegment {
  segment_id: string
  name: string
}

/** An annotation as the API lists it. */
export interface ChartAnnotation {
  annotation_id: string
  at: string
  text: string
}

/** The annotations of a site between two instants (epoch ms). */
export function fetchAnnotations(token: string, siteId: string, from: number, to: number) {
  const qs = new URLSearchParams({ from: String(Math.max(0, Math.floor(from))), to: String(Math.ceil(to)) })
  return apiFetch<ChartAnnotation[]>(token, `/api/v1/sites/${encodeURIComponent(siteId)}/annotations?${qs}`)
}

/** Add an annotation now. */
export function addAnnotation(token: string, siteId: string, text: string) {
  return apiFetch<ChartAnnotation>(token, `/api/v1/sites/${encodeURIComponent(siteId)}/annotations`, {
    method: 'POST',
    body: { text },
  })
}

/** The segments the token may use on a site. */
export function fetchSegments(token: string, siteId: string) {
  return apiFetch<SavedSegment[]>(token, `/api/v1/sites/${encodeURIComponent(siteId)}/segments`)
}

/** Save the view's filters as a shared segment. */
export function saveSegment(
  token: string,
  siteId: string,
  name: string,
  filters: Record<string, string>,
  conditions: Condition[],
) {
  return apiFetch<SavedSegment>(token, `/api/v1/sites/${encodeURIComponent(siteId)}/segments`, {
    method: 'POST',
    body: {
      name,
      filters,
      conditions: conditions.map((c) => [c.op, c.field, c.values]),
      visibility: 'shared',
    },
  })
}
