// A minimal HTTP/1.1 keep-alive client connection over a raw TCP socket, for the load generator: one
// request in flight per connection, pre-built request bytes, and just enough response parsing (status,
// Content-Length or chunked body). Much cheaper per request than fetch, so the generator is less likely
// to be the bottleneck on a 2-core machine.
import type { Socket } from 'bun'

/** Called once per request with the HTTP status (0: the connection failed) and the body text. */
export type OnResponse = (status: number, body: string) => void

const HEAD_END = Buffer.from('\r\n\r\n')

/** One keep-alive connection. */
export class Connection {
  private socket: Socket<Connection> | undefined
  private buf: Buffer | undefined
  private out: Buffer | undefined
  private onResponse: OnResponse | undefined
  /** False once the connection is closed (by either side). */
  alive = false

  /** Open a connection to `host:port`. */
  static async open(host: string, port: number): Promise<Connection> {
    const c = new Connection()
    c.socket = await Bun.connect<Connection>({
      hostname: host,
      port,
      data: c,
      socket: {
        binaryType: 'buffer',
        data: (s, chunk) => s.data.received(chunk),
        drain: (s) => s.data.flushOut(),
        close: (s) => s.data.closed(),
        error: (s) => s.data.closed(),
        end: (s) => s.data.closed(),
      },
    })
    c.socket.setNoDelay(true)
    c.alive = true
    return c
  }

  /** True while a request waits for its response. */
  get busy(): boolean {
    return this.onResponse !== undefined
  }

  /** Send one complete request; `onResponse` runs when its response has arrived. */
  send(request: Buffer, onResponse: OnResponse): void {
    if (this.onResponse) throw new Error('a request is already in flight on this connection')
    if (!this.alive || !this.socket) {
      onResponse(0, '')
      return
    }
    this.onResponse = onResponse
    this.out = request
    this.flushOut()
  }

  /** Close the connection. */
  close(): void {
    this.alive = false
    this.socket?.end()
  }

  private flushOut(): void {
    if (!this.out || !this.socket) return
    const n = this.socket.write(this.out)
    if (n < 0) {
      this.closed()
      return
    }
    this.out = n >= this.out.length ? undefined : this.out.subarray(n)
  }

  private closed(): void {
    this.alive = false
    const cb = this.onResponse
    this.onResponse = undefined
    this.buf = undefined
    cb?.(0, '')
  }

  private received(chunk: Buffer): void {
    this.buf = this.buf ? Buffer.concat([this.buf, chunk]) : chunk
    while (this.buf && this.onResponse) {
      const parsed = parseResponse(this.buf)
      if (!parsed) return
      this.buf = parsed.rest.length > 0 ? parsed.rest : undefined
      const cb = this.onResponse
      this.onResponse = undefined
      cb(parsed.status, parsed.body)
    }
  }
}

/** Parse one complete response from the start of `buf`, or undefined if more bytes are needed. */
export function parseResponse(buf: Buffer): { status: number; body: string; rest: Buffer } | undefined {
  const headEnd = buf.indexOf(HEAD_END)
  if (headEnd < 0) return undefined
  const head = buf.toString('latin1', 0, headEnd)
  const status = Number(head.slice(9, 12))
  const start = headEnd + 4
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)
  if (length) {
    const end = start + Number(length[1])
    if (buf.length < end) return undefined
    return { status, body: buf.toString('utf8', start, end), rest: buf.subarray(end) }
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const parts: string[] = []
    let at = start
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at)
      if (lineEnd < 0) return undefined
      const size = Number.parseInt(buf.toString('latin1', at, lineEnd), 16)
      const dataEnd = lineEnd + 2 + size
      if (buf.length < dataEnd + 2) return undefined
      if (size === 0) return { status, body: parts.join(''), rest: buf.subarray(dataEnd + 2) }
      parts.push(buf.toString('utf8', lineEnd + 2, dataEnd))
      at = dataEnd + 2
    }
  }
  return { status, body: '', rest: buf.subarray(start) }
}
