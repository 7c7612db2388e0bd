// The event field list (src/events/fields.ts) against what is derived from it: validate's row building
// (generated from the list) against a reference driven by the list's rules, the enrichable fields, and
// the write-ahead log's version-2 tuple (frozen: old records keep decoding the same), on rows whose every
// field is distinct.
import { describe, expect, test } from 'bun:test'
import {
  CLIENT_FIELDS,
  ENRICHED_FIELDS,
  EVENT_FIELDS,
  type EventRow,
  PUBLIC_FIELDS,
} from '../../src/events/fields'
import { fromTuple, type RowTuple, toTuple, V2_TUPLE } from '../../src/events/wal-format'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import { EventInput, FORWARDED_FIELDS, LIMITS } from '../../src/ingest/model'
import { TEXT_FIELDS, toRow, URL_FIELDS, validateEvent } from '../../src/ingest/validate'
import { RawEvent } from '../../src/stats/model/raw'
import { DIMENSION_FIELDS, FIELDS, FILTER_FIELDS } from '../../src/stats/registry'
import { toRawEvent } from '../../src/stats/run/events'
import { RAW_COLUMNS } from '../../src/stats/sql/events'

/** A stored row with a different value in every client field (`n` varies them between rows). */
function sampleRow(n: number): EventRow {
  const r: Record<string, unknown> = {}
  CLIENT_FIELDS.forEach((f, i) => {
    r[f.key] =
      f.type === 'BIGINT'
        ? 1_700_000_000_000 + n * 100 + i
        : f.type === 'JSON'
          ? `{"k${n}":${i}}`
          : `v${n}_${f.key}`
  })
  return r as EventRow
}

/** Validate's normalisation of a valid event, driven by the list's rules. */
function referenceRow(e: Record<string, unknown>, now: number): EventRow {
  const r: Record<string, unknown> = {}
  for (const f of CLIENT_FIELDS) {
    const v = e[f.name]
    if (f.rule === 'epoch-ms') r[f.key] = Math.min(v as number, now)
    else if (f.rule === 'country') r[f.key] = v ? (v as string).toUpperCase() : null
    else if (f.rule === 'json') r[f.key] = v && Object.keys(v as object).length > 0 ? JSON.stringify(v) : null
    else r[f.key] = v === undefined || v === null || v === '' ? null : v
  }
  return r as EventRow
}

/** The fields filled by enrichment at ingest (issue 11), in list order. */
const ENRICHED = [
  'browser',
  'browser_version',
  'os',
  'os_version',
  'bot_reason',
  'region',
  'city',
  'visitor_id',
  'source',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'channel',
] as const

/** The write-ahead log's tuple order as first released (records on disk use it): append only. */
const TUPLE_ORDER_V1 = [
  'site_id',
  'event_type',
  'timestamp',
  'session_id',
  'user_id',
  'url',
  'referrer',
  'device_type',
  'country',
  'properties',
  'event_id',
]

describe('the event field list', () => {
  test('names, columns and keys are unique; dimensions are filters; internal fields are never on the wire', () => {
    for (const k of ['name', 'column', 'key'] as const)
      expect(new Set(EVENT_FIELDS.map((f) => f[k])).size).toBe(EVENT_FIELDS.length)
    for (const f of EVENT_FIELDS) {
      if ('dimension' in f) expect('filter' in f).toBe(true)
      if (f.source === 'client') expect('input' in f).toBe(true)
      if (f.source === 'internal') expect('input' in f || 'output' in f || 'filter' in f).toBe(false)
    }
  })

  test('the client fields start with the released tuple order, and later ones are nullable', () => {
    expect(CLIENT_FIELDS.slice(0, TUPLE_ORDER_V1.length).map((f): string => f.name)).toEqual(TUPLE_ORDER_V1)
    for (const f of CLIENT_FIELDS.slice(TUPLE_ORDER_V1.length)) expect(f.nullable).toBe(true)
  })
})

