// The part of a row that enrichment may fill: the event fields marked `enriched` in the field list
// (src/events/fields.ts), all optional text. Derived from the list, so a new enriched field needs no
// entry here.
import { ENRICHED_FIELDS, type EnrichedField, type EventRow } from '../../events/fields'

/** The enrichable fields of a row (keys of `EventRow`). */
export type Enrichment = Pick<EventRow, EnrichedField['key']>

/** Every enrichable field empty: spread into a row built by hand (tests, benchmarks, old log records). */
export const NO_ENRICHMENT: Readonly<Enrichment> = Object.freeze(
  Object.fromEntries(ENRICHED_FIELDS.map((f) => [f.key, null])) as Enrichment,
)
