// Record format of the write-ahead log. Each record is
//   magic u32 | payload length u32 | crc32 u32 (of seq + payload) | seq u64 | payload (JSON)
// little-endian. The payload is `[receivedAt, rows]`, each row an array in EventRow field order.
import type { EventRow } from './validate'

const MAGIC = 0x534c5550 // "PULS"
export const HEADER_BYTES = 20
/** Largest payload a reader will believe; anything bigger is a corrupt length. */
const MAX_PAYLOAD = 256 * 1024 * 1024

/** One decoded log record. */
export interface LogRecord {
  seq: number
  receivedAt: number
  rows: EventRow[]
}

type RowTuple = [string, string, number, string, ...(string | null)[]]

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function toTuple(r: EventRow): RowTuple {
  return [
    r.siteId,
    r.eventType,
    r.ts,
    r.sessionId,
    r.userId,
    r.url,
    r.referrer,
    r.deviceType,
    r.country,
    r.properties,
    r.eventId,
  ]
}

function fromTuple(t: RowTuple): EventRow {
  return {
    siteId: t[0],
    eventType: t[1],
    ts: t[2],
    sessionId: t[3],
    userId: t[4] ?? null,
    url: t[5] ?? null,
    referrer: t[6] ?? null,
    deviceType: t[7] ?? null,
    country: t[8] ?? null,
    properties: t[9] ?? null,
    eventId: t[10] ?? null,
  }
}

/** Encode rows as one record. */
export function encodeRecord(seq: number, receivedAt: number, rows: EventRow[]): Uint8Array {
  const payload = encoder.encode(JSON.stringify([receivedAt, rows.map(toTuple)]))
  const out = new Uint8Array(HEADER_BYTES + payload.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, payload.length, true)
  view.setBigUint64(12, BigInt(seq), true)
  out.set(payload, HEADER_BYTES)
  view.setUint32(8, Bun.hash.crc32(out.subarray(12)), true)
  return out
}

/** The records of a segment file, and where (if anywhere) a torn or corrupt tail starts. */
export function decodeSegment(bytes: Uint8Array): {
  records: LogRecord[]
  validBytes: number
  corrupt: boolean
} {
  const records: LogRecord[] = []
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let off = 0
  while (off < bytes.length) {
    if (bytes.length - off < HEADER_BYTES) return { records, validBytes: off, corrupt: true }
    const len = view.getUint32(off + 4, true)
    if (view.getUint32(off, true) !== MAGIC || len > MAX_PAYLOAD || off + HEADER_BYTES + len > bytes.length)
      return { records, validBytes: off, corrupt: true }
    const body = bytes.subarray(off + 12, off + HEADER_BYTES + len)
    if (Bun.hash.crc32(body) !== view.getUint32(off + 8, true))
      return { records, validBytes: off, corrupt: true }
    try {
      const [receivedAt, tuples] = JSON.parse(
        decoder.decode(bytes.subarray(off + HEADER_BYTES, off + HEADER_BYTES + len)),
      )
      records.push({
        seq: Number(view.getBigUint64(off + 12, true)),
        receivedAt,
        rows: (tuples as RowTuple[]).map(fromTuple),
      })
    } catch {
      return { records, validBytes: off, corrupt: true }
    }
    off += HEADER_BYTES + len
  }
  return { records, validBytes: off, corrupt: false }
}
