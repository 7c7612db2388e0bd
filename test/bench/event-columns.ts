// The events table's column list, in table order: the bench's CSV/NDJSON writers must match it.

/** Column names of the `events` table in order. */
export const EVENT_COLUMNS = [
  'site_id',
  'event_type',
  'ts',
  'session_id',
  'user_id',
  'url',
  'referrer',
  'device_type',
  'country',
  'properties',
  'event_id',
  'received_at',
] as const
