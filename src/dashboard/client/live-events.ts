// The "Live events" panel: the site's events as they are acknowledged, newest first, read from the
// server-sent event stream with fetch (EventSource cannot send the Authorization header). Reconnects
// after a drop; event text is only ever inserted as text.
import { h, replace } from './dom'
import { createPanel } from './panel'

const MAX_ROWS = 50
const RETRY_MS = 3000

/** Stored event fields the panel shows. */
interface LiveEvent {
  event_type: string
  url: string | null
  session_id: string
  user_id: string | null
  received_at: number
}

/** The panel, and `follow(siteId)` to (re)start it on a site ('' stops it). */
export function createLiveEventsPanel(token: string) {
  const panel = createPanel('live-events', 'Live events', 'live-events')
  const list = h('ol', { class: 'live-list', attrs: { 'aria-live': 'polite' } })
  const status = h('p', 'muted live-status', '')
  let abort: AbortController | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  function stop() {
    abort?.abort()
    abort = undefined
    clearTimeout(timer)
  }

  function add(e: LiveEvent) {
    const time = new Date(e.received_at).toLocaleTimeString()
    const row = h(
      'li',
      'live-row',
      h('span', 'live-time', time),
      h('span', 'live-type', e.event_type),
      h('span', 'live-url', e.url ?? '—'),
      h('span', 'muted live-session', e.user_id ?? e.session_id),
    )
    list.prepend(row)
    while (list.children.length > MAX_ROWS) list.lastElementChild?.remove()
    if (list.children.length === 1) panel.show(status, list)
  }

  async function connect(siteId: string, ctl: AbortController) {
    try {
      const res = await fetch(`/api/v1/events/stream?site_id=${encodeURIComponent(siteId)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: ctl.signal,
        cache: 'no-store',
      })
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`)
      replace(status, 'Listening: events appear here the moment they are stored.')
      const reader = res.body.getReader()
      const dec = new TextDecoder()
      let buf = ''
      for (;;) {
        const r = await reader.read()
        if (r.done) break
        buf += dec.decode(r.value, { stream: true })
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const type = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (type === 'event' && data) add(JSON.parse(data) as LiveEvent)
        }
      }
    } catch (err) {
      if (ctl.signal.aborted) return
      replace(status, `Disconnected (${(err as Error).message}); retrying…`)
    }
    if (!ctl.signal.aborted) timer = setTimeout(() => connect(siteId, ctl), RETRY_MS)
  }

  return {
    panel,
    follow(siteId: string) {
      stop()
      replace(list)
      panel.show(status)
      replace(status, siteId ? 'Connecting…' : '')
      if (!siteId) return
      abort = new AbortController()
      void connect(siteId, abort)
    },
    stop,
  }
}
