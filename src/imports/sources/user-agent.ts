// Device type and bot detection from a user-agent string, for the access-log importers.
import { isbot } from 'isbot'
import { UAParser } from 'ua-parser-js'

/** mobile, tablet or desktop (ua-parser-js's other types and unknown count as desktop). */
export function deviceFromUserAgent(ua: string): string {
  const type = new UAParser(ua).getDevice().type
  return type === 'mobile' || type === 'tablet' ? type : 'desktop'
}

/** Whether the user agent is a crawler, monitor or other bot (empty counts as a bot). */
export function isBotAgent(ua: string): boolean {
  return ua === '' || ua === '-' || isbot(ua)
}
