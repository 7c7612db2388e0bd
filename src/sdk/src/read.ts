// The one typed HTTP layer for reading PULSE, used by the SDK's read helpers and by the dashboard:
// requests with a bearer key through the SDK transport, unwrapping the `{success:true, data}` envelope.
// Paths, queries, bodies and results are typed from the server's OpenAPI document (openapi-types.ts,
// generated; test/sdk/openapi-drift.test.ts keeps it current).
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

/** `GET /api/v1/stats` query (`metric` or `metrics`, `period`, `compare`, filters). */
export type StatsQuery = GetQuery<'/api/v1/stats'>
/** `GET /api/v1/stats` result: one of the two shapes below (tell them apart with `'value' in stats`). */
export type Stats = GetResult<'/api/v1/stats'>
/** The answer to `metric=…` (or no metric): the seed's `{metric, value, period}`. */
export type StatsSingle = Extract<Stats, { value: number }>
/** The answer to `metrics=a,b,…`: `{period, timezone, from, to, metrics}`. */
export type StatsMulti = Extract<Stats, { metrics: object }>

/** Query parameters named by a pattern (`property.plan`), which the generated types cannot list. */
export type ExtraQuery = Record<string, string | number | boolean | undefined>

/** Where read requests go and with which key; `siteId`, when set, is the default `site_id`. */
export interface ReadTarget {
  endpoint: string
  apiKey: string
  siteId?: string
  transport: TransportOptions
}

const headersOf = (t: ReadTarget) => ({ authorization: `Bearer ${t.apiKey}`, accept: 'application/json' })

/** `?a=1&b=2` from the defined values of `query` (an empty value is kept: it is a filter for "missing"). */
export function toSearch(query: ExtraQuery): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * GET `path` with its typed `query` plus pattern-named `extra` parameters (`site_id` defaulted to
 * the target's); returns the envelope's `data`.
 */
export async function getData<P extends string>(
  target: ReadTarget,
  path: P,
  query?: GetQuery<P>,
  extra: ExtraQuery = {},
): Promise<GetResult<P>> {
  const search = toSearch({ site_id: target.siteId, ...(query as ExtraQuery), ...extra })
  const url = `${target.endpoint}${path}${search}`
  const body = await request(url, { method: 'GET', headers: headersOf(target) }, target.transport)
  return (body as { data: GetResult<P> }).data
}

/** POST a JSON body (with `site_id` defaulted) to `path`; returns `data`. */
export async function postData<P extends string>(
  target: ReadTarget,
  path: P,
  body: PostBody<P>,
): Promise<PostResult<P>> {
  const init = {
    method: 'POST',
    headers: { ...headersOf(target), 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: target.siteId, ...body }),
  }
  const res = await request(`${target.endpoint}${path}`, init, target.transport)
  return (res as { data: PostResult<P> }).data
}
