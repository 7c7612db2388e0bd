// A tiny DOM builder. Text always goes in through text nodes (textContent), never through HTML
// parsing: event data is hostile input and must stay inert.
type Child = Node | string | number | null | undefined | false

/** Options of `h`: class, attributes (never event-handler attributes), and listeners. */
export interface ElementOptions {
  class?: string
  attrs?: Record<string, string | undefined>
  on?: Partial<Record<keyof HTMLElementEventMap, (ev: Event) => void>>
}

/** Create an element with options and children; strings and numbers become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: ElementOptions | string = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  const o = typeof opts === 'string' ? { class: opts } : opts
  if (o.class) el.className = o.class
  for (const [k, v] of Object.entries(o.attrs ?? {})) {
    if (/^on/i.test(k)) throw new Error(`refusing event-handler attribute ${k}`)
    if (v !== undefined) el.setAttribute(k, v)
  }
  for (const [ev, fn] of Object.entries(o.on ?? {})) if (fn) el.addEventListener(ev, fn)
  append(el, ...children)
  return el
}

/** Append children; strings and numbers become text nodes. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
}

/** Replace every child of `el` with `children`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, ...children)
}
