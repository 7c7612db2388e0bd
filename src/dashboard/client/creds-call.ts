// A JSON call with the dashboard's credentials: the token when signed in with one (break-glass), or the
// cookie session (same origin: the browser sends it and the Origin the server checks).
import type { Credentials } from './state'

/** The envelope as the settings pages read it. */
export type Json = { success: boolean; data?: any; error?: string }

/** Call `path`; resolves to the status and the parsed envelope. */
export async function callWith(creds: Credentials, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {}
  if (creds.token) headers.authorization = `Bearer ${creds.token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  })
  const json = (await res.json().catch(() => ({ success: false, error: `HTTP ${res.status}` }))) as Json
  return { status: res.status, body: json }
}
