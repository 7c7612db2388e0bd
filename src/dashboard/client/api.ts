// The dashboard's API client. Paths, query parameters, bodies and response data are typed from
// src/sdk/src/openapi-types.ts (shared with the SDK), generated from the server's /openapi/json. The token travels only in the
// Authorization header, never in a URL.
import type { paths } from '../../sdk/src/openapi-types'

type Method = 'get' | 'post'
/** Paths of the API that answer `method`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never
}[keyof paths]
type Op<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never
/** The documented query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> =
  Op<P, M> extends { parameters: { query?: infer Q } }
    ? [NonNullable<Q>] extends [never]
      ? Record<string, never>
      : NonNullable<Q>
    : never
/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never
/** The `data` of an operation's 200 envelope. */
export type DataOf<P extends keyof paths, M extends Method = 'get'> =
  Op<P, M> extends { responses: { 200: { content: { 'application/json': { data: infer D } } } } } ? D : never

/** Extra query parameters the schema describes by pattern (e.g. `property.plan`), not by name. */
export type ExtraQuery = Record<string, string | number | boolean | undefined>

/** An error answered by the API: its status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A client bound to one bearer token. */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly base = '',
  ) {}

  /** GET `path` with `query` (plus pattern-named `extra`); resolves to the envelope's data. */
  get<P extends PathsWith<'get'>>(path: P, query: QueryOf<P>, extra: ExtraQuery = {}): Promise<DataOf<P>> {
    return this.send('GET', `${path}${toSearch({ ...(query as ExtraQuery), ...extra })}`)
  }

  /** POST `body` as JSON to `path`; resolves to the envelope's data. */
  post<P extends PathsWith<'post'>>(path: P, body: BodyOf<P>): Promise<DataOf<P, 'post'>> {
    return this.send('POST', path, JSON.stringify(body))
  }

  private async send<T>(method: string, url: string, body?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` }
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(this.base + url, { method, headers, body, cache: 'no-store' })
    } catch {
      throw new ApiError(0, 'The server cannot be reached')
    }
    const json = (await res.json().catch(() => null)) as {
      success?: boolean
      data?: T
      error?: string
    } | null
    if (!res.ok || !json || json.success !== true)
      throw new ApiError(res.status, json?.error ?? `Request failed with status ${res.status}`)
    return json.data as T
  }
}

/** `?a=1&b=2` from the defined values of `query` (an empty value is kept: it is a filter for "missing"). */
export function toSearch(query: ExtraQuery): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}
