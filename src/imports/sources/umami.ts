// Umami's `website_event` table exported as CSV (Umami Cloud's data export, or
// `COPY website_event TO … CSV HEADER` on a self-hosted Umami). Columns are found by their header
// name, so any column order and extra columns work. The mapping is in docs/imports.md.
import { isOpenRecord, parseCsvRecord } from './csv'
import type { MapperOptions, SourceMapper } from './source'

const REQUIRED = ['event_id', 'session_id', 'created_at', 'url_path'] as const

/** `2024-01-02 03:04:05[.678][+00|Z]` (Umami stores UTC) → epoch ms, or NaN. */
export function parseUmamiTime(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s.trim())
  if (!m) return Number.NaN
  let zone = m[3] ?? 'Z'
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00'
  return Date.parse(`${m[1]}T${m[2]}${zone}`)
}

/** Umami's device names (desktop, laptop, mobile, tablet) → PULSE's device types. */
function deviceType(d: string | undefined): string | undefined {
  if (!d) return undefined
  return d === 'laptop' ? 'desktop' : d
}

/** The mapper of an Umami `website_event` CSV; `opts.siteId` is required (Umami's website_id is not kept). */
export function umamiMapper(opts: MapperOptions): SourceMapper {
  let header: Map<string, number> | undefined
  let pending = ''
  return {
    map(line) {
      const text = pending ? `${pending}\n${line.text}` : line.text.replace(/\r$/, '')
      if (isOpenRecord(text)) {
        pending = text
        return null
      }
      pending = ''
      if (text.trim() === '') return null
      const fields = parseCsvRecord(text.replace(/\r$/, ''))
      if (!header) {
        header = new Map(fields.map((name, i) => [name.trim().toLowerCase(), i]))
        const missing = REQUIRED.filter((c) => !header?.has(c))
        if (missing.length > 0)
          throw new Error(`not an Umami website_event CSV: no ${missing.join(', ')} column`)
        // Not counted: every part of a large file sent to the server repeats it.
        return null
      }
      const h = header
      const get = (name: string): string | undefined => {
        const i = h.get(name)
        const v = i === undefined ? undefined : fields[i]
        return v === undefined || v === '' ? undefined : v
      }
      const ts = parseUmamiTime(get('created_at') ?? '')
      if (Number.isNaN(ts)) return { invalid: `created_at is not a date: ${get('created_at')}` }
      const path = get('url_path') ?? '/'
      const query = get('url_query')
      const host = get('hostname')
      const refDomain = get('referrer_domain')
      const refQuery = get('referrer_query')
      // Umami: event_type 1 is a page view, 2 a custom event named by event_name.
      const custom = get('event_type') === '2'
      const properties: Record<string, string> = {}
      const title = get('page_title')
      if (title) properties.title = title.slice(0, 512)
      const tag = get('tag')
      if (tag) properties.tag = tag.slice(0, 512)
      return {
        event: {
          site_id: opts.siteId,
          event_type: custom ? (get('event_name') ?? 'custom_event') : 'page_view',
          timestamp: ts,
          session_id: get('visit_id') ?? get('session_id'),
          user_id: get('distinct_id') ?? get('session_id'),
          url: `${host ? `https://${host}` : ''}${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`,
          referrer: refDomain
            ? `https://${refDomain}${get('referrer_path') ?? ''}${refQuery ? `?${refQuery}` : ''}`
            : undefined,
          device_type: deviceType(get('device')),
          country: get('country'),
          properties: Object.keys(properties).length > 0 ? properties : undefined,
          event_id: `umami:${get('event_id')}`,
        },
      }
    },
  }
}
