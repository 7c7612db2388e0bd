// One compact terminal line per event for `pulse dev`: time, type, url, session, and the warnings a
// dry run would give (known event types and property keys are remembered as events arrive).
import type { EventRow } from '../events/fields'
import { dryRunWarnings } from '../ingest/dry-run-warnings'
import type { RawEvent } from '../stats/model/raw'

/** Remembers the names seen so far and formats each event as a line. */
export class EventLines {
  private eventTypes = new Set<string>()
  private propertyKeys = new Set<string>()

  constructor(known: { eventTypes?: Iterable<string>; propertyKeys?: Iterable<string> } = {}) {
    for (const t of known.eventTypes ?? []) this.eventTypes.add(t)
    for (const k of known.propertyKeys ?? []) this.propertyKeys.add(k)
  }

  /** The line of `event` (as stored); then its names count as known. */
  format(event: RawEvent): string {
    const props = event.properties as Record<string, unknown> | null
    const row = {
      eventType: event.event_type,
      properties: props ? JSON.stringify(props) : null,
    } as EventRow
    const warnings = dryRunWarnings(
      [{ index: 0, row }],
      { eventTypes: this.eventTypes, propertyKeys: [...this.propertyKeys] },
      () => '$',
    ).filter((w) => w.code !== 'new_event_type' || this.eventTypes.size > 0)
    this.eventTypes.add(row.eventType)
    if (row.properties) for (const k of Object.keys(JSON.parse(row.properties))) this.propertyKeys.add(k)
    const time = new Date(Number(event.received_at)).toISOString().slice(11, 19)
    const parts = [time, event.event_type.padEnd(12), event.url ?? '-', `session=${event.session_id}`]
    if (event.user_id) parts.push(`user=${event.user_id}`)
    if (row.properties) parts.push(row.properties)
    const line = parts.join('  ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    return warnings.length === 0 ? line : `${line}\n    ! ${warnings.map((w) => w.message).join('\n    ! ')}`
  }
}
