// Periods: a period name (plus `from`/`to` for custom) and a time zone become the half-open range
// [from, to) in epoch ms, with the previous period of the same kind for comparisons.
import { ValidationError } from '../../errors'
import { type CALENDAR_PERIODS, type Period, ROLLING_PERIODS, type RollingPeriod } from '../registry'
import { localToInstant, toLocal } from './zone'

const DAY = 86_400_000

/** A half-open range of epoch ms: `from <= timestamp < to`. */
export interface Range {
  from: number
  to: number
}

/** A resolved period and the one it is compared with. */
export interface ResolvedPeriod extends Range {
  previous: Range
}

/** The first instant of the local day containing `t`. */
export function startOfDay(tz: string, t: number): number {
  return localToInstant(tz, Math.floor(toLocal(tz, t) / DAY) * DAY)
}

/** The first instant of the local month containing `t`. */
export function startOfMonth(tz: string, t: number): number {
  const d = new Date(toLocal(tz, t))
  return localToInstant(tz, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
}

/**
 * The instant `t` moved by `months` calendar months in local wall-clock time in `tz`: the same day of
 * the month and time of day, the day clamped to the target month's last (Feb 29 → Feb 28).
 */
export function shiftMonths(tz: string, t: number, months: number): number {
  const d = new Date(toLocal(tz, t))
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + months
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  const day = Math.min(d.getUTCDate(), last)
  const timeOfDay = toLocal(tz, t) - Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
  return localToInstant(tz, Date.UTC(y, m, day) + timeOfDay)
}

/** `range` moved by `months` calendar months in `tz` (see `shiftMonths`). */
export function shiftRange(tz: string, range: Range, months: number): Range {
  return { from: shiftMonths(tz, range.from, months), to: shiftMonths(tz, range.to, months) }
}

/** The first instant of the local year containing `t`. */
export function startOfYear(tz: string, t: number): number {
  return localToInstant(tz, Date.UTC(new Date(toLocal(tz, t)).getUTCFullYear(), 0, 1))
}

/**
 * Resolve `period` at `now` in `tz`. Rolling periods, `custom` and `all` compare with the range of the
 * same length just before; `yesterday` with the day before; `last_month` with the month before; `today`
 * and `month` (which end now) with the same length of time from the start of the previous day or month
 * (at most that whole day or month); `12mo` and `year_to_date` with the same local dates 12 months
 * earlier. `all` needs `first`, the site's first stored event (now when it has none).
 */
export function resolvePeriod(
  period: Period,
  now: number,
  tz: string,
  custom?: Range,
  first?: number,
): ResolvedPeriod {
  if (period === 'all') {
    const from = Math.min(startOfDay(tz, first ?? now), startOfDay(tz, now))
    return { from, to: now, previous: { from: from - (now - from), to: from } }
  }
  if (period === 'custom') {
    if (!custom) throw new ValidationError('period=custom needs from and to')
    const len = custom.to - custom.from
    return { ...custom, previous: { from: custom.from - len, to: custom.from } }
  }
  if (period in ROLLING_PERIODS) {
    const len = ROLLING_PERIODS[period as RollingPeriod]
    return { from: now - len, to: now, previous: { from: now - 2 * len, to: now - len } }
  }
  const today = startOfDay(tz, now)
  switch (period as (typeof CALENDAR_PERIODS)[number]) {
    case 'today': {
      const prev = startOfDay(tz, today - 1)
      return { from: today, to: now, previous: { from: prev, to: Math.min(prev + (now - today), today) } }
    }
    case 'yesterday': {
      const from = startOfDay(tz, today - 1)
      return { from, to: today, previous: { from: startOfDay(tz, from - 1), to: from } }
    }
    case 'last_month': {
      const to = startOfMonth(tz, now)
      const from = startOfMonth(tz, to - 1)
      return { from, to, previous: { from: startOfMonth(tz, from - 1), to: from } }
    }
    case '12mo': {
      const from = shiftMonths(tz, startOfMonth(tz, now), -11)
      return { from, to: now, previous: shiftRange(tz, { from, to: now }, -12) }
    }
    case 'year_to_date': {
      const from = startOfYear(tz, now)
      return { from, to: now, previous: shiftRange(tz, { from, to: now }, -12) }
    }
    default: {
      const month = startOfMonth(tz, now)
      const prev = startOfMonth(tz, month - 1)
      return { from: month, to: now, previous: { from: prev, to: Math.min(prev + (now - month), month) } }
    }
  }
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * A `from`/`to` value: epoch ms (digits), or ISO 8601. A date, or a date-time without an offset, is
 * read as wall-clock time in `tz`. Anything else is a 422 naming the parameter.
 */
export function parseInstant(param: string, raw: string, tz: string): number {
  const bad = (why: string) =>
    new ValidationError(`Invalid ${param}: ${why}`, [
      { path: `$.${param}`, message: 'must be epoch milliseconds or an ISO 8601 date or date-time' },
    ])
  if (/^\d{1,15}$/.test(raw)) return Number(raw)
  const m = ISO.exec(raw)
  if (!m) throw bad(`"${raw.slice(0, 40)}" is neither epoch milliseconds nor ISO 8601`)
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)))
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  const back = new Date(wall)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw bad(`"${raw.slice(0, 40)}" is not a real date and time`)
  const t = withZone(wall, m[8], tz)
  if (t < 0) throw bad('must not be before 1970')
  return t
}

function withZone(wall: number, zone: string | undefined, tz: string): number {
  if (!zone) return localToInstant(tz, wall)
  if (zone.toUpperCase() === 'Z') return wall
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
  const off = (Number(z[2]) * 60 + Number(z[3])) * 60_000
  return z[1] === '+' ? wall - off : wall + off
}
