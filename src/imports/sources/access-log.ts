// Web-server access logs: the nginx/Apache "combined" format, Caddy's JSON access log and the W3C
// extended format (IIS; w3c-log.ts). A log holds
// every request; successful (2xx, 304) GET requests for a page (no extension, or a page extension such
// as .html or .php) become page views, and those for a download (.pdf, .zip, .jar …) `file_download`
// events. Everything else is ignored, counted by reason. Bots are stored, flagged by the import's
// enrichment. Logs carry no session: a session is a visitor-day, an id keyed with a secret over
// address, User-Agent and day (neither is stored). The mapping is in docs/imports.md.
import { anonymousId, type IgnoreReason, type MapperOptions, type SourceMapper } from './source'
import { createW3cParser } from './w3c-log'

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

/** Extensions of pages: a path without an extension is a page too. Everything else is not a page view. */
const PAGE_EXTENSIONS = new Set([
  'html',
  'htm',
  'shtml',
  'xhtml',
  'php',
  'phtml',
  'asp',
  'aspx',
  'jsp',
  'jspx',
  'cfm',
  'cgi',
  'pl',
  'do',
  'action',
])

/** Extensions of downloads: stored as `file_download` events, not page views. */
const DOWNLOAD_EXTENSIONS = new Set([
  ...['pdf', 'epub', 'mobi', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'csv'],
  ...['zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar', 'jar', 'war', 'gem', 'whl', 'egg'],
  ...['exe', 'msi', 'dmg', 'pkg', 'deb', 'rpm', 'apk', 'iso', 'img', 'torrent', 'crx', 'xpi'],
  ...['mp3', 'm4a', 'ogg', 'wav', 'flac', 'mp4', 'avi', 'mov', 'mkv', 'webm'],
])

/** What a path is: a page, a download, or something else (a static asset or a file the site serves). */
export function kindOfPath(path: string): 'page' | 'download' | 'static' {
  const last = path.slice(path.lastIndexOf('/') + 1)
  const dot = last.lastIndexOf('.')
  if (dot <= 0) return 'page'
  const ext = last.slice(dot + 1).toLowerCase()
  if (PAGE_EXTENSIONS.has(ext)) return 'page'
  return DOWNLOAD_EXTENSIONS.has(ext) ? 'download' : 'static'
}

/**
 * The event a request becomes (a page view, a file download), or why it is none. Bots are not decided
 * here: the import's enrichment checks every User-Agent with the rule of live traffic, and stores bots
 * with their reason.
 */
export function eventTypeOf(r: LogRequest): { type: string } | { ignore: IgnoreReason } {
  if (r.method !== 'GET') return { ignore: 'method' }
  if (r.status >= 300 && r.status < 400 && r.status !== 304) return { ignore: 'redirect' }
  if (r.status >= 400 && r.status < 500) return { ignore: 'client_error' }
  if (r.status >= 500) return { ignore: 'server_error' }
  if (!(r.status >= 200 && r.status < 300) && r.status !== 304) return { ignore: 'other' }
  if (!r.uri.startsWith('/')) return { ignore: 'other' }
  const q = r.uri.indexOf('?')
  const kind = kindOfPath(q < 0 ? r.uri : r.uri.slice(0, q))
  if (kind === 'static') return { ignore: 'static' }
  return { type: kind === 'page' ? 'page_view' : 'file_download' }
}

/**
 * The event id of a request: a hash of what the line says without its address and User-Agent, plus
 * the line's byte offset in the file. Stable across imports (so importing again stores nothing twice),
 * unique per line, and with nothing of the visitor in it.
 */
function eventIdOf(prefix: string, r: LogRequest, offset: number): string {
  const text = `${r.ts}\u0000${r.method}\u0000${r.host ?? ''}${r.uri}\u0000${r.status}\u0000${r.referrer ?? ''}`
  return `${prefix}:${Bun.hash.wyhash(text).toString(36)}:${offset.toString(36)}`
}

/**
 * The mapper of an access log whose lines `parse` reads: a request, `null` for a line that is no request
 * (counted as ignored, `other`), `{directive}` for a line of the log's own format (not counted).
 */
function mapperFor(
  prefix: string,
  parse: (text: string) => LogRequest | { invalid: string } | { directive: true } | null,
  opts: MapperOptions,
): SourceMapper {
  const idOf = opts.anonymousId ?? anonymousId
  return {
    map(line) {
      if (line.text.trim() === '') return null
      const r = parse(line.text)
      if (r === null) return { ignore: 'other' }
      if ('directive' in r) return null
      if ('invalid' in r) return r
      const kind = eventTypeOf(r)
      if ('ignore' in kind) return kind
      const day = Math.floor(r.ts / 86_400_000)
      // A log has no sessions: a session is a visitor-day, its id keyed with the import's secret.
      const session = idOf('s', `${opts.siteId}\u0000${r.ip}\u0000${r.userAgent}\u0000${day}`)
      return {
        event: {
          site_id: opts.siteId,
          event_type: kind.type,
          timestamp: r.ts,
          session_id: session,
          url: r.host ? `https://${r.host}${r.uri}` : r.uri,
          referrer: r.referrer,
          event_id: eventIdOf(prefix, r, line.offset),
        },
        visitor: { ip: r.ip, userAgent: r.userAgent },
      }
    },
  }
}

/** The mapper of an nginx/Apache combined-format log; `opts.siteId` is required. */
export const combinedMapper = (opts: MapperOptions) => mapperFor('log', parseCombined, opts)

/** The mapper of a Caddy JSON access log; `opts.siteId` is required. */
export const caddyMapper = (opts: MapperOptions) => mapperFor('caddy', parseCaddy, opts)

/** The mapper of a W3C extended log (IIS); `opts.siteId` is required. */
export const w3cMapper = (opts: MapperOptions) => mapperFor('w3c', createW3cParser(), opts)
