// A site's server-side exclusion rules, compiled once per settings reload: addresses and CIDR ranges,
// URL path patterns, and the "don't count me" flag a tracker reports. `excludedBy` says which rule an
// event falls under; the ingest step that drops it (and counts the reason) is `exclusionStep`.
import type { SiteExclusions } from './model'

/** Why an event was excluded: the reasons counted in /health (`exclude:<reason>`). */
export type ExclusionReason = 'ip' | 'path' | 'opt_out'

/** The property a tracker sets on events of a browser whose owner asked not to be counted. */
export const OPT_OUT_PROPERTY = 'pulse_ignore'

/** A parsed address: family and value (IPv4-mapped IPv6 counts as IPv4). */
interface Address {
  v6: boolean
  n: bigint
}

/** Parse an IPv4 or IPv6 address; undefined when it is neither. */
export function parseAddress(text: string): Address | undefined {
  const s = text.trim().toLowerCase().split('%')[0]
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s)
  if (mapped) return parseAddress(mapped[1])
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    const parts = s.split('.').map(Number)
    if (parts.some((p) => p > 255)) return undefined
    return { v6: false, n: BigInt(((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]) }
  }
  if (!/^[0-9a-f:]+$/.test(s) || !s.includes(':')) return undefined
  const halves = s.split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const missing = 8 - head.length - tail.length
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined
  const groups = [...head, ...Array(missing).fill('0'), ...tail]
  if (groups.some((g) => g.length < 1 || g.length > 4)) return undefined
  return { v6: true, n: groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n) }
}

/** A range of addresses: family, network bits and prefix length. */
interface Range {
  v6: boolean
  net: bigint
  bits: number
}

/** Parse `addr` or `addr/len`; undefined when it is not one. */
export function parseRange(text: string): Range | undefined {
  const [addr, len] = text.split('/')
  const a = parseAddress(addr)
  if (!a) return undefined
  const width = a.v6 ? 128 : 32
  const bits = len === undefined ? width : Number(len)
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return undefined
  return { v6: a.v6, net: a.n >> BigInt(width - bits), bits }
}

function inRange(a: Address, r: Range): boolean {
  if (a.v6 !== r.v6) return false
  return a.n >> BigInt((a.v6 ? 128 : 32) - r.bits) === r.net
}

/** A path pattern as a RegExp: `*` within one segment, `**` across segments, the rest literal. */
export function pathPattern(pattern: string): RegExp {
  const body = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((lit) => lit.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*')
  return new RegExp(`^${body}$`)
}

/** The path of an event's URL (absolute or a path); undefined without one. */
function pathOf(url: string | null): string | undefined {
  if (!url) return undefined
  if (url.startsWith('/')) return url.split(/[?#]/)[0]
  try {
    return new URL(url).pathname
  } catch {
    return undefined
  }
}

/** A site's rules, ready to test events against. */
export interface CompiledExclusions {
  ranges: Range[]
  paths: RegExp[]
  optOut: boolean
}

/** Compile a site's rules (entries that do not parse are skipped: the schema has checked their shape). */
export function compileExclusions(rules: SiteExclusions | undefined): CompiledExclusions {
  return {
    ranges: (rules?.ips ?? []).map(parseRange).filter((r): r is Range => r !== undefined),
    paths: (rules?.paths ?? []).map(pathPattern),
    optOut: rules?.opt_out !== false,
  }
}

/** What an exclusion rule looks at in an event. */
export interface ExclusionSubject {
  url: string | null
  properties: string | null
  /** The visitor's address, when the request showed one. */
  ip?: string
}

/** The first rule `e` falls under, or undefined to keep it. */
export function excludedBy(rules: CompiledExclusions, e: ExclusionSubject): ExclusionReason | undefined {
  if (rules.optOut && e.properties?.includes(`"${OPT_OUT_PROPERTY}":true`)) return 'opt_out'
  if (rules.ranges.length > 0 && e.ip) {
    const a = parseAddress(e.ip)
    if (a && rules.ranges.some((r) => inRange(a, r))) return 'ip'
  }
  if (rules.paths.length > 0) {
    const path = pathOf(e.url)
    if (path !== undefined && rules.paths.some((p) => p.test(path))) return 'path'
  }
  return undefined
}

/** Where the step finds each site's compiled rules (the site store). */
export interface ExclusionSource {
  exclusionsOf(siteId: string): CompiledExclusions | undefined
}

/**
 * The ingest step (first in the enrichment pipeline, so an excluded event costs no further work): drops
 * an event its site's rules exclude; the pipeline counts the drop as `exclude:<reason>`.
 */
export function exclusionStep(source: ExclusionSource) {
  return {
    name: 'exclude',
    run(row: { siteId: string; url: string | null; properties: string | null }, ctx: { ip?: string }) {
      const rules = source.exclusionsOf(row.siteId)
      return rules ? excludedBy(rules, { url: row.url, properties: row.properties, ip: ctx.ip }) : undefined
    },
  }
}
