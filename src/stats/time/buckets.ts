// Calendar buckets (minute, hour, day, week from Monday, month) in a time zone: the key of the bucket
// holding an instant, and the list of every bucket overlapping a range (for zero-filling).
// Keys: minute/hour → the bucket's start instant; day → local day number; week → local day number of
// its Monday; month → local year × 12 + month index. src/stats/sql/bucket-key.ts computes the same keys
// in SQL, from the same offset spans.
import { ValidationError } from '../../errors'
import { type Interval, LIMITS } from '../registry'
import type { Range } from './period'
import type { ZoneMap } from './zone-map'

/** Milliseconds in a minute, an hour, a day. */
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** One bucket: its key (as the SQL computes it) and its start instant. */
export interface Bucket {
  key: number
  start: number
}

/** The key of the bucket holding instant `t` (the same rule as `bucketKeySql`). */
export function bucketKey(interval: Interval, zone: ZoneMap, t: number): number {
  const off = zone.offset(t)
  const local = t + off
  const day = Math.floor(local / DAY)
  switch (interval) {
    case 'minute':
      return Math.floor(local / MINUTE) * MINUTE - off
    case 'hour':
      return Math.floor(local / HOUR) * HOUR - off
    case 'day':
      return day
    case 'week':
      return day - ((((day + 3) % 7) + 7) % 7)
    case 'month': {
      const d = new Date(local)
      return d.getUTCFullYear() * 12 + d.getUTCMonth()
    }
  }
}

/** The start instant of the bucket with `key`. */
export function bucketStart(interval: Interval, zone: ZoneMap, key: number): number {
  switch (interval) {
    case 'minute':
    case 'hour':
      return key
    case 'day':
    case 'week':
      return zone.instant(key * DAY)
    case 'month':
      return zone.instant(Date.UTC(Math.floor(key / 12), key % 12, 1))
  }
}

function nextKey(interval: Interval, zone: ZoneMap, key: number): number {
  switch (interval) {
    case 'minute':
    case 'hour': {
      const len = interval === 'minute' ? MINUTE : HOUR
      const next = bucketKey(interval, zone, key + len)
      return next > key ? next : key + len
    }
    case 'day':
      return key + 1
    case 'week':
      return key + 7
    case 'month':
      return key + 1
  }
}

/**
 * Every bucket overlapping `range`, oldest first. More than `max` buckets is a 422 asking for a larger
 * interval (or shorter period).
 */
export function listBuckets(
  interval: Interval,
  zone: ZoneMap,
  range: Range,
  max: number = LIMITS.maxPoints,
): Bucket[] {
  const out: Bucket[] = []
  if (range.to <= range.from) return out
  const last = bucketKey(interval, zone, range.to - 1)
  for (let key = bucketKey(interval, zone, range.from); key <= last; key = nextKey(interval, zone, key)) {
    if (out.length >= max)
      throw new ValidationError(
        `Too many ${interval} buckets for this period (at most ${max}): choose a larger interval or a shorter period`,
        [{ path: '$.interval', message: `gives more than ${max} buckets for this period` }],
      )
    out.push({ key, start: bucketStart(interval, zone, key) })
  }
  return out
}
