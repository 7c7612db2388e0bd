// The tracker's second bundle (/tracker-extras.js), loaded by tracker.js when `capture` asks for more
// than it does itself. Each capture becomes a normal event through `PULSE.trackEvent`:
//   outbound   a click on a link to another host      → `outbound_link` {url}
//   downloads  a click on a link to a file            → `file_download` {url, extension}
//   404        a page with <meta name="pulse-404">    → `not_found` {path} (or call `PULSE.notFound()`)
//   forms      a form submitted                        → `form_submit` {form}
//   tagged     a click in `data-pulse-event="Name"`   → `Name` with its `data-pulse-prop-*` as properties
//   vitals     LCP, INP, CLS, FCP, TTFB of the page   → one `web_vitals` event {lcp, inp, cls, fcp, ttfb}
//   engagement visible, focused time and deepest scroll → `engagement` {time_ms, scroll} when the page is
//              hidden or left, or before an SPA navigation (for the page being left)
import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals'

const DEFAULT_DOWNLOADS =
  'pdf,xlsx,xls,docx,doc,txt,rtf,csv,exe,key,pps,ppt,pptx,7z,pkg,rar,gz,zip,avi,mov,mp4,mpeg,wmv,midi,mp3,wav,wma,dmg,iso,msi,apk,epub'

const w = window as unknown as {
  PULSE: { trackEvent(name: string, props?: Record<string, unknown>): void; notFound?: () => void }
  PULSE_OPTIONS?: { capture?: string[]; downloads?: string[] }
}
const o = w.PULSE_OPTIONS || {}
const has = (c: string) => (o.capture || []).indexOf(c) >= 0
const track = (name: string, props?: Record<string, unknown>) => w.PULSE.trackEvent(name, props)
const downloads = (o.downloads || DEFAULT_DOWNLOADS.split(',')).map((e) => e.toLowerCase())

function onClick(ev: MouseEvent): void {
  if (ev.type === 'auxclick' && ev.button !== 1) return
  const target = ev.target as Element | null
  const tagged = has('tagged') ? target?.closest?.('[data-pulse-event]') : null
  if (tagged) {
    const props: Record<string, string> = {}
    for (const a of Array.from(tagged.attributes))
      if (a.name.indexOf('data-pulse-prop-') === 0) props[a.name.slice(16)] = a.value
    track(tagged.getAttribute('data-pulse-event') || 'click', props)
    return
  }
  const link = target?.closest?.('a[href]') as HTMLAnchorElement | null
  if (!link || !/^https?:$/.test(link.protocol)) return
  const ext = /\.([a-z0-9]+)$/i.exec(link.pathname)?.[1]?.toLowerCase()
  if (has('downloads') && ext && downloads.indexOf(ext) >= 0)
    track('file_download', { url: link.href.split(/[?#]/)[0], extension: ext })
  else if (has('outbound') && link.host !== location.host) track('outbound_link', { url: link.href })
}

if (has('outbound') || has('downloads') || has('tagged')) {
  document.addEventListener('click', onClick, true)
  document.addEventListener('auxclick', onClick, true)
}

if (has('forms'))
  document.addEventListener(
    'submit',
    (ev) => {
      const f = ev.target as HTMLFormElement
      track('form_submit', { form: f.id || f.getAttribute('name') || f.getAttribute('action') || '' })
    },
    true,
  )

if (has('404')) {
  w.PULSE.notFound = () => track('not_found', { path: location.pathname })
  if (document.querySelector('meta[name="pulse-404"]')) w.PULSE.notFound()
}

if (has('vitals')) {
  const values: Record<string, number> = {}
  let sent = false
  const keep = (m: { name: string; value: number }) => {
    values[m.name.toLowerCase()] =
      Math.round(m.value * (m.name === 'CLS' ? 1000 : 1)) / (m.name === 'CLS' ? 1000 : 1)
  }
  for (const on of [onLCP, onINP, onCLS, onFCP, onTTFB]) on(keep, { reportAllChanges: true })
  // Once per page view, when the page is hidden (the metrics are final then). Capture listeners run
  // before the tracker's own, so its flush on hiding carries the event.
  const send = () => {
    if (sent || Object.keys(values).length === 0) return
    sent = true
    track('web_vitals', values)
  }
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && send(), true)
  addEventListener('pagehide', send, true)
}

if (has('engagement')) {
  // Time counts while the page is visible and focused; scroll is the deepest percent reached.
  let since = 0
  let total = 0
  let deepest = 0
  const tick = () => {
    const now = Date.now()
    if (since) total += now - since
    since = document.visibilityState === 'visible' && document.hasFocus() ? now : 0
  }
  const scroll = () => {
    const d = document.documentElement
    const room = d.scrollHeight - innerHeight
    const p = room > 0 ? Math.round(Math.min(1, scrollY / room) * 100) : 100
    if (p > deepest) deepest = p
  }
  /** Send what was gathered; `gone`: the page is hidden or left, so nothing counts until it is back. */
  const send = (gone?: boolean) => {
    tick()
    if (gone) since = 0
    if (total > 0) track('engagement', { time_ms: total, scroll: deepest })
    total = 0
    deepest = 0
  }
  tick()
  scroll()
  addEventListener('scroll', scroll, { passive: true })
  addEventListener('focus', tick, true)
  addEventListener('blur', tick, true)
  document.addEventListener(
    'visibilitychange',
    () => (document.visibilityState === 'hidden' ? send(true) : tick()),
    true,
  )
  addEventListener('pagehide', () => send(true), true)
  addEventListener('pageshow', tick, true)
  // Before the tracker's own wrapper records the next page: the event belongs to the page being left.
  for (const m of ['pushState', 'replaceState'] as const) {
    const next = history[m]
    history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
      if (args[2] != null && new URL(String(args[2]), location.href).href !== location.href) send()
      next.apply(this, args)
      scroll()
    }
  }
  // Back and forward: the URL has changed already, so this event names the page arrived at.
  addEventListener('popstate', () => send(), true)
}
