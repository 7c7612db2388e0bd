// Read helpers: typed requests to the analytics API with the site's secret key (or the admin token),
// unwrapping the `{success:true, data}` envelope. Query and result types come from the server's
// OpenAPI document (openapi-types.ts): an endpoint missing from it is typed loosely until regenerated.
import type { paths } from './openapi-types.js'
import { request, type TransportOptions } from './transport.js'

type Json200<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never
type DataOf<B> = B extends { data: infer D } ? D : unknown
type Loose = Record<string, string | number | boolean | undefined>

/** The `data` of a GET endpoint's 200 response. */
export type GetResult<P extends string> = P extends keyof paths ? DataOf<Json200<paths[P]['get']>> : unknown
/** The `data` of a POST endpoint's 200 response. */
export type PostResult<P extends string> = P extends keyof paths ? DataOf<Json200<paths[P]['post']>> : unknown
/** A GET endpoint's query; `site_id` may be left out (the client fills in its own). */
export type GetQuery<P extends string> = P extends keyof paths
  ? paths[P]['get'] extends { parameters: { query?: infer Q } }
    ? [NonNullable<Q>] extends [never]
      ? Loose
      : Omit<NonNullable<Q>, 'site_id'> & { site_id?: string }
    : Loose
  : Loose
/** A POST endpoint's JSON body; `site_id` may be left out. */
export type PostBody<P extends string> = P extends keyof paths
  ? paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? Omit<B, 'site_id'> & { site_id?: string }
    : Record<string, unknown>
  : Record<string, unknown>

/** `GET /api/v1/stats` query (`metric`, `period`, …) and result (`{metric, value, period}` for one metric). */
export type StatsQuery = GetQuery<'/api/v1/stats'>
export type Stats = GetResult<'/api/v1/stats'>

/** Where read requests go and with which key. */
export interface ReadTarget {
  endpoint: string
  apiKey: string
  siteId: string
  transport: TransportOptions
}

const headersOf = (t: ReadTarget) => ({ authorization: `Bearer ${t.apiKey}`, accept: 'application/json' })

/** GET `path` with a query string (undefined values left out, `site_id` defaulted); returns `data`. */
export async function getData<P extends string>(
  target: ReadTarget,
  path: P,
  query: GetQuery<P> | Loose = {},
): Promise<GetResult<P>> {
  const params = new URLSearchParams({ site_id: target.siteId })
  for (const [k, v] of Object.entries(query as Loose)) if (v !== undefined) params.set(k, String(v))
  const url = `${target.endpoint}${path}?${params}`
  const body = await request(url, { method: 'GET', headers: headersOf(target) }, target.transport)
  return (body as { data: GetResult<P> }).data
}

/** POST a JSON body (with `site_id` defaulted) to `path`; returns `data`. */
export async function postData<P extends string>(
  target: ReadTarget,
  path: P,
  body: PostBody<P> | Record<string, unknown>,
): Promise<PostResult<P>> {
  const init = {
    method: 'POST',
    headers: { ...headersOf(target), 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: target.siteId, ...body }),
  }
  const res = await request(`${target.endpoint}${path}`, init, target.transport)
  return (res as { data: PostResult<P> }).data
}
