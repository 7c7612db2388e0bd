import { describe, expect, test } from 'bun:test'
import type { EventRow } from '../../src/ingest/validate'
import { decodeSegment, encodeRecord } from '../../src/ingest/wal-format'

const row = (i: number): EventRow => ({
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

describe('write-ahead log records', () => {
  test('round-trip rows, sequence numbers and receive time', () => {
    const bytes = concat(encodeRecord(1, 111, [row(0), row(1)]), encodeRecord(2, 222, [row(2)]))
    const { records, corrupt, validBytes } = decodeSegment(bytes)
    expect(corrupt).toBe(false)
    expect(validBytes).toBe(bytes.length)
    expect(records).toEqual([
      { seq: 1, receivedAt: 111, rows: [row(0), row(1)] },
      { seq: 2, receivedAt: 222, rows: [row(2)] },
    ])
  })

  test('a torn last record is cut off; the records before it survive', () => {
    const a = encodeRecord(1, 1, [row(0)])
    const b = encodeRecord(2, 2, [row(1)])
    for (const cut of [1, 10, 19, 20, b.length - 1]) {
      const { records, corrupt, validBytes } = decodeSegment(concat(a, b.subarray(0, cut)))
      expect(corrupt).toBe(true)
      expect(validBytes).toBe(a.length)
      expect(records.map((r) => r.seq)).toEqual([1])
    }
  })

  test('zeroed bytes and flipped bits are detected by magic and checksum', () => {
    const a = encodeRecord(1, 1, [row(0)])
    const zeroed = concat(a, new Uint8Array(4096))
    expect(decodeSegment(zeroed).records).toHaveLength(1)
    expect(decodeSegment(zeroed).corrupt).toBe(true)
    const b = encodeRecord(2, 2, [row(1)])
    b[b.length - 3] ^= 0x40
    const flipped = decodeSegment(concat(a, b))
    expect(flipped.records.map((r) => r.seq)).toEqual([1])
    expect(flipped.corrupt).toBe(true)
  })
})
