// Time-zone arithmetic on epoch milliseconds with the platform's IANA data (Intl): the UTC offset at an
// instant, the instant of a local wall-clock time, the offset changes inside a range (so SQL can turn
// instants into local time with plain integer arithmetic).
import { ValidationError } from '../../errors'

const DAY = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(tz, f)
  }
  return f
}

/** `tz` if it is a time zone the platform knows (canonical spelling kept as given), else a 422. */
export function parseTimezone(tz: string | undefined): string {
  if (tz === undefined || tz === '' || tz === 'UTC') return 'UTC'
  if (/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) {
    try {
      formatter(tz)
      return tz
    } catch {
      // fall through to the 422
    }
  }
  throw new ValidationError(`Unknown timezone "${tz.slice(0, 64)}": use an IANA name such as Europe/Berlin`, [
    { path: '$.timezone', message: 'must be an IANA time zone name' },
  ])
}

/** UTC offset of `tz` at instant `t`, in ms (local = t + offset). */
export function offsetAt(tz: string, t: number): number {
  if (tz === 'UTC') return 0
  const p: Record<string, number> = {}
  for (const part of formatter(tz).formatToParts(t))
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  const seconds = Math.floor(t / 1000) * 1000
  return wall - seconds
}

/**
 * The instant of local wall-clock time `local` (ms since the epoch, read as if UTC). An ambiguous time
 * (clocks going back) gives the earlier instant; a skipped one (clocks going forward) gives the first
 * instant after the gap, so the start of a day is always its first instant.
 */
export function localToInstant(tz: string, local: number): number {
  if (tz === 'UTC') return local
  const before = offsetAt(tz, local - DAY)
  const after = offsetAt(tz, local + DAY)
  const candidates = [local - before, local - after].filter((t) => offsetAt(tz, t) === local - t)
  if (candidates.length > 0) return Math.min(...candidates)
  return local - before
}

/** Local wall-clock time of instant `t` (ms since the epoch, read as if UTC). */
export function toLocal(tz: string, t: number): number {
  return t + offsetAt(tz, t)
}

/** One piece of constant offset: from `start` (inclusive) on, local = t + offset. */
export interface OffsetSpan {
  start: number
  offset: number
}

/**
 * The offsets of `tz` over [from, to): the first span starts at -∞ (reported as `from`), later spans at
 * each change. Samples every 2 days and bisects to the millisecond where the offset differs.
 */
export function offsetSpans(tz: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ start: from, offset: offsetAt(tz, from) }]
  if (tz === 'UTC') return spans
  const step = 2 * DAY
  let t0 = from
  let o0 = spans[0].offset
  while (t0 < to) {
    const t1 = Math.min(t0 + step, to)
    if (offsetAt(tz, t1) === o0) {
      t0 = t1
      continue
    }
    let lo = t0
    let hi = t1
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (offsetAt(tz, mid) === o0) lo = mid
      else hi = mid
    }
    o0 = offsetAt(tz, hi)
    spans.push({ start: hi, offset: o0 })
    t0 = hi
  }
  return spans
}
