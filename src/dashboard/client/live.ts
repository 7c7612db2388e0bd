// The live counter: sessions in the last 5 minutes, refreshed every 10 seconds while the tab is
// visible.
import type { ApiClient } from './api'
import { h, replace } from './dom'
import { formatNumber } from './format'
import { fetchRealtime } from './queries'

const EVERY_MS = 10_000

/** Start refreshing `el`; `target` gives the site to count (or undefined). Returns a stop function. */
export function startLiveCounter(
  el: HTMLElement,
  target: () => { api: ApiClient; siteId: string } | undefined,
): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = async () => {
    const t = target()
    if (t && document.visibilityState !== 'hidden') {
      try {
        const data = await fetchRealtime(t.api, t.siteId)
        if (stopped) return
        const n = Number(data.sessions)
        el.dataset.sessions = String(n)
        replace(
          el,
          h('span', 'dot'),
          h('strong', {}, formatNumber(n)),
          n === 1 ? ' session now' : ' sessions now',
        )
      } catch {
        if (!stopped) replace(el, h('span', 'muted', 'live: unavailable'))
      }
    }
    if (!stopped) timer = setTimeout(tick, EVERY_MS)
  }
  // The first call waits a moment so the site id (set by the site picker) is known.
  timer = setTimeout(tick, 50)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
