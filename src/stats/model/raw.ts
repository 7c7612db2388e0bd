// Schemas of the raw-event endpoints: the paged list and the streaming export. `RawEvent` is derived
// from the event field list (src/events/fields.ts).
import type { TAny, TInteger, TNull, TRecord, TString, TUnion } from '@sinclair/typebox'
import { t } from 'elysia'
import { PUBLIC_FIELDS, type PublicField } from '../../events/fields'
import { envelope, Int } from '../../http/envelope'
import { EXPORT_FORMAT_NAMES, LIMITS } from '../registry'
import { periodParam, scopeQuery } from './common'
import { nameParam } from './names'

/** The schema of one returned field, by its rule and nullability. */
type OutputSchema<F extends PublicField> = F['rule'] extends 'epoch-ms'
  ? TInteger
  : F['rule'] extends 'json'
    ? TUnion<[TRecord<TString, TAny>, TNull]>
    : F['nullable'] extends true
      ? TUnion<[TString, TNull]>
      : TString

function outputSchema(f: PublicField) {
  const doc = {
    ...('description' in f.output ? { description: f.output.description } : {}),
    examples: [f.output.example],
  }
  if (f.rule === 'epoch-ms') return Int(doc)
  if (f.rule === 'json') return t.Union([t.Record(t.String(), t.Any()), t.Null()], doc)
  return f.nullable ? t.Union([t.String(), t.Null()], doc) : t.String(doc)
}

/** A stored event as the API returns it: every public field of the event field list. */
export const RawEvent = t.Object(
  Object.fromEntries(PUBLIC_FIELDS.map((f) => [f.name, outputSchema(f)])) as {
    [F in PublicField as F['name']]: OutputSchema<F>
  },
)
export type RawEvent = typeof RawEvent.static

const rawScope = {
  ...scopeQuery,
  period: periodParam('Period (as for /api/v1/stats); none means all events'),
}

export const EventsQuery = t.Object(
  {
    ...rawScope,
    limit: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: LIMITS.eventsMax,
        default: LIMITS.eventsDefault,
        description: `Events per page (1 to ${LIMITS.eventsMax}, default ${LIMITS.eventsDefault})`,
      }),
    ),
    cursor: t.Optional(
      t.String({
        maxLength: 64,
        description: 'next_cursor of the previous page',
        examples: ['MTc2MzY0MDAwMDAwMC40Mg'],
      }),
    ),
  },
  { additionalProperties: true },
)

export const EventsData = t.Object({
  events: t.Array(RawEvent, { description: 'Newest first' }),
  next_cursor: t.Union([t.String(), t.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last page',
    examples: ['MTc2MzY0MDAwMDAwMC40Mg'],
  }),
})

/** One stored event, every public field at its documented example (so the example is complete). */
const RAW_EVENT_EXAMPLE = Object.fromEntries(PUBLIC_FIELDS.map((f) => [f.name, f.output.example]))

export const EventsResult = envelope(EventsData, [
  { success: true, data: { events: [RAW_EVENT_EXAMPLE], next_cursor: null } },
])

export const ExportQuery = t.Object(
  {
    ...rawScope,
    format: t.Optional(
      nameParam('format', EXPORT_FORMAT_NAMES, {
        description: `File format: ${EXPORT_FORMAT_NAMES.join(', ')}. Default ndjson.`,
        examples: ['csv'],
      }),
    ),
  },
  { additionalProperties: true },
)
