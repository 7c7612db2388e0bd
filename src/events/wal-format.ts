// Record format of the write-ahead log, little-endian. Version 4 (written now):
//   magic "PUL4" u32 | payload length u32 | rows u32 | seq u64 | header crc32 u32 (bytes 0–19) | payload crc32 u32
//   | payload (receivedAt u64, then the rows as CSV lines exactly as the writer bulk-loads them, the stored
//     keys included, src/events/csv.ts: the log doubles as the load source, so replay parses nothing in
//     JavaScript)
// Version 3 ("PUL3", same layout; CSV lines of the event fields only, from before the keys were hashed in
// the encoder) is still read: its lines get their keys appended as they are decoded (csv-upgrade.ts).
// Version 2 ("PUL2", same header; payload JSON `[receivedAt, rows]`, each row an array of the client
// fields it had, in `V2_TUPLE`'s order: frozen, so adding a field never changes how old logs decode) is
// still read, and written by `encodeRecord` for tests.
// The header has its own checksum, so a damaged payload still tells which record (seq) and how many
// events were lost, and the reader can step over it. Version 1 records ("PULS": magic | length | crc32 of
// seq + payload | seq | payload) from earlier releases are still read.
// A damaged header is stepped over by resynchronising on the next valid record header.
import { appendKeysToCsv } from './csv-upgrade'
import { CLIENT_FIELDS, type EventRow } from './fields'

const MAGIC_V1 = 0x534c5550 // "PULS"
const MAGIC_V2 = 0x324c5550 // "PUL2"
const MAGIC_V3 = 0x334c5550 // "PUL3"
const MAGIC_V4 = 0x344c5550 // "PUL4"
const HEADER_V1 = 20
export const HEADER_BYTES = 28
/** Largest payload a reader will believe; anything bigger is a corrupt length. */
const MAX_PAYLOAD = 256 * 1024 * 1024

/** One decoded log record: rows (versions 1–2) or their CSV lines with keys (versions 3–4, `count` rows). */
export type LogRecord =
  | { seq: number; receivedAt: number; rows: EventRow[] }
  | { seq: number; receivedAt: number; csv: Uint8Array; count: number }

/** What a segment held that could not be read back. */
export interface SegmentDamage {
  /** Records whose payload failed its checksum (header intact): exact seq and event counts. */
  lostRecords: { seq: number; rows: number }[]
  /**
   * Byte ranges with no readable header, stepped over by resynchronising (`[start, end)`), with the
   * number of records they hid, from the gap in sequence numbers around them.
   */
  skipped: { start: number; end: number; records: number }[]
  /** Unreadable bytes at the end (a write torn by a crash, never acknowledged; or damage). */
  tailBytes: number
}

/** A row as stored in a version-1/2 record: the values of `V2_TUPLE`'s fields, in its order. */
export type RowTuple = [string, string, number, string, ...(string | null)[]]

/**
 * The row fields (`EventRow` keys) of a version-1/2 tuple, in order, as last written: version 1 wrote the
 * first 11, later version-2 records all 26. A historical on-disk format: never change this list (fields
 * added to src/events/fields.ts since are not in these records and read as null).
 */
export const V2_TUPLE = [
  'siteId',
  'eventType',
  'ts',
  'sessionId',
  'userId',
  'url',
  'referrer',
  'deviceType',
  'country',
  'properties',
  'eventId',
  'browser',
  'browserVersion',
  'os',
  'osVersion',
  'botReason',
  'region',
  'city',
  'visitorId',
  'source',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'channel',
] as const satisfies readonly (keyof EventRow)[]

/** Tuple positions every record has (the required fields); later ones may be missing from older, shorter tuples. */
const REQUIRED_IN_TUPLE = 4

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A row as its version-2 record tuple (only `encodeRecord` writes these, for tests). */
export function toTuple(r: EventRow): RowTuple {
  return V2_TUPLE.map((k) => r[k]) as RowTuple
}

/**
 * A version-1/2 record tuple as a row: `V2_TUPLE`'s fields from the tuple (missing trailing ones null),
 * every field added since null.
 */
export function fromTuple(t: RowTuple): EventRow {
  const row: Record<string, unknown> = {}
  for (const f of CLIENT_FIELDS) row[f.key] = null
  for (let i = 0; i < V2_TUPLE.length; i++) row[V2_TUPLE[i]] = i < REQUIRED_IN_TUPLE ? t[i] : (t[i] ?? null)
  return row as EventRow
}

/** Encode rows as one version-2 (JSON) record (earlier releases wrote these; tests still do). */
export function encodeRecord(seq: number, receivedAt: number, rows: EventRow[]): Uint8Array {
  const payload = encoder.encode(JSON.stringify([receivedAt, rows.map(toTuple)]))
  const out = new Uint8Array(HEADER_BYTES + payload.length)
  out.set(payload, HEADER_BYTES)
  return withHeader(out, MAGIC_V2, seq, rows.length)
}

/**
 * Encode `count` rows already written as CSV lines (`csv`, UTF-8, keys included) as one version-4 record;
 * `version: 3` writes the previous format (lines without keys), for tests of old logs.
 */
export function encodeCsvRecord(
  seq: number,
  receivedAt: number,
  count: number,
  csv: Uint8Array,
  version: 3 | 4 = 4,
): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + 8 + csv.byteLength)
  new DataView(out.buffer).setBigUint64(HEADER_BYTES, BigInt(receivedAt), true)
  out.set(csv, HEADER_BYTES + 8)
  return withHeader(out, version === 3 ? MAGIC_V3 : MAGIC_V4, seq, count)
}

