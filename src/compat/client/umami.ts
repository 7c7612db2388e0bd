// An Umami-compatible script, served at /script.js: reads `data-website-id`, `data-host-url`,
// `data-domains`, `data-auto-track`, `data-exclude-search`, `data-exclude-hash` and `data-tag`, sends
// page views (also on pushState/replaceState and, unless hashes are excluded, on hash changes) and
// `umami.track(…)` calls to `POST /api/send`, and tracks clicks on `data-umami-event` elements.
// Nothing here may throw into the page.
type Data = Record<string, unknown>
type Props = Record<string, unknown>

const script = document.currentScript as HTMLScriptElement | null
const attr = (n: string) => script?.getAttribute(n) || ''
const website = attr('data-website-id')
const host = (attr('data-host-url') || (script ? new URL(script.src).origin : location.origin)).replace(
  /\/+$/,
  '',
)
const domains = attr('data-domains')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean)
const autoTrack = attr('data-auto-track') !== 'false'
const excludeSearch = attr('data-exclude-search') === 'true'
const excludeHash = attr('data-exclude-hash') === 'true'
const tag = attr('data-tag') || undefined

function pagePath(): string {
  const u = new URL(location.href)
  if (excludeSearch) u.search = ''
  if (excludeHash) u.hash = ''
  return u.pathname + u.search + u.hash
}

let currentUrl = pagePath()
let currentRef = document.referrer

function disabled(): boolean {
  try {
    if (localStorage.getItem('umami.disabled')) return true
  } catch {}
  return !website || (domains.length > 0 && domains.indexOf(location.hostname) < 0)
}

function base(): Props {
  return {
    website,
    hostname: location.hostname,
    screen: `${screen.width}x${screen.height}`,
    language: navigator.language,
    title: document.title,
    url: currentUrl,
    referrer: currentRef,
    tag,
  }
}

function send(payload: Props, type = 'event'): Promise<unknown> {
  if (disabled()) return Promise.resolve()
  return fetch(`${host}/api/send`, {
    method: 'POST',
    body: JSON.stringify({ type, payload }),
    headers: { 'Content-Type': 'application/json' },
    credentials: 'omit',
    keepalive: true,
  })
    .then((r) => r.json())
    .catch(() => undefined)
}

/** `track()`, `track(name)`, `track(name, data)`, `track(payload)`, `track(props => payload)`. */
function track(a?: unknown, b?: Data): Promise<unknown> {
  try {
    if (typeof a === 'string') return send({ ...base(), name: a, data: b })
    if (typeof a === 'object' && a) return send({ ...(a as Props), website })
    if (typeof a === 'function') return send(a(base()))
    return send(base())
  } catch {
    return Promise.resolve()
  }
}

function identify(data: Data | string): Promise<unknown> {
  return send({ ...base(), ...(typeof data === 'string' ? { id: data } : { data }) }, 'identify')
}

function onNavigate(): void {
  const next = pagePath()
  if (next === currentUrl) return
  currentRef = currentUrl
  currentUrl = next
  track()
}

function onClick(ev: MouseEvent): void {
  let el = ev.target as HTMLElement | null
  for (let i = 0; el && i < 10; i++, el = el.parentElement) {
    const name = el.getAttribute?.('data-umami-event')
    if (!name) continue
    const data: Data = {}
    for (const a of Array.from(el.attributes)) {
      const m = /^data-umami-event-(.+)$/.exec(a.name)
      if (m) data[m[1]] = a.value
    }
    track(name, data)
    return
  }
}

const w = window as unknown as { umami?: unknown }
w.umami = { track, identify }
document.addEventListener('click', onClick, true)
if (autoTrack) {
  for (const m of ['pushState', 'replaceState'] as const) {
    const original = history[m]
    history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args)
      setTimeout(onNavigate, 0)
    }
  }
  addEventListener('popstate', onNavigate)
  if (!excludeHash) addEventListener('hashchange', onNavigate)
  if (document.readyState === 'complete') track()
  else addEventListener('load', () => track())
}

// A module, so its top-level names stay its own.
export {}
