// The HTTP details of accounts: the session cookie (HttpOnly, SameSite=Lax, Secure behind TLS) and the
// client address used for sign-in limits and the audit log.
import { clientAddress, ipBucketId } from '../http/client-ip'
import { SESSION_COOKIE } from './credentials'

/** Something that knows a request's peer address (Bun's server; absent under `app.handle`). */
export type PeerSource = { requestIP(request: Request): { address: string } | null } | null | undefined

/** The client's address (IPv6 by /64), or undefined when unknown. */
export function addressOf(server: PeerSource, request: Request, trustedProxies: number): string | undefined {
  const peer = server?.requestIP(request)?.address
  const a = clientAddress(peer, request.headers.get('x-forwarded-for'), trustedProxies)
  return a ? ipBucketId(a) : undefined
}

/** Whether the client reached the server over TLS (directly, through a trusted proxy, or by the public URL). */
export function overTls(request: Request, publicUrl: string, trustedProxies: number): boolean {
  if (request.url.startsWith('https:') || publicUrl.startsWith('https:')) return true
  return trustedProxies > 0 && request.headers.get('x-forwarded-proto') === 'https'
}

/** The Set-Cookie value starting a session of `maxAgeMs`. */
export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ]
  if (secure) attrs.push('Secure')
  return attrs.join('; ')
}

/** The Set-Cookie value clearing the session cookie. */
export function clearedCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`
}
