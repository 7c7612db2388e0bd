import { describe, expect, test } from 'bun:test'
import { csvRows } from '../../src/events/csv'
import { decodeSegment, encodeCsvRecord, encodeRecord, type LogRecord } from '../../src/events/wal-format'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import type { EventRow } from '../../src/ingest/validate'

const row = (i: number): EventRow => ({
  ...NO_ENRICHMENT,
  siteId: 's',
  eventType: 'page_view',
  ts: 1_700_000_000_000 + i,
  sessionId: `sess${i}`,
  userId: i % 2 ? null : `u${i}`,
  url: '/ü/ß?q="x"',
  referrer: null,
  deviceType: 'mobile',
  country: 'DE',
  properties: '{"a":1}',
  eventId: i === 1 ? 'evt_1' : null,
})

const concat = (...parts: Uint8Array[]) => Buffer.concat(parts)

const csvRecord = (seq: number, receivedAt: number, rows: EventRow[]) =>
  encodeCsvRecord(seq, receivedAt, rows.length, Buffer.from(csvRows(rows, receivedAt)))

describe('version-3 (CSV) records', () => {
  test('round-trip: the CSV bytes, row count, sequence number and receive time; beside older records', () => {
    const bytes = concat(encodeRecord(1, 111, [row(0)]), csvRecord(2, 222, [row(1), row(2)]))
    const { records, damage } = decodeSegment(bytes)
    expect(damage).toEqual({ lostRecords: [], skipped: [], tailBytes: 0 })
    expect(records[0]).toEqual({ seq: 1, receivedAt: 111, rows: [row(0)] })
    const r = records[1] as Extract<LogRecord, { csv: Uint8Array }>
    expect([r.seq, r.receivedAt, r.count]).toEqual([2, 222, 2])
    expect(Buffer.from(r.csv).toString()).toBe(csvRows([row(1), row(2)], 222))
  })

  test('a damaged CSV payload is a lost record with its seq and row count; torn tails are cut', () => {
    const a = csvRecord(1, 1, [row(0)])
    const b = csvRecord(2, 2, [row(1), row(2), row(3)])
    const flipped = concat(a, b)
    flipped[flipped.length - 3] ^= 0xff
    const d = decodeSegment(flipped)
    expect(d.records.map((r) => r.seq)).toEqual([1])
    expect(d.damage.lostRecords).toEqual([{ seq: 2, rows: 3 }])
    const torn = decodeSegment(concat(a, b.subarray(0, b.length - 5)))
    expect(torn.records.map((r) => r.seq)).toEqual([1])
    expect(torn.damage.tailBytes).toBe(b.length - 5)
  })
})

describe('write-ahead log records', () => {
  test('round-trip rows, sequence numbers and receive time', () => {
    const bytes = concat(encodeRecord(1, 111, [row(0), row(1)]), encodeRecord(2, 222, [row(2)]))
    const { records, damage } = decodeSegment(bytes)
    expect(damage).toEqual({ lostRecords: [], skipped: [], tailBytes: 0 })
    expect(records).toEqual([
      { seq: 1, receivedAt: 111, rows: [row(0), row(1)] },
      { seq: 2, receivedAt: 222, rows: [row(2)] },
    ])
  })

  test('a torn last record is cut off; the records before it survive', () => {
    const a = encodeRecord(1, 1, [row(0)])
    const b = encodeRecord(2, 2, [row(1)])
    for (const cut of [1, 10, 19, 20, b.length - 1]) {
      const { records, damage } = decodeSegment(concat(a, b.subarray(0, cut)))
      expect(damage).toEqual({ lostRecords: [], skipped: [], tailBytes: cut })
      expect(records.map((r) => r.seq)).toEqual([1])
    }
  })

  test('zeroed bytes and flipped bits are detected by magic and checksum', () => {
    const a = encodeRecord(1, 1, [row(0)])
    const zeroed = concat(a, new Uint8Array(4096))
    expect(decodeSegment(zeroed).records).toHaveLength(1)
    expect(decodeSegment(zeroed).damage.tailBytes).toBe(4096)
    const b = encodeRecord(2, 2, [row(1)])
    b[b.length - 3] ^= 0x40
    const flipped = decodeSegment(concat(a, b))
    expect(flipped.records.map((r) => r.seq)).toEqual([1])
    expect(flipped.damage.lostRecords).toEqual([{ seq: 2, rows: 1 }])
  })

  const segment = (n: number) =>
    Array.from({ length: n }, (_, i) => encodeRecord(i + 1, i, [row(i), row(i + 1000)]))

  test('4 flipped payload bytes in record 100 of 200 lose that record only, with its seq and event count', () => {
    const recs = segment(200)
    const r = recs[99]
    for (const at of [40, 41, 42, 43]) r[at] ^= 0xff
    const { records, damage } = decodeSegment(concat(...recs))
    expect(records).toHaveLength(199)
    expect(records.map((x) => x.seq)).not.toContain(100)
    expect(records.at(-1)?.seq).toBe(200)
    expect(damage.lostRecords).toEqual([{ seq: 100, rows: 2 }])
    expect(damage.skipped).toEqual([])
  })

  test('a damaged header is stepped over by resynchronising on the next valid record', () => {
    const recs = segment(200)
    for (const at of [0, 5, 13, 21]) recs[99][at] ^= 0x5a
    recs[150].fill(0x50, 3, 30) // garbage that looks like the magic's first byte
    const bytes = concat(...recs)
    const { records, damage } = decodeSegment(bytes)
    expect(records).toHaveLength(198)
    expect(records.map((x) => x.seq)).not.toContain(100)
    expect(records.map((x) => x.seq)).not.toContain(151)
    expect(damage.skipped.map((s) => s.records)).toEqual([1, 1])
    expect(damage.tailBytes).toBe(0)
  })

  test('records of the earlier format (PULS) are still read', () => {
    // Version 1: magic | length | crc32(seq + payload) | seq u64 | payload
    const payload = new TextEncoder().encode(
      JSON.stringify([5, [['s', 'click', 1, 'x', null, null, null, null, null, null, null]]]),
    )
    const v1 = new Uint8Array(20 + payload.length)
    const view = new DataView(v1.buffer)
    view.setUint32(0, 0x534c5550, true)
    view.setUint32(4, payload.length, true)
    view.setBigUint64(12, 7n, true)
    v1.set(payload, 20)
    view.setUint32(8, Bun.hash.crc32(v1.subarray(12)), true)
    const { records, damage } = decodeSegment(concat(v1, encodeRecord(8, 6, [row(0)])))
    expect(records.map((r) => [r.seq, 'rows' in r ? r.rows[0].eventType : null])).toEqual([
      [7, 'click'],
      [8, 'page_view'],
    ])
    expect(damage.tailBytes).toBe(0)
  })
})
