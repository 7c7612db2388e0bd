// Pure time arithmetic of the analytics API: zone offsets and their changes, local ↔ instant across
// DST gaps and overlaps, calendar periods, ISO/epoch parsing, bucket keys and bucket lists.
import { describe, expect, test } from 'bun:test'
import { ValidationError } from '../../src/errors'
import { bucketKey, listBuckets } from '../../src/stats/time/buckets'
import { parseInstant, resolvePeriod } from '../../src/stats/time/period'
import { localToInstant, offsetAt, offsetSpans, parseTimezone } from '../../src/stats/time/zone'
import { ZoneMap } from '../../src/stats/time/zone-map'

const H = 3_600_000
const D = 24 * H
const NY = 'America/New_York'
const T0 = Date.UTC(2026, 10, 20, 12)

describe('zones', () => {
  test('offsets and their changes come from the IANA data', () => {
    expect(offsetAt(NY, Date.UTC(2026, 6, 1))).toBe(-4 * H)
    expect(offsetAt(NY, Date.UTC(2026, 11, 1))).toBe(-5 * H)
    expect(offsetAt('Asia/Kolkata', T0)).toBe(5.5 * H)
    expect(offsetSpans(NY, Date.UTC(2026, 9, 1), Date.UTC(2026, 11, 1))).toEqual([
      { start: Date.UTC(2026, 9, 1), offset: -4 * H },
      { start: Date.UTC(2026, 10, 1, 6), offset: -5 * H },
    ])
    const lh = offsetSpans('Australia/Lord_Howe', Date.UTC(2026, 8, 1), Date.UTC(2026, 9, 30))
    expect(lh.map((s) => s.offset / 60_000)).toEqual([630, 660])
  })

  test('local wall time → instant: the earlier of a repeated hour, the end of a skipped one', () => {
    // 1 Nov 2026 01:30 happens twice in New York; 8 Mar 2026 02:30 never happens.
    expect(localToInstant(NY, Date.UTC(2026, 10, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30))
    expect(localToInstant(NY, Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30))
    const z = new ZoneMap(NY, Date.UTC(2026, 2, 1), Date.UTC(2026, 11, 1))
    expect(z.instant(Date.UTC(2026, 10, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30))
    expect(z.instant(Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30))
    expect(z.iso(Date.UTC(2026, 10, 1, 6))).toBe('2026-11-01T01:00:00-05:00')
    expect(new ZoneMap('UTC', 0, 1).iso(T0 + 5)).toBe('2026-11-20T12:00:00.005Z')
  })

  test('an unknown or malformed zone is a 422', () => {
    expect(parseTimezone(undefined)).toBe('UTC')
    expect(parseTimezone('Europe/Berlin')).toBe('Europe/Berlin')
    for (const bad of ['Mars/Base', 'Europe/Berlin; DROP', '../etc/localtime', 'x'.repeat(80)])
      expect(() => parseTimezone(bad)).toThrow(ValidationError)
  })
})

describe('periods', () => {
  test('calendar periods start at local midnight and compare with the same stretch before', () => {
    const now = Date.UTC(2026, 10, 20, 12) // 07:00 in New York
    const today = Date.UTC(2026, 10, 20, 5)
    expect(resolvePeriod('today', now, NY)).toEqual({
      from: today,
      to: now,
      previous: { from: today - D, to: today - D + 7 * H },
    })
    expect(resolvePeriod('yesterday', now, NY)).toEqual({
      from: today - D,
      to: today,
      previous: { from: today - 2 * D, to: today - D },
    })
    // November began on EDT: 1 Nov 00:00 = 04:00Z; October also began on EDT.
    const month = resolvePeriod('month', now, NY)
    expect(month.from).toBe(Date.UTC(2026, 10, 1, 4))
    expect(month.previous).toEqual({
      from: Date.UTC(2026, 9, 1, 4),
      to: Date.UTC(2026, 9, 1, 4) + (now - month.from),
    })
    expect(resolvePeriod('7d', now, 'UTC')).toEqual({
      from: now - 7 * D,
      to: now,
      previous: { from: now - 14 * D, to: now - 7 * D },
    })
  })

  test('the previous stretch of a month never runs past the end of the previous month', () => {
    const now = Date.UTC(2026, 2, 31, 12) // 31 March; February has 28 days
    const r = resolvePeriod('month', now, 'UTC')
    expect(r.previous).toEqual({ from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) })
  })

  test('from/to: epoch ms, or ISO 8601 with an offset, or local to the zone without one', () => {
    expect(parseInstant('from', '1795176000000', NY)).toBe(1795176000000)
    expect(parseInstant('from', '2026-11-20', NY)).toBe(Date.UTC(2026, 10, 20, 5))
    expect(parseInstant('from', '2026-11-20T10:30', NY)).toBe(Date.UTC(2026, 10, 20, 15, 30))
    expect(parseInstant('from', '2026-11-20T10:30:00.250Z', NY)).toBe(Date.UTC(2026, 10, 20, 10, 30, 0, 250))
    expect(parseInstant('from', '2026-11-20T10:30:00+05:30', 'UTC')).toBe(Date.UTC(2026, 10, 20, 5))
    for (const bad of [
      '2026-13-01',
      '2026-02-29',
      '2026-11-20T24:00',
      'tomorrow',
      '1e12',
      '-5',
      '1960-01-01',
    ])
      expect(() => parseInstant('from', bad, 'UTC')).toThrow(ValidationError)
  })
})

describe('buckets', () => {
  test('hour buckets follow local hours through the DST change (one local hour twice)', () => {
    const z = new ZoneMap(NY, Date.UTC(2026, 10, 1, 4), Date.UTC(2026, 10, 1, 8))
    const b = listBuckets('hour', z, { from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 10, 1, 8) })
    expect(b.map((x) => z.iso(x.start))).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ])
  })

  test('day, week (Monday) and month buckets are local calendar units; partial ones at the ends', () => {
    const range = { from: Date.UTC(2026, 9, 30, 12), to: Date.UTC(2026, 10, 3, 12) }
    const z = new ZoneMap(NY, range.from, range.to)
    expect(listBuckets('day', z, range).map((x) => z.iso(x.start))).toEqual([
      '2026-10-30T00:00:00-04:00',
      '2026-10-31T00:00:00-04:00',
      '2026-11-01T00:00:00-04:00',
      '2026-11-02T00:00:00-05:00',
      '2026-11-03T00:00:00-05:00',
    ])
    expect(listBuckets('week', z, range).map((x) => z.iso(x.start))).toEqual([
      '2026-10-26T00:00:00-04:00',
      '2026-11-02T00:00:00-05:00',
    ])
    expect(listBuckets('month', z, range).map((x) => z.iso(x.start))).toEqual([
      '2026-10-01T00:00:00-04:00',
      '2026-11-01T00:00:00-04:00',
    ])
    expect(bucketKey('week', z, Date.UTC(2026, 10, 2, 4, 59))).toBe(
      bucketKey('week', z, Date.UTC(2026, 9, 26, 4)),
    )
  })

  test('more buckets than allowed is a 422 asking for a larger interval', () => {
    const range = { from: T0 - 30 * D, to: T0 }
    expect(() => listBuckets('minute', new ZoneMap('UTC', range.from, range.to), range)).toThrow(
      /larger interval/,
    )
  })
})
