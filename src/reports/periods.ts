// Which period a digest reports on, in the digest's time zone: the latest whole day, week (Monday to
// Monday) or month whose send time — its end at the chosen local hour — has passed. Pure functions.
import { DAY, HOUR } from '../stats/time/buckets'
import { localToInstant, toLocal } from '../stats/time/zone'

/** How often a digest is sent. */
export type Frequency = 'daily' | 'weekly' | 'monthly'

/** One digest period: local dates (`YYYY-MM-DD`, `to` exclusive) and when it is due. */
export interface DigestPeriod {
  /** The period's first local date; also its identity (`last_period` compares these as text). */
  key: string
  from: string
  to: string
  /** The instant the digest of this period is due (epoch ms). */
  dueAt: number
}

const date = (local: number) => new Date(local).toISOString().slice(0, 10)

/** Local midnight (as if UTC) of the period boundary at or before local time `local`, stepping back `back` periods. */
function boundary(freq: Frequency, local: number, back: number): number {
  const day = Math.floor(local / DAY) * DAY
  if (freq === 'daily') return day - back * DAY
  if (freq === 'weekly') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday 0
    return day - weekday * DAY - back * 7 * DAY
  }
  const d = new Date(day)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)
}

/** The latest period of `freq` due at `now` (its end at `hour` local time in `tz` has passed). */
export function latestDuePeriod(freq: Frequency, hour: number, tz: string, now: number): DigestPeriod {
  const local = toLocal(tz, now)
  for (let back = 0; ; back++) {
    const end = boundary(freq, local, back)
    const dueAt = localToInstant(tz, end + hour * HOUR)
    if (dueAt <= now) {
      const start = boundary(freq, end - 1, 0)
      return { key: date(start), from: date(start), to: date(end), dueAt }
    }
  }
}
