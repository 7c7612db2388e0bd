// The server's own request limit, enforced in the app so that its 413 carries the error envelope.
// Bun refuses a body over `maxRequestBodySize` itself, before any JavaScript runs: a bare 413 with no
// body and no content type (measured on Bun 1.4.5, for a declared length and for a chunked body). So
// Bun's cap is lifted (`BUN_BODY_CAP`) and the same limit is applied here, first thing for every route:
// a declared length over it is refused before the body is read; a body without a declared length
// (chunked) is read through `readBodyBytes` under the limit whichever way a route reads it.
import { readBodyBytes } from './body'
import { errorResponse } from './envelope'
import { AppError } from './errors'

/**
 * The largest request body the server reads, for any route: PULSE_MAX_BODY_BYTES + 1 MiB (routes
 * that read their own body may allow less; an import part may use all of it).
 */
export function requestLimitBytes(maxBodyBytes: number): number {
  return maxBodyBytes + 1_048_576
}

/** Bun's `maxRequestBodySize`: as good as none, so that every 413 comes from `limitRequestBody`. */
export const BUN_BODY_CAP = Number.MAX_SAFE_INTEGER

const utf8 = new TextDecoder()

/**
 * An `onRequest` step: a 413 envelope (closing the connection) when the declared length is over
 * `limit`; for a body without a declared length, the request's body readers read at most `limit`
 * bytes (a 413 when it passes, through the error funnel). The same `Request` object stays in place:
 * Bun knows the client's address only for the object it created (`server.requestIP`).
 */
export function limitRequestBody(request: Request, limit: number): Response | undefined {
  const declared = request.headers.get('content-length')
  if (declared !== null) {
    if (Number(declared) <= limit) return undefined
    return errorResponse(
      new AppError(413, `Request body too large: at most ${limit} bytes`, undefined, {
        connection: 'close',
      }),
    )
  }
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return undefined
  // A copy on its own ArrayBuffer, as `Blob` and `Response` want.
  const bytes = async () => new Uint8Array(await readBodyBytes(request, limit))
  const type = request.headers.get('content-type') ?? ''
  Object.defineProperties(request, {
    bytes: { value: bytes },
    arrayBuffer: { value: async () => (await bytes()).buffer },
    blob: { value: async () => new Blob([await bytes()], { type }) },
    text: { value: async () => utf8.decode(await bytes()) },
    json: { value: async () => JSON.parse(utf8.decode(await bytes())) },
    formData: {
      value: async () => new Response(await bytes(), { headers: { 'content-type': type } }).formData(),
    },
  })
  return undefined
}
