// Bot signals, each a reason stored in `bot_reason`: a crawler or tool User-Agent (isbot patterns,
// Unlicense), a headless or automated browser (the UA, or `navigator.webdriver` reported by the
// tracker), a referrer-spam host, and a burst of events from one visitor faster than a person clicks.
import { isbot } from 'isbot'
import { BoundedCache } from './cache'

/** The reasons an event is a bot, in the order they are checked. */
export const BOT_REASONS = ['ua', 'headless', 'webdriver', 'referrer_spam', 'burst'] as const
export type BotReason = (typeof BOT_REASONS)[number]

/**
 * Hosts that send fake referrals to advertise themselves (a small list of the best-known; the
 * Matomo referrer-spam list is public domain and could replace it).
 */
export const SPAM_HOSTS: readonly string[] = [
  'semalt.com',
  'buttons-for-website.com',
  'buttons-for-your-website.com',
  'darodar.com',
  'best-seo-offer.com',
  'best-seo-solution.com',
  'ilovevitaly.com',
  'priceg.com',
  'hulfingtonpost.com',
  'free-share-buttons.com',
  'get-free-traffic-now.com',
  'social-buttons.com',
  'trafficmonetize.com',
  'videos-for-your-business.com',
  'success-seo.com',
  'seoanalyses.com',
  'floating-share-buttons.com',
  'site-auditor.online',
]
const SPAM = new Set(SPAM_HOSTS)

/** Whether `host` (lower-case) is a spam host or a subdomain of one. */
export function isSpamHost(host: string): boolean {
  let h = host
  for (;;) {
    if (SPAM.has(h)) return true
    const dot = h.indexOf('.')
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return false
    h = h.slice(dot + 1)
  }
}

/** Whether the User-Agent is a crawler, a tool or a library (curl, python-requests, …). */
export function isBotAgent(ua: string): boolean {
  return isbot(ua)
}

/** Options of `BurstRule`. */
export interface BurstOptions {
  /** Events one visitor may send per minute before the rest of that minute counts as a bot (0: off). */
  perMinute: number
  /** Most visitors tracked at once (memory bound). */
  capacity?: number
}

/** Counts each visitor's events in fixed one-minute windows, in bounded memory. */
export class BurstRule {
  private readonly windows: BoundedCache<string, { start: number; n: number }>

  constructor(private readonly opts: BurstOptions) {
    this.windows = new BoundedCache({ capacity: opts.capacity ?? 100_000 })
  }

  /**
   * Count one event of `visitor` at `now`; true when it is over the limit. `memo` keeps the last
   * visitor's window for the rest of a request (a batch is mostly one visitor).
   */
  hit(
    visitor: string,
    now: number,
    memo: { burstVisitor?: string; burstWindow?: { start: number; n: number } } = {},
  ): boolean {
    if (this.opts.perMinute <= 0) return false
    const w = memo.burstVisitor === visitor ? memo.burstWindow : this.windows.get(visitor)
    if (!w || now - w.start >= 60_000) {
      const fresh = { start: now, n: 1 }
      this.windows.set(visitor, fresh)
      memo.burstVisitor = visitor
      memo.burstWindow = fresh
      return this.opts.perMinute < 1
    }
    memo.burstVisitor = visitor
    memo.burstWindow = w
    w.n++
    return w.n > this.opts.perMinute
  }

  /** Visitors tracked now. */
  get size(): number {
    return this.windows.size
  }
}
