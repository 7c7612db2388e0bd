// Device type and bot detection from a user-agent string, for the access-log importers. A log repeats
// the same few thousand agents: answers are cached (bounded; the cache is dropped whole when full, O(1)).
import { isbot } from 'isbot'
import { UAParser } from 'ua-parser-js'

const MAX_CACHED = 10_000
let cache = new Map<string, { device: string; bot: boolean }>()

function lookup(ua: string): { device: string; bot: boolean } {
  let hit = cache.get(ua)
  if (hit) return hit
  const type = new UAParser(ua).getDevice().type
  hit = {
    device: type === 'mobile' || type === 'tablet' ? type : 'desktop',
    bot: ua === '' || ua === '-' || isbot(ua),
  }
  if (cache.size >= MAX_CACHED) cache = new Map()
  cache.set(ua, hit)
  return hit
}

/** mobile, tablet or desktop (ua-parser-js's other types and unknown count as desktop). */
export function deviceFromUserAgent(ua: string): string {
  return lookup(ua).device
}

/** Whether the user agent is a crawler, monitor or other bot (empty counts as a bot). */
export function isBotAgent(ua: string): boolean {
  return lookup(ua).bot
}
