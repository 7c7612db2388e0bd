// The events table's buffered column names, in table order (from the event field list): the bench's
// CSV/NDJSON writers use them.
import { BUFFERED_FIELDS } from '../../src/events/fields'

/** Column names of the `events` table in order, without the writer's internal `event_key`. */
export const EVENT_COLUMNS = BUFFERED_FIELDS.map((f) => f.column)
