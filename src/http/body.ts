// Reading a JSON request body within limits: 413 when too large (declared, sent, or after gzip
// decompression), 408 when it trickles in slower than `BODY_DEADLINE_MS`, 415 for a content type that
// is not JSON, 400 when it is not UTF-8 or not strict JSON (see json-guard.ts). `text/plain` is accepted
// so browsers can send events without a CORS preflight, and curl's default form type because `curl -d`
// without a Content-Type header is the most common first try.
import { AppError } from './errors'
import { parseJsonStrict } from './json-guard'

const JSON_TYPES =
  /^(application\/json|text\/plain|application\/x-www-form-urlencoded|application\/[a-z.+-]*\+json)\s*(;|$)/i

/**
 * Longest time a body may take to arrive once the handler starts reading it. A client that stops
 * sending altogether is cut off earlier by the server's idle timeout; this bounds one that trickles.
 */
export const BODY_DEADLINE_MS = 30_000

/** Options of `readBodyText`. */
export interface ReadBodyOptions {
  /** See `BODY_DEADLINE_MS`. */
  deadlineMs?: number
}

/** Read the raw body as UTF-8 text, refusing more than `maxBytes` on the wire or decompressed. */
export async function readBodyText(
  request: Request,
  maxBytes: number,
  options: ReadBodyOptions = {},
): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes, options)
  try {
    return utf8.decode(bytes)
  } catch {
    throw new AppError(400, 'Request body is not valid UTF-8')
  }
}

/**
 * Read the raw body as bytes, with the limits of `readBodyText` (an import decodes it line by line, so
 * one byte that is not UTF-8 costs its line, not the file).
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  { deadlineMs = BODY_DEADLINE_MS }: ReadBodyOptions = {},
): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase()
  // Fast path: a plain body of declared length (the server holds it to that length) is read in one go;
  // streaming it chunk by chunk costs about half the throughput of small requests.
  if (declared !== null && (!encoding || encoding === 'identity')) return readWhole(request, deadlineMs)
  let stream = request.body
  if (!stream) return new Uint8Array(0)
  if (encoding === 'gzip')
    stream = stream.pipeThrough(limitBytes(maxBytes)).pipeThrough(new DecompressionStream('gzip'))
  else if (encoding && encoding !== 'identity')
    throw new AppError(415, `Unsupported Content-Encoding: ${encoding.slice(0, 40)}`)
  // A transport timeout, not business time: measured on the monotonic clock, not the injected one.
  const deadline = performance.now() + deadlineMs
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) throw tooLarge(maxBytes)
      if (performance.now() > deadline) throw slowBody(deadlineMs)
      chunks.push(value)
    }
  } catch (err) {
    reader.cancel().catch(() => undefined)
    if (err instanceof AppError) throw err
    throw new AppError(
      400,
      encoding === 'gzip' ? 'Request body is not valid gzip' : 'Request body could not be read',
    )
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function slowBody(deadlineMs: number): AppError {
  return new AppError(
    408,
    `Request body took longer than ${Math.round(deadlineMs / 1000)} s to arrive`,
    undefined,
    {
      connection: 'close',
    },
  )
}

/** The whole body of declared length, or 408 when it does not arrive within the deadline. */
async function readWhole(request: Request, deadlineMs: number): Promise<Uint8Array> {
  try {
    return await withDeadline(request.bytes(), deadlineMs)
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError(400, 'Request body could not be read')
  }
}

/** A read waiting for its body, and when it is late. */
interface Watched {
  lateAt: number
  deadlineMs: number
  reject: (err: AppError) => void
}

/**
 * Reads in progress. One timer per request (set, then cleared as the body arrives at once) costs more
 * than reading a small body; instead one interval, running only while reads wait, refuses those past
 * their deadline. A late body is cut off up to `SWEEP_MS` after its deadline.
 */
const watched = new Set<Watched>()
let sweeper: ReturnType<typeof setInterval> | undefined
const SWEEP_MS = 1000

function sweep(): void {
  const now = performance.now()
  for (const w of watched)
    if (now > w.lateAt) {
      watched.delete(w)
      w.reject(slowBody(w.deadlineMs))
    }
  if (watched.size === 0) {
    clearInterval(sweeper)
    sweeper = undefined
  }
}

/** `read`, or a 408 when it has not settled within `deadlineMs` (see `watched`). */
function withDeadline<T>(read: Promise<T>, deadlineMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w: Watched = { lateAt: performance.now() + deadlineMs, deadlineMs, reject }
    watched.add(w)
    if (!sweeper) {
      sweeper = setInterval(sweep, Math.min(SWEEP_MS, Math.max(10, deadlineMs / 4)))
      sweeper.unref?.()
    }
    read.then(
      (v) => {
        watched.delete(w)
        resolve(v)
      },
      (err) => {
        watched.delete(w)
        reject(err)
      },
    )
  })
}

/** Errors the stream once more than `maxBytes` pass: bounds the compressed side of a gzip body. */
function limitBytes(maxBytes: number): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > maxBytes) controller.error(tooLarge(maxBytes))
      else controller.enqueue(chunk)
    },
  })
}

/** 413; `Connection: close` so the server does not read the rest of a body it has refused. */
function tooLarge(maxBytes: number): AppError {
  return new AppError(413, `Request body too large: at most ${maxBytes} bytes`, undefined, {
    connection: 'close',
  })
}

/** Read and parse a JSON body (see module comment). */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  opts: ReadBodyOptions = {},
): Promise<unknown> {
  return (await readJson(request, maxBytes, opts)).value
}

/**
 * `readJsonBody`, also telling whether the text held a `\u` escape: without one, no string in the value
 * can hold a NUL or a lone surrogate (the text was strictly decoded UTF-8, and JSON refuses raw control
 * characters), so those checks can be skipped.
 */
export async function readJson(
  request: Request,
  maxBytes: number,
  opts: ReadBodyOptions = {},
): Promise<{ value: unknown; plainText: boolean }> {
  const type = request.headers.get('content-type')
  if (type !== null && type !== '' && !JSON_TYPES.test(type))
    throw new AppError(415, 'Content-Type must be application/json (or text/plain carrying JSON)')
  const text = await readBodyText(request, maxBytes, opts)
  if (text.trim() === '') throw new AppError(400, 'Request body is empty: expected a JSON object')
  return { value: parseJsonStrict(text), plainText: !text.includes('\\u') }
}
