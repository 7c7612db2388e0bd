// The client address a per-IP rate limit is keyed by. An IPv6 client usually controls a whole /64,
// so IPv6 addresses are bucketed by that prefix; IPv4-mapped IPv6 addresses count as their IPv4 address.

/**
 * The client's address: the TCP peer, or — behind `trustedProxies` reverse proxies — the address the
 * outermost trusted proxy saw, counted from the right of `X-Forwarded-For` (each proxy appends the
 * address it received from; entries further left are the client's own claims and are ignored).
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | null,
  trustedProxies: number,
): string | undefined {
  if (trustedProxies <= 0 || !forwardedFor) return peer
  const hops = forwardedFor
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h.length > 0 && h.length <= 64)
  return hops[Math.max(0, hops.length - trustedProxies)] ?? peer
}

/** The rate-limit id of a peer address: IPv4 as is, IPv6 as its /64 prefix (`2001:db8:0:1::/64`). */
export function ipBucketId(address: string): string {
  if (!address.includes(':')) return address
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped) return mapped[1]
  const groups = expandIpv6(address.split('%')[0])
  if (!groups) return address
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** The eight hextets of an IPv6 address (lower case), or undefined when it is not one. */
function expandIpv6(address: string): string[] | undefined {
  const halves = address.toLowerCase().split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups : undefined
}