describe('derived from the list', () => {
  test('EventInput: one property per client field, required when not nullable, with its limits', () => {
    expect(Object.keys(EventInput.properties)).toEqual([
      ...CLIENT_FIELDS.map((f) => f.name),
      ...Object.keys(FORWARDED_FIELDS),
    ])
    expect(EventInput.required as string[] | undefined).toEqual(
      CLIENT_FIELDS.filter((f) => !f.nullable).map((f): string => f.name),
    )
    const json = JSON.stringify(EventInput)
    for (const f of CLIENT_FIELDS) {
      if ('maxLength' in f) {
        expect(LIMITS[f.key as keyof typeof LIMITS]).toBe(f.maxLength)
        expect(JSON.stringify(EventInput.properties[f.name])).toContain(`"maxLength":${f.maxLength}`)
      }
      expect(json).toContain(JSON.stringify(f.input.description))
    }
  })

  test('RawEvent, RAW_COLUMNS and toRawEvent: the public fields under their wire names', () => {
    const names = PUBLIC_FIELDS.map((f) => f.name)
    expect(Object.keys(RawEvent.properties)).toEqual(names)
    expect(RAW_COLUMNS).toBe(
      `site_id, event_type, ts AS timestamp, session_id, user_id, url, referrer, device_type, country, properties, event_id, received_at, ${ENRICHED.join(', ')}`,
    )
    const stored = { ...Object.fromEntries(names.map((n) => [n, `x_${n}`])), timestamp: 5n, received_at: 6n }
    const out = toRawEvent({ ...stored, properties: '{"a":1}', user_id: null }) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(names)
    expect(out).toMatchObject({
      timestamp: 5,
      received_at: 6,
      properties: { a: 1 },
      user_id: null,
      url: 'x_url',
    })
  })

  test('text and URL rules, filters and dimensions keep their published names and order', () => {
    expect(TEXT_FIELDS).toEqual([
      'site_id',
      'event_type',
      'session_id',
      'user_id',
      'url',
      'referrer',
      'device_type',
      'event_id',
      ...ENRICHED,
    ])
    expect(URL_FIELDS).toEqual(['url'])
    expect(FILTER_FIELDS).toEqual([
      'event_type',
      'url',
      'path',
      'entry_page',
      'exit_page',
      'goal',
      'referrer',
      'referrer_domain',
      'device_type',
      'country',
      'user_id',
      ...ENRICHED,
      'include_bots',
    ])
    expect(DIMENSION_FIELDS).toEqual([
      'event_type',
      'url',
      'path',
      'entry_page',
      'exit_page',
      'goal',
      'referrer',
      'referrer_domain',
      'device_type',
      'country',
      ...ENRICHED,
    ])
    for (const f of EVENT_FIELDS)
      if ('filter' in f) expect(FIELDS[f.name as keyof typeof FIELDS]).toBe(f.column)
  })
})

describe('the hot paths match the list', () => {
  test('the enrichable fields: the enriched entries of the list, in list order', () => {
    expect(ENRICHED_FIELDS.map((f): string => f.name)).toEqual([...ENRICHED])
    expect(Object.keys(NO_ENRICHMENT)).toEqual(ENRICHED_FIELDS.map((f) => f.key))
    expect(Object.values(NO_ENRICHMENT).every((v) => v === null)).toBe(true)
  })

  test('toTuple and fromTuple: the frozen version-2 fields in order; missing trailing fields read as null', () => {
    // The version-2 tuple as last written: the released order, then the 15 enriched fields of issue 11.
    expect(CLIENT_FIELDS.slice(0, V2_TUPLE.length).map((f): string => f.key)).toEqual([...V2_TUPLE])
    expect(V2_TUPLE.map((k) => CLIENT_FIELDS.find((f) => f.key === k)?.name as string)).toEqual([
      ...TUPLE_ORDER_V1,
      ...ENRICHED.slice(0, 15),
    ])
    const r = sampleRow(1)
    const tuple = toTuple(r)
    expect(tuple).toEqual(V2_TUPLE.map((k) => r[k]) as RowTuple)
    // Fields added after version 2 are not in its records: they decode as null.
    const later = Object.fromEntries(CLIENT_FIELDS.slice(V2_TUPLE.length).map((f) => [f.key, null]))
    expect(fromTuple(tuple)).toEqual({ ...r, ...later })
    const short = tuple.slice(0, 4) as RowTuple
    const row = fromTuple(short) as Record<string, unknown>
    CLIENT_FIELDS.forEach((f, i) => {
      expect(row[f.key]).toEqual(i < 4 ? tuple[i] : null)
    })
  })

  test("validate's row building", () => {
    const now = 1_800_000_000_000
    const full: Record<string, unknown> = {}
    CLIENT_FIELDS.forEach((f, i) => {
      full[f.name] =
        f.rule === 'epoch-ms'
          ? now - 1000 - i
          : f.rule === 'json'
            ? { plan: 'pro', n: i }
            : f.rule === 'country'
              ? 'de'
              : f.rule === 'url'
                ? `/p${i}`
                : `v${i}`
    })
    const sparse = Object.fromEntries(
      CLIENT_FIELDS.filter((f) => !f.nullable).map((f) => [f.name, full[f.name]]),
    )
    const blanks = {
      ...sparse,
      ...Object.fromEntries(
        CLIENT_FIELDS.filter((f) => f.nullable).map((f) => [f.name, f.rule === 'json' ? {} : '']),
      ),
      country: null,
    }
    for (const e of [full, sparse, blanks]) {
      const v = validateEvent(e, { now, maxEventAgeDays: 30 })
      if (!v.ok) throw new Error(JSON.stringify(v.issues))
      expect(v.row).toEqual(referenceRow(e, now))
      expect(toRow(e as EventInput, now)).toEqual(referenceRow(e, now))
    }
    const ahead = validateEvent({ ...full, timestamp: now + 60_000 }, { now, maxEventAgeDays: 30 })
    expect(ahead.ok && ahead.row.ts).toBe(now)
  })
})
