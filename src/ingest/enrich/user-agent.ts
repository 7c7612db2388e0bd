// Browser, system and device from the User-Agent (ua-parser-js 1.x, MIT) and, where the browser sent
// them, User-Agent Client Hints (`Sec-CH-UA*`), which are more exact than Chrome's frozen UA string.
// Names are grouped into families (docs/enrichment.md, "Browser and system names"): Linux distributions
// are Linux with the distribution as the version; Chromium and Iceweasel are Chrome and Firefox with
// the variant in the version. One device rule for every path: the parser's type, else desktop when a
// browser is recognised, else unknown (null).
import { isbot } from 'isbot'
import { UAParser } from 'ua-parser-js'
import { BoundedCache } from './cache'

/** The Client Hints headers a browser sends by default (low entropy) or on request. */
export interface ClientHints {
  /** `Sec-CH-UA`: brand list, e.g. `"Chromium";v="131", "Google Chrome";v="131"`. */
  brands?: string
  /** `Sec-CH-UA-Mobile`: `?1` on phones. */
  mobile?: string
  /** `Sec-CH-UA-Platform`: `"Windows"`. */
  platform?: string
  /** `Sec-CH-UA-Platform-Version`: `"15.0.0"` (Windows 11 and later from 13). */
  platformVersion?: string
}

/** What a User-Agent says about the visitor's software and device. */
export interface AgentInfo {
  browser: string | null
  browserVersion: string | null
  os: string | null
  osVersion: string | null
  deviceType: string | null
  /** The UA names a headless or automated browser. */
  headless: boolean
  /** The UA is a crawler, a tool or a library (isbot patterns). */
  bot: boolean
}

/** Browser names shortened to the familiar ones (ua-parser-js says "Mobile Safari", "Chrome Headless"). */
const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Mobile Chrome': 'Chrome',
  'Mobile Firefox': 'Firefox',
  'Chrome WebView': 'Chrome',
  'Chrome Headless': 'Chrome',
  'Google Chrome': 'Chrome',
  'Microsoft Edge': 'Edge',
}

/**
 * Browsers shown under their family, the variant kept in the version (`Chromium 32` under Chrome): a
 * rebuild of one engine under another name is the same browser to a reader of the panel.
 */
const BROWSER_VARIANTS: Record<string, string> = {
  Chromium: 'Chrome',
  Iron: 'Chrome',
  Iceweasel: 'Firefox',
  IceCat: 'Firefox',
}

/** Distributions ua-parser-js names as the system: shown as Linux, the distribution kept as the version. */
const LINUX_DISTRIBUTIONS = new Set([
  'Arch',
  'CentOS',
  'Debian',
  'Deepin',
  'Fedora',
  'Gentoo',
  'GNU',
  'Knoppix',
  'Kubuntu',
  'Linpus',
  'Linspire',
  'Lubuntu',
  'Mageia',
  'Mandriva',
  'Manjaro',
  'Mint',
  'PCLinuxOS',
  'RedHat',
  'Red Hat',
  'Sabayon',
  'Slackware',
  'SUSE',
  'openSUSE',
  'Ubuntu',
  'VectorLinux',
  'Xubuntu',
  'Zenwalk',
])

/** CPU names ua-parser-js reports as a Linux version (`Linux i686`): not a version. */
const ARCH = /^(i[3-6]86|x86_64|amd64|aarch64|arm\w*|ppc\w*|mips\w*|sparc\w*)$/i

/** The system's family and version: distributions of Linux → Linux with the distribution as the version. */
function systemOf(name: string | undefined, version: string | undefined): [string | null, string | null] {
  if (!name) return [null, null]
  if (name === 'Mac OS') return ['macOS', version ?? null]
  if (LINUX_DISTRIBUTIONS.has(name)) return ['Linux', (version ? `${name} ${version}` : name).slice(0, 32)]
  if (name === 'Linux') return ['Linux', version && !ARCH.test(version) ? version : null]
  return [name, version ?? null]
}

