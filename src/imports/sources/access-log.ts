// Web-server access logs: the nginx/Apache "combined" format and Caddy's JSON access log. A log holds
// every request; only page views become events: successful (2xx, 304) GET requests for a page (not a
// static file) by a browser (not a bot). Everything else is counted as ignored. Logs carry no session:
// a visitor is a hash of IP address, user agent and day (the IP itself is never stored), and that hash
// is also the session. The mapping is in docs/imports.md.
import { anonymousId, deviceFromUserAgent, type MapperOptions, rowEventId, type SourceMapper } from './source'
import { isBotAgent } from './user-agent'

/** The request fields both log formats provide. */
export interface LogRequest {
  ip: string
  ts: number
  method: string
  /** Path and query as requested. */
  uri: string
  /** Host, when the log has it (Caddy). */
  host?: string
  status: number
  referrer?: string
  userAgent: string
}

const STATIC =
  /\.(css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|mp4|webm|mp3|pdf|zip|gz|json|xml|txt|wasm)$/i
const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
}

/** `10/Oct/2000:13:55:36 -0700` → epoch ms, or NaN. */
export function parseClfTime(s: string): number {
  const m = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(s)
  if (!m || !MONTHS[m[2]]) return Number.NaN
  return Date.parse(`${m[3]}-${MONTHS[m[2]]}-${m[1]}T${m[4]}${m[5]}:${m[6]}`)
}

const COMBINED =
  /^(\S+) \S+ \S+ \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) (?:\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"/

/** One line of the combined format, or a reason it is not one. */
export function parseCombined(text: string): LogRequest | { invalid: string } {
  const m = COMBINED.exec(text)
  if (!m) return { invalid: 'not a combined-format log line' }
  const ts = parseClfTime(m[2])
  if (Number.isNaN(ts)) return { invalid: `bad time ${m[2]}` }
  const [method = '', uri = ''] = m[3].split(' ')
  const unquote = (s: string) => s.replace(/\\(.)/g, '$1')
  return {
    ip: m[1],
    ts,
    method,
    uri,
    status: Number(m[4]),
    referrer: m[5] === '-' ? undefined : unquote(m[5]),
    userAgent: unquote(m[6]),
  }
}

/** One line of Caddy's JSON access log (`ts` in seconds, or an ISO string with a time format set). */
export function parseCaddy(text: string): LogRequest | { invalid: string } | null {
  let v: any
  try {
    v = JSON.parse(text)
  } catch {
    return { invalid: 'not valid JSON' }
  }
  const r = v?.request
  if (!r || typeof r !== 'object') return null
  const ts = typeof v.ts === 'number' ? Math.round(v.ts * 1000) : Date.parse(String(v.ts))
  if (!Number.isFinite(ts)) return { invalid: 'ts is not a time' }
  const header = (name: string): string | undefined => {
    const h = r.headers?.[name]
    return Array.isArray(h) && typeof h[0] === 'string' ? h[0] : undefined
  }
  return {
    ip: String(r.client_ip ?? r.remote_ip ?? ''),
    ts,
    method: String(r.method ?? ''),
    uri: String(r.uri ?? ''),
    host: typeof r.host === 'string' ? r.host : undefined,
    status: Number(v.status),
    referrer: header('Referer'),
    userAgent: header('User-Agent') ?? '',
  }
}

/** Why a request is not a page view, or undefined when it is one. */
function notAPageView(r: LogRequest): string | undefined {
  if (r.method !== 'GET') return 'not a GET request'
  if (!((r.status >= 200 && r.status < 300) || r.status === 304)) return 'not a successful response'
  if (!r.uri.startsWith('/')) return 'not a path'
  if (STATIC.test(r.uri.split('?')[0])) return 'a static file'
  if (isBotAgent(r.userAgent)) return 'a bot'
  return undefined
}

function mapperFor(
  prefix: string,
  parse: (text: string) => LogRequest | { invalid: string } | null,
  opts: MapperOptions,
): SourceMapper {
  return {
    map(line) {
      if (line.text.trim() === '') return null
      const r = parse(line.text)
      if (r === null) return { ignore: 'not an access-log entry' }
      if ('invalid' in r) return r
      const why = notAPageView(r)
      if (why) return { ignore: why }
      const day = Math.floor(r.ts / 86_400_000)
      const visitor = anonymousId('v', `${r.ip}\u0000${r.userAgent}\u0000${day}`)
      return {
        event: {
          site_id: opts.siteId,
          event_type: 'page_view',
          timestamp: r.ts,
          session_id: visitor,
          url: r.host ? `https://${r.host}${r.uri}` : r.uri,
          referrer: r.referrer,
          device_type: deviceFromUserAgent(r.userAgent),
          event_id: rowEventId(prefix, line),
        },
      }
    },
  }
}

/** The mapper of an nginx/Apache combined-format log; `opts.siteId` is required. */
export const combinedMapper = (opts: MapperOptions) => mapperFor('log', parseCombined, opts)

/** The mapper of a Caddy JSON access log; `opts.siteId` is required. */
export const caddyMapper = (opts: MapperOptions) => mapperFor('caddy', parseCaddy, opts)