/** Fill in the header of a record whose payload is already at HEADER_BYTES. */
function withHeader(out: Uint8Array, magic: number, seq: number, rows: number): Uint8Array {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  view.setUint32(0, magic, true)
  view.setUint32(4, out.byteLength - HEADER_BYTES, true)
  view.setUint32(8, rows, true)
  view.setBigUint64(12, BigInt(seq), true)
  view.setUint32(20, Bun.hash.crc32(out.subarray(0, 20)), true)
  view.setUint32(24, Bun.hash.crc32(out.subarray(HEADER_BYTES)), true)
  return out
}

function parseCsvPayload(
  bytes: Uint8Array,
  seq: number,
  count: number,
  keyed: boolean,
): LogRecord | undefined {
  if (bytes.byteLength < 8) return undefined
  const receivedAt = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true))
  const csv = bytes.subarray(8)
  try {
    return { seq, receivedAt, csv: keyed ? csv : appendKeysToCsv(csv), count }
  } catch {
    return undefined
  }
}

function parsePayload(bytes: Uint8Array, seq: number): LogRecord | undefined {
  try {
    const [receivedAt, tuples] = JSON.parse(decoder.decode(bytes))
    return { seq, receivedAt, rows: (tuples as RowTuple[]).map(fromTuple) }
  } catch {
    return undefined
  }
}

type Step =
  | { kind: 'record'; record: LogRecord; size: number }
  | { kind: 'lost'; seq: number; rows: number; size: number }
  | { kind: 'torn' }
  | { kind: 'bad' }

/** Try to read one record at `off`. */
function readAt(bytes: Uint8Array, view: DataView, off: number): Step {
  const left = bytes.length - off
  if (left < 4) return { kind: 'torn' }
  const magic = view.getUint32(off, true)
  if (magic === MAGIC_V2 || magic === MAGIC_V3 || magic === MAGIC_V4) {
    if (left < HEADER_BYTES) return { kind: 'torn' }
    if (Bun.hash.crc32(bytes.subarray(off, off + 20)) !== view.getUint32(off + 20, true))
      return { kind: 'bad' }
    const len = view.getUint32(off + 4, true)
    const rows = view.getUint32(off + 8, true)
    const seq = Number(view.getBigUint64(off + 12, true))
    if (len > MAX_PAYLOAD) return { kind: 'bad' }
    const size = HEADER_BYTES + len
    if (size > left) return { kind: 'torn' }
    const payload = bytes.subarray(off + HEADER_BYTES, off + size)
    const record =
      Bun.hash.crc32(payload) !== view.getUint32(off + 24, true)
        ? undefined
        : magic === MAGIC_V2
          ? parsePayload(payload, seq)
          : parseCsvPayload(payload, seq, rows, magic === MAGIC_V4)
    return record ? { kind: 'record', record, size } : { kind: 'lost', seq, rows, size }
  }
  if (magic === MAGIC_V1) {
    if (left < HEADER_V1) return { kind: 'torn' }
    const len = view.getUint32(off + 4, true)
    if (len > MAX_PAYLOAD) return { kind: 'bad' }
    const size = HEADER_V1 + len
    if (size > left) return { kind: 'torn' }
    if (Bun.hash.crc32(bytes.subarray(off + 12, off + size)) !== view.getUint32(off + 8, true))
      return { kind: 'bad' }
    const record = parsePayload(
      bytes.subarray(off + HEADER_V1, off + size),
      Number(view.getBigUint64(off + 12, true)),
    )
    return record ? { kind: 'record', record, size } : { kind: 'bad' }
  }
  return { kind: 'bad' }
}

/** The next offset after `from` where a whole valid record starts, or -1. */
function resync(bytes: Uint8Array, view: DataView, from: number): number {
  for (let off = from; off + 4 <= bytes.length; off++) {
    const b = bytes[off]
    if (b !== 0x50) continue // both magics start with "P" (little-endian first byte)
    const step = readAt(bytes, view, off)
    if (step.kind === 'record' || step.kind === 'lost') return off
  }
  return -1
}

/** The records of a segment file, and what in it could not be read. */
export function decodeSegment(bytes: Uint8Array): { records: LogRecord[]; damage: SegmentDamage } {
  const records: LogRecord[] = []
  const damage: SegmentDamage = { lostRecords: [], skipped: [], tailBytes: 0 }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let off = 0
  let prevSeq: number | undefined
  let openSkip: { start: number; end: number; records: number } | undefined
  const seen = (seq: number) => {
    if (openSkip && prevSeq !== undefined) openSkip.records = Math.max(1, seq - prevSeq - 1)
    openSkip = undefined
    prevSeq = seq
  }
  while (off < bytes.length) {
    const step = readAt(bytes, view, off)
    if (step.kind === 'record') {
      seen(step.record.seq)
      records.push(step.record)
      off += step.size
      continue
    }
    if (step.kind === 'lost') {
      seen(step.seq)
      damage.lostRecords.push({ seq: step.seq, rows: step.rows })
      off += step.size
      continue
    }
    const next = resync(bytes, view, off + 1)
    if (next < 0) {
      damage.tailBytes = bytes.length - off
      break
    }
    // At least one record hid there; the sequence gap to the next readable one says how many.
    openSkip = { start: off, end: next, records: 1 }
    damage.skipped.push(openSkip)
    off = next
  }
  return { records, damage }
}

/** Whether `d` lost anything beyond a torn tail. */
export function hasMidSegmentDamage(d: SegmentDamage): boolean {
  return d.lostRecords.length > 0 || d.skipped.length > 0
}

/**
 * Upper bound on how many records could hide in `bytes` unreadable bytes: sequence numbers are
 * reserved past them, so a number that might have been used is never used again.
 */
export function maxRecordsIn(bytes: number): number {
  return Math.ceil(bytes / HEADER_V1)
}
