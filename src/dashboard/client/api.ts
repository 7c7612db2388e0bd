// The dashboard's API client: the SDK's typed read layer (src/sdk/src/read.ts, typed from the
// generated src/sdk/src/openapi-types.ts) bound to the signed-in token, with no retries and errors
// turned into ApiError for the screens. The token travels only in the Authorization header.
import { PulseError } from '../../sdk/src/errors'
import type { paths } from '../../sdk/src/openapi-types'
import {
  type ExtraQuery,
  type GetQuery,
  type GetResult,
  getData,
  type PostBody,
  type PostResult,
  postData,
  type ReadTarget,
} from '../../sdk/src/read'

/** Paths of the API that answer `method`. */
type PathsWith<M extends 'get' | 'post'> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never
}[keyof paths]

/** An error answered by the API (or status 0 when the server cannot be reached): status and message. */
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
  private readonly target: ReadTarget

  constructor(token: string, base = '') {
    this.target = {
      endpoint: base,
      apiKey: token,
      transport: {
        // An empty token: the cookie session authenticates, so no Authorization header is sent.
        fetch: (url, init) =>
          fetch(url, { ...init, cache: 'no-store', headers: token ? init?.headers : noAuth(init?.headers) }),
        maxRetries: 0,
        retryBaseMs: 0,
        maxRetryDelayMs: 0,
        timeoutMs: 30_000,
      },
    }
  }

  /** GET `path` with `query` (plus pattern-named `extra`); resolves to the envelope's data. */
  get<P extends PathsWith<'get'>>(
    path: P,
    query: GetQuery<P>,
    extra: ExtraQuery = {},
  ): Promise<GetResult<P>> {
    return settle(getData(this.target, path, query, extra))
  }

  /** POST `body` as JSON to `path`; resolves to the envelope's data. */
  post<P extends PathsWith<'post'>>(path: P, body: PostBody<P>): Promise<PostResult<P>> {
    return settle(postData(this.target, path, body))
  }
}

/** `headers` without Authorization. */
function noAuth(headers: HeadersInit | undefined): Headers {
  const out = new Headers(headers)
  out.delete('authorization')
  return out
}

/** The SDK's PulseError as the dashboard's ApiError. */
async function settle<T>(call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (err) {
    if (!(err instanceof PulseError)) throw err
    if (err.kind === 'http') throw new ApiError(err.status, err.message)
    throw new ApiError(0, 'The server cannot be reached')
  }
}
