// The oracle's own calendar arithmetic, written independently of src/stats/time: local dates come
// straight from Intl for each instant, and the start of a local day is found by bisection on them.
import type { Interval } from '../../../src/stats/registry'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const fmt = new Map<string, Intl.DateTimeFormat>()
const cache = new Map<string, Parts>()

interface Parts {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
}

/** Local calendar fields of instant `t` in `tz`. */
export function parts(tz: string, t: number): Parts {
  const ck = `${tz}|${Math.floor(t / 1000)}`
  const hit = cache.get(ck)
  if (hit) return hit
  let f = fmt.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    fmt.set(tz, f)
  }
  const o: Record<string, number> = {}
  for (const p of f.formatToParts(t)) if (p.type !== 'literal') o[p.type] = Number(p.value)
  const r = { y: o.year, mo: o.month, d: o.day, h: o.hour, mi: o.minute, s: o.second }
  if (cache.size > 500_000) cache.clear()
  cache.set(ck, r)
  return r
}

const p2 = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` of `t` in `tz`. */
export function localDate(tz: string, t: number): string {
  const p = parts(tz, t)
  return `${p.y}-${p2(p.mo)}-${p2(p.d)}`
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The first instant whose local date in `tz` is `date` (or later). */
export function dayStart(tz: string, date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  let lo = Date.UTC(y, m - 1, d) - 2 * DAY // local date < `date` here
  let hi = Date.UTC(y, m - 1, d) + 2 * DAY // and >= here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (localDate(tz, mid) >= date) hi = mid
    else lo = mid
  }
  return hi
}

/** The oracle's bucket label of instant `t`: an instant for minute/hour, a date text otherwise. */
export function bucketLabel(tz: string, interval: Interval, t: number): string | number {
  const p = parts(tz, t)
  switch (interval) {
    case 'minute':
      return t - (t % MINUTE)
    case 'hour':
      return t - p.mi * MINUTE - p.s * 1000 - (t % 1000)
    case 'day':
      return localDate(tz, t)
    case 'week': {
      const date = localDate(tz, t)
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay()
      return addDays(date, -((dow + 6) % 7))
    }
    case 'month':
      return `${p.y}-${p2(p.mo)}`
  }
}

/** The label the API's point `time` stands for (so it can be compared with the oracle's). */
export function labelOfTime(interval: Interval, time: string): string | number {
  if (interval === 'minute' || interval === 'hour') return Date.parse(time)
  return interval === 'month' ? time.slice(0, 7) : time.slice(0, 10)
}

/** Every bucket label overlapping [from, to), oldest first, found by sampling the range. */
export function labelsOf(tz: string, interval: Interval, from: number, to: number): (string | number)[] {
  const step = interval === 'minute' ? MINUTE : interval === 'hour' ? 15 * MINUTE : HOUR
  const out: (string | number)[] = []
  for (let t = from; ; t = Math.min(t + step, to - 1)) {
    const l = bucketLabel(tz, interval, t)
    if (out[out.length - 1] !== l) out.push(l)
    if (t >= to - 1) break
  }
  return out
}

/** The first instant whose local date-time in `tz` is the wall time given (or later), by bisection. */
export function wallStart(tz: string, y: number, mo: number, d: number, ms: number): number {
  const date = `${y}-${p2(mo)}-${p2(d)}`
  const want = `${date} ${new Date(ms).toISOString().slice(11, 23)}`
  const wall = (t: number) => {
    const p = parts(tz, t)
    return `${p.y}-${p2(p.mo)}-${p2(p.d)} ${p2(p.h)}:${p2(p.mi)}:${p2(p.s)}.${String(((t % 1000) + 1000) % 1000).padStart(3, '0')}`
  }
  let lo = Date.UTC(y, mo - 1, d) + ms - 2 * DAY
  let hi = Date.UTC(y, mo - 1, d) + ms + 2 * DAY
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (wall(mid) >= want) hi = mid
    else lo = mid
  }
  return hi
}

/** Instant `t` a year earlier in `tz`: same local date and time, Feb 29 becoming Feb 28. */
export function yearEarlier(tz: string, t: number): number {
  const p = parts(tz, t)
  const d = p.mo === 2 && p.d === 29 ? 28 : p.d
  const ms = ((p.h * 60 + p.mi) * 60 + p.s) * 1000 + (((t % 1000) + 1000) % 1000)
  return wallStart(tz, p.y - 1, p.mo, d, ms)
}

/** `YYYY-MM-01` of the month `months` months from the month of `date`. */
function monthStart(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10)
}

/** The period's range and its comparison range, by the documented definitions. */
export function periodRange(
  period: string,
  now: number,
  tz: string,
  custom?: { from: number; to: number },
  firstEvent?: number,
) {
  if (period === 'all') {
    const from = dayStart(tz, localDate(tz, firstEvent ?? now))
    return { from, to: now, prevFrom: from - (now - from), prevTo: from }
  }
  if (period === 'last_month') {
    const from = dayStart(tz, monthStart(localDate(tz, now), -1))
    const to = dayStart(tz, monthStart(localDate(tz, now), 0))
    return { from, to, prevFrom: dayStart(tz, monthStart(localDate(tz, now), -2)), prevTo: from }
  }
  if (period === '12mo' || period === 'year_to_date') {
    const today = localDate(tz, now)
    const from = dayStart(tz, period === '12mo' ? monthStart(today, -11) : `${today.slice(0, 4)}-01-01`)
    return { from, to: now, prevFrom: yearEarlier(tz, from), prevTo: yearEarlier(tz, now) }
  }
  const rolling: Record<string, number> = {
    '1h': HOUR,
    '24h': DAY,
    '7d': 7 * DAY,
    '30d': 30 * DAY,
    '90d': 90 * DAY,
  }
  if (period in rolling) {
    const len = rolling[period]
    return { from: now - len, to: now, prevFrom: now - 2 * len, prevTo: now - len }
  }
  if (period === 'custom') {
    const len = custom!.to - custom!.from
    return { ...custom!, prevFrom: custom!.from - len, prevTo: custom!.from }
  }
  const today = localDate(tz, now)
  if (period === 'today') {
    const from = dayStart(tz, today)
    const prev = dayStart(tz, addDays(today, -1))
    return { from, to: now, prevFrom: prev, prevTo: Math.min(prev + (now - from), from) }
  }
  if (period === 'yesterday') {
    const y = addDays(today, -1)
    return {
      from: dayStart(tz, y),
      to: dayStart(tz, today),
      prevFrom: dayStart(tz, addDays(y, -1)),
      prevTo: dayStart(tz, y),
    }
  }
  // month
  const first = `${today.slice(0, 7)}-01`
  const from = dayStart(tz, first)
  const prevFirst = addDays(first, -1).slice(0, 7) + '-01'
  const prev = dayStart(tz, prevFirst)
  return { from, to: now, prevFrom: prev, prevTo: Math.min(prev + (now - from), from) }
}
