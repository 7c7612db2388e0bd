// Real receivers for the reports tests: an SMTP server (`smtp-server`, messages parsed with
// `mailparser`) and an HTTP webhook receiver (Bun.serve), both on free local ports.
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** An SMTP server on a free port accepting user `pulse` with `password`; `mails` are parsed as they arrive. */
export async function startSmtp(password = 'right-password') {
  const mails: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'pulse' && auth.password === password) cb(null, { user: 'pulse' })
      else cb(new Error('Authentication failed'))
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.push(m)
          cb()
        })
        .catch(cb)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as { port: number }).port
  const env = (pw = password) => ({
    PULSE_SMTP_HOST: '127.0.0.1',
    PULSE_SMTP_PORT: String(port),
    PULSE_SMTP_SECURITY: 'none',
    PULSE_SMTP_USER: 'pulse',
    PULSE_SMTP_PASSWORD: pw,
    PULSE_SMTP_FROM: 'PULSE <pulse@example.com>',
  })
  return { port, mails, env, close: () => new Promise<void>((r) => server.close(() => r())) }
}

/** A received webhook call. */
export interface Hook {
  body: string
  headers: Record<string, string>
}

/** An HTTP receiver on a free port; answers `status()` (default 200) and keeps every call. */
export function startReceiver(status: () => number = () => 200) {
  const calls: Hook[] = []
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      calls.push({ body: await req.text(), headers: Object.fromEntries(req.headers) })
      return new Response('ok', { status: status() })
    },
  })
  return { url: `http://127.0.0.1:${server.port}/hook`, calls, close: () => server.stop(true) }
}

/** Page views of distinct sessions at `ts` (epoch ms) on `url`. */
export function views(siteId: string, n: number, ts: number, url = 'https://shop.example/', prefix = 's') {
  return Array.from({ length: n }, (_, i) => ({
    site_id: siteId,
    event_type: 'page_view',
    timestamp: ts - i * 1000,
    session_id: `${prefix}-${ts}-${i}`,
    url,
    referrer: 'https://www.google.com/search',
    country: 'DE',
  }))
}