/** The browser's family and version: a variant (Chromium) → its family, the variant kept in the version. */
function browserOf(name: string | undefined, major: string | undefined): [string | null, string | null] {
  if (!name) return [null, null]
  const family = BROWSER_VARIANTS[name]
  if (family) return [family, (major ? `${name} ${major}` : name).slice(0, 32)]
  return [BROWSER_NAMES[name] ?? name, major ?? null]
}

const DEVICE_TYPES: Record<string, string> = {
  mobile: 'mobile',
  tablet: 'tablet',
  smarttv: 'tv',
  console: 'console',
  wearable: 'wearable',
  embedded: 'embedded',
}

const HEADLESS = /HeadlessChrome|PhantomJS|Headless|Electron\/|SlimerJS|Puppeteer|Playwright/i

const unquote = (s: string | undefined) => s?.trim().replace(/^"|"$/g, '') || undefined

/** The most specific brand of a `Sec-CH-UA` list (not the GREASE "Not A Brand", not plain Chromium). */
function brandOf(list: string): { name: string; major: string } | undefined {
  let chromium: { name: string; major: string } | undefined
  for (const m of list.matchAll(/"([^"]{1,64})"\s*;\s*v="(\d{1,6})/g)) {
    const [, name, major] = m
    if (/not.?a.?brand/i.test(name)) continue
    if (name === 'Chromium') chromium = { name, major }
    else return { name: BROWSER_NAMES[name] ?? name, major }
  }
  return chromium
}

/** Windows 11 reports platform version 13 or above in Client Hints; the UA says "10" for both. */
function windowsVersion(v: string): string {
  const major = Number(v.split('.')[0])
  return major >= 13 ? '11' : major > 0 ? '10' : v
}

/** Parse `ua` (and `hints`) without a cache. */
export function parseAgent(ua: string, hints: ClientHints = {}): AgentInfo {
  const r = new UAParser(ua).getResult()
  const name = r.browser.name
  const [browser, browserVersion] = browserOf(name, r.browser.major)
  const [os, osVersion] = systemOf(r.os.name, r.os.version)
  const info: AgentInfo = {
    browser,
    browserVersion,
    os,
    osVersion,
    deviceType: r.device.type ? (DEVICE_TYPES[r.device.type] ?? r.device.type) : name ? 'desktop' : null,
    headless: HEADLESS.test(ua),
    bot: isbot(ua),
  }
  const brand = hints.brands ? brandOf(hints.brands) : undefined
  if (brand) {
    info.browser = brand.name
    info.browserVersion = brand.major
  }
  const platform = unquote(hints.platform)
  if (platform) info.os = platform === 'macOS' || platform === 'Mac OS X' ? 'macOS' : platform
  const pv = unquote(hints.platformVersion)
  if (pv && platform) info.osVersion = platform === 'Windows' ? windowsVersion(pv) : pv
  if (hints.mobile === '?1' && info.deviceType === 'desktop') info.deviceType = 'mobile'
  return info
}

/** `parseAgent` behind a bounded cache, so a repeated UA (and hints) costs one map lookup. */
export class AgentParser {
  readonly cache: BoundedCache<string, AgentInfo>

  constructor(capacity = 10_000) {
    this.cache = new BoundedCache({ capacity })
  }

  /** What `ua` and `hints` say (cached; the result must not be changed). */
  parse(ua: string, hints: ClientHints = {}): AgentInfo {
    const key =
      hints.brands || hints.platform || hints.mobile || hints.platformVersion
        ? `${ua}\u0000${hints.brands ?? ''}\u0000${hints.mobile ?? ''}\u0000${hints.platform ?? ''}\u0000${hints.platformVersion ?? ''}`
        : ua
    let info = this.cache.get(key)
    if (!info) {
      info = parseAgent(ua.slice(0, 1024), hints)
      this.cache.set(key, info)
    }
    return info
  }
}
