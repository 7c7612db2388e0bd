// Reading a JSON request body within a byte limit: 413 when too large (declared or actual),
// 415 for a content type that is not JSON, 400 when it does not parse. `text/plain` is accepted so
// browsers can send events without a CORS preflight, and curl's default form type because `curl -d`
// without a Content-Type header is the most common first try.
import { AppError } from './errors'

const JSON_TYPES =
  /^(application\/json|text\/plain|application\/x-www-form-urlencoded|application\/[a-z.+-]*\+json)\s*(;|$)/i

/** Read the raw body as UTF-8 text, refusing more than `maxBytes`. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  const encoding = request.headers.get('content-encoding')?.trim().toLowerCase()
  let stream = request.body
  if (!stream) return ''
  if (encoding === 'gzip') stream = stream.pipeThrough(new DecompressionStream('gzip'))
  else if (encoding && encoding !== 'identity')
    throw new AppError(415, `Unsupported Content-Encoding: ${encoding.slice(0, 40)}`)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        reader.cancel().catch(() => undefined)
        throw tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    throw new AppError(
      400,
      encoding === 'gzip' ? 'Request body is not valid gzip' : 'Request body could not be read',
    )
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(
    chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
  )
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(413, `Request body too large: at most ${maxBytes} bytes`)
}

/** Read and parse a JSON body (see module comment). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type')
  if (type !== null && type !== '' && !JSON_TYPES.test(type))
    throw new AppError(415, 'Content-Type must be application/json (or text/plain carrying JSON)')
  const text = await readBodyText(request, maxBytes)
  if (text.trim() === '') throw new AppError(400, 'Request body is empty: expected a JSON object')
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new AppError(400, `Request body is not valid JSON: ${(err as Error).message.slice(0, 120)}`)
  }
}
