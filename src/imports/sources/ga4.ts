// Google Analytics 4's BigQuery event export as NDJSON (`bq extract --destination_format
// NEWLINE_DELIMITED_JSON` of an `events_YYYYMMDD` table): one event per line, `event_params` as an
// array of {key, value: {string_value | int_value | float_value | double_value}}. The mapping is in
// docs/imports.md.
import { countryCode } from './countries'
import { type MapperOptions, rowEventId, type SourceMapper } from './source'

interface Param {
  key?: string
  value?: { string_value?: unknown; int_value?: unknown; float_value?: unknown; double_value?: unknown }
}

/** Parameters that become event fields rather than properties. */
const MAPPED = new Set(['page_location', 'page_referrer', 'ga_session_id'])
const MAX_PROPERTIES = 32

function paramValue(p: Param): string | number | null {
  const v = p.value ?? {}
  if (typeof v.string_value === 'string') return v.string_value.slice(0, 512)
  for (const n of [v.int_value, v.double_value, v.float_value]) {
    if (typeof n === 'number' && Number.isFinite(n)) return n
    if (typeof n === 'string' && n !== '' && Number.isFinite(Number(n))) return Number(n)
  }
  return null
}

/** The mapper of GA4 BigQuery NDJSON; `opts.siteId` is required. */
export function ga4Mapper(opts: MapperOptions): SourceMapper {
  return {
    map(line) {
      if (line.text.trim() === '') return null
      let row: Record<string, any>
      try {
        row = JSON.parse(line.text)
      } catch {
        return { invalid: 'not valid JSON' }
      }
      if (row === null || typeof row !== 'object' || Array.isArray(row))
        return { invalid: 'not a JSON object' }
      // BigQuery writes INT64 as a JSON string: µs since the epoch.
      const micros = Number(row.event_timestamp)
      if (!Number.isFinite(micros) || micros <= 0) return { invalid: 'event_timestamp is not a number of µs' }
      if (typeof row.event_name !== 'string') return { invalid: 'event_name is missing' }
      const params = new Map<string, string | number | null>()
      for (const p of Array.isArray(row.event_params) ? (row.event_params as Param[]) : [])
        if (typeof p?.key === 'string') params.set(p.key, paramValue(p))
      const properties: Record<string, string | number> = {}
      for (const [k, v] of params) {
        if (MAPPED.has(k) || v === null || k.length > 64) continue
        if (Object.keys(properties).length >= MAX_PROPERTIES) break
        properties[k] = v
      }
      const pseudo = typeof row.user_pseudo_id === 'string' ? row.user_pseudo_id : undefined
      const gaSession = params.get('ga_session_id')
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)
      return {
        event: {
          site_id: opts.siteId,
          event_type: row.event_name,
          timestamp: Math.floor(micros / 1000),
          // ga_session_id is unique per user only: prefix it with the user.
          session_id:
            gaSession !== undefined && gaSession !== null
              ? `${pseudo ?? 'ga'}.${gaSession}`
              : (pseudo ?? 'ga'),
          user_id: str(row.user_id) ?? pseudo,
          url: str(params.get('page_location')),
          referrer: str(params.get('page_referrer')),
          device_type: str(row.device?.category)?.toLowerCase(),
          country: countryCode(row.geo?.country),
          properties: Object.keys(properties).length > 0 ? properties : undefined,
          event_id: rowEventId('ga4', line),
        },
      }
    },
  }
}
