// An accepted event row as the raw-event API returns it once stored: wire names, properties parsed, the
// server's fields filled in. Shared by the live stream and the dry run, so both show what a read would.
import { type EventRow, PUBLIC_FIELDS } from '../events/fields'
import type { RawEvent } from '../stats/model/raw'

/** `row` as stored at `receivedAt`, in the shape of GET /api/v1/events. */
export function toStoredEvent(row: EventRow, receivedAt: number): RawEvent {
  const source = row as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const f of PUBLIC_FIELDS) {
    // Server fields other than received_at (enrichment) are on the row when a step has set them.
    const v = f.key === 'receivedAt' ? receivedAt : (source[f.key] ?? null)
    out[f.name] = f.rule === 'json' && typeof v === 'string' ? JSON.parse(v) : v
  }
  return out as RawEvent
}
