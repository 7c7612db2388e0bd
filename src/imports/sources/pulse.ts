// PULSE's own NDJSON export (`pulse export`, GET /api/v1/export): one event per line with the raw-event
// fields. Lossless: every field is kept, `received_at` included; only an event without an `event_id`
// gets a derived one (see `rowEventId`) so that importing the file again stores nothing twice.
import { type MapperOptions, rowEventId, type SourceMapper } from './source'

/** The mapper of PULSE NDJSON. */
export function pulseMapper(opts: MapperOptions): SourceMapper {
  return {
    map(line) {
      if (line.text.trim() === '') return null
      let v: unknown
      try {
        v = JSON.parse(line.text)
      } catch {
        return { invalid: 'not valid JSON' }
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return { invalid: 'not a JSON object' }
      const { received_at, ...event } = v as Record<string, unknown>
      for (const k of Object.keys(event)) if (event[k] === null) delete event[k]
      if (opts.siteId) event.site_id = opts.siteId
      if (typeof event.event_id !== 'string' || event.event_id === '')
        event.event_id = rowEventId('pulse', line)
      return typeof received_at === 'number' ? { event, receivedAt: received_at } : { event }
    },
  }
}
