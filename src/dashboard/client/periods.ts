// Periods the dashboard offers (the analytics API's names plus custom dates), the query parameters
// each one becomes, and the chart interval that suits it. Pure functions, unit-tested.
import type { GetQuery } from '../../sdk/src/read'

/** A period name of the analytics API (from its OpenAPI document). */
export type PeriodName = NonNullable<GetQuery<'/api/v1/stats'>['period']>
/** A chart bucket size of the timeseries API. */
export type Interval = NonNullable<GetQuery<'/api/v1/stats/timeseries'>['interval']>
/** A cohort size of the retention API. */
export type CohortInterval = NonNullable<GetQuery<'/api/v1/retention'>['interval']>

/**
 * A label for every period of the API, in display order. Typed by the generated `PeriodName`, so the
 * compiler refuses a period the API lacks and reports one the API gained until it has a label here.
 */
const PERIOD_LABELS: Record<PeriodName, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  month: 'This month',
  last_month: 'Last month',
  '90d': 'Last 90 days',
  '12mo': 'Last 12 months',
  year_to_date: 'Year to date',
  all: 'All time',
  custom: 'Custom dates…',
}

/** The period picker's entries, in display order. */
export const PERIODS: { name: PeriodName; label: string }[] = Object.entries(PERIOD_LABELS).map(
  ([name, label]) => ({ name: name as PeriodName, label }),
)

const DAY = 86_400_000

/** Whether `name` is a period the dashboard knows. */
export function isPeriod(name: string | null | undefined): name is PeriodName {
  return PERIODS.some((p) => p.name === name)
}

/** A selected period: a name, plus inclusive local dates (YYYY-MM-DD) when custom. */
export interface PeriodChoice {
  period: PeriodName
  from?: string
  to?: string
}

/** Local midnight of a YYYY-MM-DD date, in epoch ms; NaN when malformed. */
export function localMidnight(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return Number.NaN
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
}

/** The half-open epoch-ms range [from, to) of a custom choice, or undefined when incomplete or reversed. */
export function customRange(c: PeriodChoice): { from: number; to: number } | undefined {
  if (c.period !== 'custom' || !c.from || !c.to) return undefined
  const from = localMidnight(c.from)
  const last = localMidnight(c.to)
  if (!Number.isFinite(from) || !Number.isFinite(last) || last < from) return undefined
  // The end date is inclusive in the picker: the range ends at the next local midnight.
  const next = new Date(last)
  next.setDate(next.getDate() + 1)
  return { from, to: next.getTime() }
}

/** The date after a YYYY-MM-DD date. */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10)
}

/**
 * The API's period parameters for a choice. Custom dates go as dates (`from` the first, `to` the day after
 * the last), which the API reads as midnights in `timezone` (the site's zone), whatever the browser's.
 */
export function periodParams(
  c: PeriodChoice,
  timezone: string,
): { period: PeriodName; timezone: string; from?: string; to?: string } {
  if (customRange(c) && c.from && c.to)
    return { period: 'custom', timezone, from: c.from, to: dayAfter(c.to) }
  // Custom dates not yet complete: show the default period meanwhile.
  return { period: c.period === 'custom' ? '30d' : c.period, timezone }
}

/** A chart interval giving a readable number of points for the period. */
export function chooseInterval(c: PeriodChoice): Interval {
  switch (c.period) {
    case '1h':
      return 'minute'
    case '24h':
    case 'today':
    case 'yesterday':
      return 'hour'
    case 'custom': {
      const r = customRange(c)
      const span = r ? r.to - r.from : 30 * DAY
      if (span <= 3 * DAY) return 'hour'
      if (span <= 180 * DAY) return 'day'
      if (span <= 730 * DAY) return 'week'
      return 'month'
    }
    case '12mo':
    case 'all':
      return 'month'
    case 'year_to_date':
      return 'week'
    default:
      return 'day'
  }
}

/** Retention cohorts that keep the table readable: days up to two weeks, weeks beyond. */
export function defaultCohortInterval(c: PeriodChoice): CohortInterval {
  if (c.period === 'custom') {
    const r = customRange(c)
    return r && r.to - r.from > 14 * DAY ? 'week' : 'day'
  }
  return ['30d', '90d', 'month', 'last_month', '12mo', 'year_to_date', 'all'].includes(c.period)
    ? 'week'
    : 'day'
}

/** The browser's IANA time zone, or UTC when it cannot tell. */
export function browserTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
