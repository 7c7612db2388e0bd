// The W3C extended log format (IIS's default, also written by other servers): `#` directives, among them
// `#Fields:` naming the columns (separated by spaces or tabs) of the lines after it; a log may repeat the
// directives, with other fields, as IIS does each time it restarts. Times are UTC (`date` and `time`);
// spaces inside a value are written `+` (the User-Agent), a missing value `-`. The lines become requests
// read like any access log's (access-log.ts): the same page allowlist, reasons and visitor-day sessions.
import type { LogRequest } from './access-log'

/** A directive line: nothing to count. */
export const DIRECTIVE = { directive: true } as const

/** The columns a line must have to be read as a request. */
const NEEDED = ['date', 'time', 'c-ip', 'cs-method', 'cs-uri-stem', 'sc-status'] as const

/** A missing value (`-`) as undefined. */
const value = (v: string | undefined) => (v === undefined || v === '-' ? undefined : v)

/**
 * A parser of one W3C log's lines, in order: it keeps the fields of the last `#Fields:` directive.
 * Returns the request, `DIRECTIVE` for a directive line, or why the line cannot be read.
 */
export function createW3cParser(): (text: string) => LogRequest | typeof DIRECTIVE | { invalid: string } {
  let fields: string[] | null = null
  return (text) => {
    if (text.startsWith('#')) {
      if (text.startsWith('#Fields:')) fields = text.slice(8).trim().split(/\s+/)
      return DIRECTIVE
    }
    if (!fields) return { invalid: 'no #Fields directive before the line' }
    const cols = text.trim().split(/\s+/)
    if (cols.length !== fields.length)
      return { invalid: `${cols.length} values for the ${fields.length} fields of #Fields` }
    const row = new Map(fields.map((f, i) => [f, cols[i]]))
    const missing = NEEDED.find((f) => !row.has(f))
    if (missing) return { invalid: `#Fields has no ${missing}` }
    const ts = Date.parse(`${row.get('date')}T${row.get('time')}Z`)
    const status = Number(row.get('sc-status'))
    if (!Number.isFinite(ts) || !/^\d{4}-\d{2}-\d{2}$/.test(row.get('date') ?? ''))
      return { invalid: `bad time ${row.get('date')} ${row.get('time')}` }
    if (!Number.isInteger(status)) return { invalid: `bad status ${row.get('sc-status')}` }
    const query = value(row.get('cs-uri-query'))
    const ua = value(row.get('cs(User-Agent)'))
    return {
      ip: row.get('c-ip') as string,
      ts,
      method: row.get('cs-method') as string,
      uri: `${row.get('cs-uri-stem')}${query ? `?${query}` : ''}`,
      host: value(row.get('cs-host')),
      status,
      referrer: value(row.get('cs(Referer)')),
      userAgent: ua ? ua.replaceAll('+', ' ') : '',
    }
  }
}
