// The reports read figures through the stats API itself (the app's own `handle`, with the admin token),
// so a digest, an alert or /metrics cannot disagree with the dashboard: same parsing, same SQL, same
// rounding, same flush-before-read.
import { AppError } from '../http/errors'

/** GET an analytics route with query parameters; resolves to the envelope's `data`, throws its error. */
export type StatsClient = (path: string, params: Record<string, string>) => Promise<any>

/** A stats client answering through `handle` with `adminToken`. */
export function statsClient(
  handle: (request: Request) => Promise<Response>,
  adminToken: string | undefined,
): StatsClient {
  return async (path, params) => {
    if (!adminToken) throw new Error('reports need an admin token to read the stats API')
    const url = `http://localhost${path}?${new URLSearchParams(params)}`
    const res = await handle(new Request(url, { headers: { authorization: `Bearer ${adminToken}` } }))
    const body = (await res.json().catch(() => undefined)) as
      | { success: true; data: unknown }
      | { success: false; error: string }
      | undefined
    if (!body?.success) {
      const error = `stats ${path} answered ${res.status}: ${(body as any)?.error ?? ''}`
      // Busy (429) or unavailable (503, e.g. the flush before the read did not finish in time): the same
      // answer, with its Retry-After, for whoever asked (a scrape of /metrics), not a 500. The scheduler
      // treats it as any failed attempt and tries again.
      if (res.status === 429 || res.status === 503)
        throw new AppError(res.status, error, undefined, {
          'retry-after': res.headers.get('retry-after') ?? '1',
        })
      throw new Error(error)
    }
    return body.data
  }
}
