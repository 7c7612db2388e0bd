// A time zone's offsets over one range, precomputed as spans: offset lookups, local ↔ instant and ISO
// formatting become plain arithmetic (Intl is slow per call), and the SQL builders get the same spans
// so the database computes exactly the same local times.
import { type OffsetSpan, offsetSpans } from './zone'

const DAY = 86_400_000
const MINUTE = 60_000
/** Bucket starts can lie up to a month before the range (a month bucket), so look that far around. */
const MARGIN = 32 * DAY

/** Offsets of one time zone around one range. */
export class ZoneMap {
  readonly spans: OffsetSpan[]

  constructor(
    readonly tz: string,
    from: number,
    to: number,
  ) {
    this.spans = offsetSpans(tz, from - MARGIN, to + MARGIN)
  }

  /** Offset at instant `t` (local = t + offset). */
  offset(t: number): number {
    const s = this.spans
    let i = s.length - 1
    while (i > 0 && t < s[i].start) i--
    return s[i].offset
  }

  /** The instant of local wall-clock ms `l`: the earlier one when ambiguous, the gap's end when skipped. */
  instant(l: number): number {
    const s = this.spans
    let best = Number.POSITIVE_INFINITY
    for (let i = 0; i < s.length; i++) {
      const t = l - s[i].offset
      const inSpan = (i === 0 || t >= s[i].start) && (i === s.length - 1 || t < s[i + 1].start)
      if (inSpan && t < best) best = t
    }
    if (best !== Number.POSITIVE_INFINITY) return best
    for (let i = 1; i < s.length; i++) if (l - s[i - 1].offset >= s[i].start) best = l - s[i - 1].offset
    return best
  }

  /** ISO 8601 of instant `t` with the local offset (`…Z` when the offset is 0). */
  iso(t: number): string {
    const off = this.offset(t)
    const text = new Date(t + off).toISOString()
    const base = text.endsWith('.000Z') ? text.slice(0, -5) : text.slice(0, -1)
    if (off === 0) return `${base}Z`
    const abs = Math.abs(off)
    const hh = String(Math.floor(abs / 3_600_000)).padStart(2, '0')
    const mm = String(Math.floor((abs % 3_600_000) / MINUTE)).padStart(2, '0')
    return `${base}${off < 0 ? '-' : '+'}${hh}:${mm}`
  }
}
