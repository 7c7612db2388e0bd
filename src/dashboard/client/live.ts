// The live counter: sessions in the last 5 minutes, refreshed every 10 seconds while the tab is
// visible, and at once when the site changes.
import type { ApiClient } from './api'
import { h, replace } from './dom'
import { formatNumber } from './format'
import { fetchRealtime } from './queries'

const EVERY_MS = 10_000

/** A running live counter. */
export interface LiveCounter {
  /** Refresh now (e.g. after the site changed). */
  refresh(): void
  stop(): void
}

/** Start refreshing `el`; `target` gives the site to count (or undefined while none is chosen). */
export function startLiveCounter(
  el: HTMLElement,
  target: () => { api: ApiClient; siteId: string } | undefined,
): LiveCounter {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0
  const tick = async () => {
    clearTimeout(timer)
    const my = ++seq
    const t = target()
    if (t && document.visibilityState !== 'hidden') {
      try {
        const data = await fetchRealtime(t.api, t.siteId)
        if (stopped || my !== seq) return
        const n = Number(data.sessions)
        el.dataset.sessions = String(n)
        replace(
          el,
          h('span', 'dot'),
          h('strong', {}, formatNumber(n)),
          n === 1 ? ' session now' : ' sessions now',
        )
      } catch {
        if (stopped || my !== seq) return
        delete el.dataset.sessions
        replace(el, h('span', 'muted', 'live: unavailable'))
      }
    }
    if (!stopped && my === seq) timer = setTimeout(tick, EVERY_MS)
  }
  return {
    refresh() {
      if (stopped) return
      delete el.dataset.sessions
      replace(el)
      void tick()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
