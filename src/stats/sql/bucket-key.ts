// The SQL giving each event's `ts` its calendar bucket key in a time zone: the same keys as
// `bucketKey` in src/stats/time/buckets.ts, from the same offset spans of the zone. The zone's offsets are
// plain SQL arithmetic (so every engine computes the same keys); integer division and the month of an
// epoch-ms value are spelled by the dialect.
import type { Interval } from '../registry'
import { DAY, HOUR, MINUTE } from '../time/buckets'
import type { ZoneMap } from '../time/zone-map'
import type { Params } from './params'

/** SQL of the local UTC offset of `ts`, from the zone's spans. */
function offsetSql(zone: ZoneMap, p: Params): string {
  const s = zone.spans
  if (s.length === 1) return p.bigint(s[0].offset)
  const arms = s.slice(1).map((span, i) => `WHEN ts < ${p.ms(span.start)} THEN ${p.bigint(s[i].offset)}`)
  return `(CASE ${arms.join(' ')} ELSE ${p.bigint(s[s.length - 1].offset)} END)`
}

/** SQL computing the bucket key of each event's `ts`. */
export function bucketKeySql(interval: Interval, zone: ZoneMap, p: Params): string {
  const d = p.dialect
  const off = offsetSql(zone, p)
  const local = `(ts + ${off})`
  const day = `(${d.intDiv(local, String(DAY))})`
  switch (interval) {
    case 'minute':
      return `(${d.intDiv(local, String(MINUTE))}) * ${MINUTE} - ${off}`
    case 'hour':
      return `(${d.intDiv(local, String(HOUR))}) * ${HOUR} - ${off}`
    case 'day':
      return day
    case 'week':
      return `${day} - ((${day} + 3) % 7)`
    case 'month':
      return d.epochMonth(local)
  }
}
