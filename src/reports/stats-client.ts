// The reports read figures through the stats API itself (the app's own `handle`, with the admin token),
// so a digest, an alert or /metrics cannot disagree with the dashboard: same parsing, same SQL, same
// rounding, same flush-before-read.

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
    if (!body?.success) throw new Error(`stats ${path} answered ${res.status}: ${(body as any)?.error ?? ''}`)
    return body.data
  }
}
