// Raw HTTP/1.1 over a TCP socket, for the cases fetch cannot send: lying Content-Length, a body that
// trickles or stops, a chosen client address (127.0.0.x) for per-IP limits.
import { connect } from 'node:net'

/** A parsed HTTP response (the first one on the connection), or what arrived if none did. */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Everything received, for diagnosis. */
  raw: string
  /** Whether the server closed the connection before `waitMs` ran out. */
  closed: boolean
}

/** Options of `rawRequest`. */
export interface RawOptions {
  /** Local address to connect from (any 127.0.0.x works on Linux loopback). */
  localAddress?: string
  /** Pieces written one after another, `gapMs` apart (a slow body). */
  pieces?: string[]
  gapMs?: number
  /** Half-close the connection after writing. */
  end?: boolean
  /** Give up after this long (the connection is then destroyed by the client). */
  waitMs?: number
  /** After a complete response, keep listening until the server closes (or `waitMs`). */
  awaitClose?: boolean
}

/** Send `head` (and `opts.pieces`) to 127.0.0.1:`port`; resolve with the response when complete. */
export function rawRequest(port: number, head: string, opts: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const sock = connect({ port, host: '127.0.0.1', localAddress: opts.localAddress })
    let raw = ''
    let settled = false
    const finish = (closed: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      sock.destroy()
      resolve({ ...parse(raw), raw, closed })
    }
    const timer = setTimeout(() => finish(false), opts.waitMs ?? 5000)
    sock.on('data', (d) => {
      raw += d.toString('utf8')
      if (!opts.awaitClose && complete(raw)) finish(false)
    })
    sock.on('close', () => finish(true))
    sock.on('error', () => finish(true))
    sock.on('connect', async () => {
      sock.write(head)
      for (const piece of opts.pieces ?? []) {
        await Bun.sleep(opts.gapMs ?? 0)
        if (settled) return
        sock.write(piece)
      }
      if (opts.end) sock.end()
    })
  })
}

function parse(raw: string): Pick<RawResponse, 'status' | 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n')
  const head = split === -1 ? raw : raw.slice(0, split)
  const [statusLine, ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const i = line.indexOf(':')
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0)
  const length = Number(headers['content-length'] ?? 0)
  const body = split === -1 ? '' : raw.slice(split + 4, split + 4 + length)
  return { status, headers, body }
}

/** Whether `raw` holds a full response with a Content-Length body. */
function complete(raw: string): boolean {
  const split = raw.indexOf('\r\n\r\n')
  if (split === -1) return false
  const { headers } = parse(raw)
  if (!('content-length' in headers)) return false
  return Buffer.byteLength(raw.slice(split + 4)) >= Number(headers['content-length'])
}

/** Request head for a POST with a JSON body. */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: '127.0.0.1', 'content-type': 'application/json', ...headers }).map(
    ([k, v]) => `${k}: ${v}`,
  )
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`
}
