// The browser tracker behind `window.PULSE`: init, trackPageView, trackEvent (and optOut/optIn).
// Replays the calls an async snippet's stub queued in `PULSE.q`, fills url, referrer, timestamp,
// session and device, and hands events to the sender. Nothing here may throw into the host page.
import { detectDevice } from './device'
import { randomId } from './ids'
import { enqueue, flush, setTarget } from './send'
import { sessionId } from './session'

interface InitOptions {
  siteId: string
  apiKey: string
  /** Base URL of the PULSE server; defaults to the origin this script was loaded from. */
  endpoint?: string
  /** Send a page view now and on every SPA navigation (pushState, replaceState, popstate). */
  autoTrack?: boolean
  /** Send nothing when the browser asks not to be tracked (Do Not Track or Global Privacy Control). */
  respectDnt?: boolean
  /**
   * What to capture on top (also `data-capture` on the script element, space- or comma-separated):
   * `hash` (hash changes are page views), `screen` (screen size and language on page views), and, from
   * the extras bundle, `outbound`, `downloads`, `404`, `forms`, `tagged`, `vitals`.
   */
  capture?: string[] | string
  /** File extensions counted as downloads (default: the extras bundle's list). */
  downloads?: string[]
  /** Count pages on `localhost` too (also `data-track-localhost`); they are skipped by default. */
  trackLocalhost?: boolean
  /** Path patterns not to count (`*` within a segment, `**` across; also `data-exclude`, comma-separated). */
  exclude?: string[] | string
}
interface PageViewOptions {
  url?: string
  referrer?: string
  deviceType?: string
}
type Api = Record<string, (...args: any[]) => void>

const OPT_OUT = 'pulse_optout'
const w = window as unknown as { PULSE?: { q?: [string, ArrayLike<unknown>][]; loaded?: boolean } }
const nav = navigator as Navigator & { globalPrivacyControl?: boolean }
const me = document.currentScript as HTMLScriptElement | null
const scriptSrc = me?.src
const data = (n: string) => me?.getAttribute(`data-${n}`)
let site = ''
let off = false
let lastUrl: string | undefined
let capture: string[] = []
let exclude: RegExp[] = []
const early: [string, unknown[]][] = []

const cut = (v: unknown, n: number) => (v == null || v === '' ? undefined : String(v).slice(0, n))
const list = (v: unknown): string[] => (Array.isArray(v) ? v : v ? String(v).split(/[\s,]+/) : [])
const has = (c: string) => capture.indexOf(c) >= 0
const pageUrl = () => (has('hash') ? location.href : location.href.split('#')[0])
const glob = (p: string) =>
  new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*?/g, (m) => (m[1] ? '.*' : '[^/]*'))}$`)

/** A flag in localStorage (false where storage is blocked). */
function flag(k: string): boolean {
  try {
    return !!localStorage.getItem(k)
  } catch {
    return false
  }
}

function send(type: string, fields: Record<string, any>): void {
  if (off || flag(OPT_OUT) || exclude.some((r) => r.test(location.pathname))) return
  // The owner's own browser ("don't count me" page: `localStorage.pulse_ignore`): the server drops it.
  if (flag('pulse_ignore')) fields.properties = { ...fields.properties, pulse_ignore: true }
  const now = Date.now()
  enqueue({
    site_id: site,
    event_type: type.slice(0, 64),
    timestamp: now,
    session_id: sessionId(now),
    url: cut(location.href, 2048),
    referrer: cut(document.referrer, 2048),
    device_type: detectDevice(nav.userAgent, nav.maxTouchPoints),
    event_id: randomId(),
    // An automated browser says so (WebDriver spec); the server then marks the event as a bot.
    ...(nav.webdriver ? { webdriver: true } : {}),
    ...fields,
  })
}

/** Flat properties the server accepts: primitives as they are, anything else as JSON text. */
function flat(props: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  let n = 0
  for (const k in props) {
    const v = props[k]
    if (k === 'userId' || v === undefined || typeof v === 'function' || n >= 32) continue
    out[k.slice(0, 64)] =
      v === null || typeof v === 'number' || typeof v === 'boolean'
        ? v
        : cut(typeof v === 'string' ? v : JSON.stringify(v), 512)
    n++
  }
  return n ? out : undefined
}

function onNavigate(): void {
  if (pageUrl() === lastUrl) return
  lastUrl = pageUrl()
  safe.trackPageView()
}

const api: Api = {
  init(o: InitOptions) {
    if (site || !o || !o.siteId || !o.apiKey) return
    // Pages on localhost are a developer's: skipped unless asked for (the console says so once).
    if (
      /^localhost$|\.localhost$|^\[::1\]$/.test(location.hostname) &&
      !o.trackLocalhost &&
      data('track-localhost') == null
    )
      return console.info('PULSE: localhost not counted')
    capture = list(o.capture).concat(list(data('capture')))
    exclude = list(o.exclude)
      .concat(list(data('exclude')))
      .map(glob)
    site = o.siteId
    const endpoint = o.endpoint || (scriptSrc ? new URL(scriptSrc).origin : location.origin)
    setTarget({ endpoint: endpoint.replace(/\/+$/, ''), apiKey: o.apiKey })
    off = !!o.respectDnt && (nav.doNotTrack === '1' || nav.globalPrivacyControl === true)
    addEventListener('pagehide', () => flush(true))
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush(true))
    if (o.autoTrack) {
      for (const m of ['pushState', 'replaceState'] as const) {
        const original = history[m]
        history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
          original.apply(this, args)
          onNavigate()
        }
      }
      addEventListener('popstate', onNavigate)
      onNavigate()
    }
    if (has('hash')) addEventListener('hashchange', onNavigate)
    // Outbound links, downloads, 404s, forms, tagged elements and web vitals live in a second bundle.
    if (capture.some((c) => !/^(hash|screen)$/.test(c))) {
      ;(w as any).PULSE_OPTIONS = { ...o, capture }
      const x = document.createElement('script')
      x.src = `${endpoint.replace(/\/+$/, '')}/tracker-extras.js`
      document.head.appendChild(x)
    }
    for (const [name, args] of early.splice(0)) safe[name](...args)
  },
  trackPageView(o?: PageViewOptions) {
    o = o || {}
    send('page_view', {
      url: cut(o.url || location.href, 2048),
      referrer: cut(o.referrer ?? document.referrer, 2048),
      device_type: cut(o.deviceType, 32) || detectDevice(nav.userAgent, nav.maxTouchPoints),
      properties: has('screen')
        ? { screen: `${screen.width}x${screen.height}`, language: nav.language }
        : undefined,
    })
  },
  trackEvent(name: string, props?: Record<string, unknown>) {
    if (!name) return
    props = props || {}
    send(String(name), { user_id: cut(props.userId, 128), properties: flat(props) })
  },
  optOut() {
    localStorage.setItem(OPT_OUT, '1')
  },
  optIn() {
    localStorage.removeItem(OPT_OUT)
  },
}

// Every public method is wrapped: track calls before init wait (up to 50), no error reaches the page.
const safe: Api = {}
for (const name in api)
  safe[name] = (...args: unknown[]) => {
    try {
      if (site || !name.startsWith('track')) api[name](...args)
      else if (early.length < 50) early.push([name, args])
    } catch {}
  }

// The async snippet's stub queued calls as [name, arguments]: take its place, then replay them.
const stub = w.PULSE
if (!stub?.loaded) {
  w.PULSE = { ...safe, loaded: true }
  for (const [name, args] of stub?.q || []) safe[name]?.(...Array.from(args))
}
