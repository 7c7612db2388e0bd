// A Plausible-compatible script, served at /js/script.js and Plausible's file-name variants
// (`script.hash.outbound-links.js` …): reads `data-domain` (and `data-api`, `data-exclude`,
// `data-include`), sends page views and `window.plausible(name, {props, revenue, callback, u})` calls
// to `POST /api/event` as Plausible's own script does. The server wraps this bundle with the extensions
// the file name selects, as the array `PLAUSIBLE_EXTENSIONS`. Nothing here may throw into the page.
declare const PLAUSIBLE_EXTENSIONS: string[]

interface Options {
  props?: Record<string, unknown>
  revenue?: { amount: number | string; currency: string }
  callback?: (r?: { status?: number; error?: unknown }) => void
  u?: string
  interactive?: boolean
}
type Queued = ArrayLike<unknown>

const has = (e: string) => PLAUSIBLE_EXTENSIONS.indexOf(e) >= 0
const script = document.currentScript as HTMLScriptElement | null
const attr = (n: string) => script?.getAttribute(n) || ''
const domain = attr('data-domain') || location.hostname
const api = attr('data-api') || `${script ? new URL(script.src).origin : location.origin}/api/event`
const FILE_TYPES =
  'pdf,xlsx,docx,txt,rtf,csv,exe,key,pps,ppt,pptx,7z,pkg,rar,gz,zip,avi,mov,mp4,mpeg,wmv,midi,mp3,wav,wma,dmg'
const w = window as unknown as { plausible?: ((...a: unknown[]) => void) & { q?: Queued[] } }

/** Plausible's path globs: `*` within a segment, `**` across. */
function globMatch(pattern: string, path: string): boolean {
  const re = pattern
    .trim()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*')
  return new RegExp(`^${re}$`).test(path)
}

function skipped(): string | undefined {
  if (/^localhost$|^127(\.\d+){0,2}\.\d+$|^\[::1?\]$/.test(location.hostname) && !has('local'))
    return 'localhost'
  if (location.protocol === 'file:') return 'file'
  if (has('exclusions')) {
    const path = location.pathname
    const inc = attr('data-include')
    const exc = attr('data-exclude')
    if (inc && !inc.split(',').some((p) => globMatch(p, path))) return 'exclusion'
    if (exc?.split(',').some((p) => globMatch(p, path))) return 'exclusion'
  }
}

function ignored(): boolean {
  try {
    return localStorage.plausible_ignore === 'true'
  } catch {
    return false
  }
}

function trigger(name: string, o?: Options): void {
  o = o || {}
  const done = o.callback
  if (skipped()) return void done?.()
  const props: Record<string, unknown> = { ...(o.props || {}) }
  if (name === 'pageview' && has('pageview-props')) {
    for (const a of Array.from(script?.attributes || []))
      if (a.name.indexOf('event-') === 0) props[a.name.slice(6)] = a.value
  }
  // The owner's own browser ("don't count me"): the server drops it and counts the drop.
  if (ignored()) props.pulse_ignore = true
  const payload: Record<string, unknown> = {
    n: name,
    u: o.u || location.href,
    d: domain,
    r: document.referrer || null,
  }
  if (Object.keys(props).length) payload.p = props
  if (o.revenue) payload.$ = o.revenue
  if (o.interactive === false) payload.i = false
  if (has('hash')) payload.h = 1
  fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify(payload),
    keepalive: true,
  })
    .then((r) => done?.({ status: r.status }))
    .catch((error) => done?.({ error }))
}

let lastPage: string | undefined
function page(): void {
  const here = has('hash') ? location.href : location.href.split('#')[0]
  if (here === lastPage) return
  lastPage = here
  trigger('pageview')
}

function linkOf(el: EventTarget | null): HTMLAnchorElement | undefined {
  let n = el as HTMLElement | null
  for (let i = 0; n && i < 5; i++, n = n.parentElement)
    if (n.tagName === 'A' && (n as HTMLAnchorElement).href) return n as HTMLAnchorElement
}

/** A click on a link or a tagged element: `plausible-event-name=Name` and `plausible-event-<prop>=v` classes. */
function onClick(ev: MouseEvent): void {
  if (ev.type === 'auxclick' && ev.button !== 1) return
  const link = linkOf(ev.target)
  if (has('tagged-events')) {
    let n = ev.target as HTMLElement | null
    for (let i = 0; n && i < 5; i++, n = n.parentElement) {
      const classes = (n.getAttribute('class') || '').split(/\s+/)
      const named = classes.find((c) => c.indexOf('plausible-event-name=') === 0)
      if (!named) continue
      const props: Record<string, string> = {}
      for (const c of classes) {
        const m = /^plausible-event-(.+)=(.+)$/.exec(c)
        if (m && m[1] !== 'name') props[m[1]] = m[2].replace(/\+/g, ' ')
      }
      trigger(named.slice(21).replace(/\+/g, ' '), { props })
      return
    }
  }
  if (!link) return
  if (has('outbound-links') && link.host && link.host !== location.host) {
    trigger('Outbound Link: Click', { props: { url: link.href } })
    return
  }
  const extra = attr('add-file-types')
  const types = (attr('file-types') || (extra ? `${FILE_TYPES},${extra}` : FILE_TYPES)).split(',')
  const ext = link.pathname.split('.').pop()?.toLowerCase()
  if (has('file-downloads') && ext && link.pathname.indexOf('.') > 0 && types.indexOf(ext) >= 0)
    trigger('File Download', { props: { url: link.href.split('?')[0] } })
}

function plausible(...args: unknown[]): void {
  try {
    trigger(String(args[0]), args[1] as Options)
  } catch {}
}

const queued = w.plausible?.q || []
w.plausible = plausible
for (const args of queued) plausible(...Array.from(args))

if (!has('manual')) {
  if (has('hash')) addEventListener('hashchange', page)
  const push = history.pushState
  history.pushState = function (this: History, ...a: Parameters<History['pushState']>) {
    push.apply(this, a)
    page()
  }
  addEventListener('popstate', page)
  if ((document.visibilityState as string) === 'prerender')
    document.addEventListener('visibilitychange', () => lastPage || page())
  else page()
}
document.addEventListener('click', onClick)
document.addEventListener('auxclick', onClick)

// A module, so its top-level names stay its own.
export {}
