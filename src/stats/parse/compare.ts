// The comparison of a summary, timeseries or breakdown (`compare=`): which range the period is compared
// with. `previous_period` is the period's own previous range (src/stats/time/period.ts), `year_over_year`
// the same local dates and times a year earlier in the scope's zone (Feb 29 → Feb 28), `custom` the range
// `compare_from` .. `compare_to` (epoch ms or ISO 8601, read in the zone like `from` / `to`).
import { ValidationError } from '../../errors'
import { COMPARE_MODES, type CompareMode } from '../registry'
import { parseInstant, type Range, shiftRange } from '../time/period'
import { pick } from './names'
import type { Scope } from './scope'

/** A parsed comparison: its mode and, for `custom`, its range. */
export interface Compare {
  mode: CompareMode
  custom?: Range
}

/** The comparison parameters a route takes. */
export const COMPARE_PARAMS = ['compare', 'compare_from', 'compare_to'] as const

/** Read `compare`, `compare_from` and `compare_to` (in `timezone`); null when there is no comparison. */
export function parseCompare(
  q: { compare?: string; compare_from?: string | number; compare_to?: string | number },
  timezone: string,
): Compare | null {
  const given = (v: unknown) => v !== undefined && v !== ''
  if (!given(q.compare)) {
    if (given(q.compare_from) || given(q.compare_to))
      throw new ValidationError('compare_from and compare_to need compare=custom', [
        { path: '$.compare', message: 'must be custom when compare_from or compare_to is given' },
      ])
    return null
  }
  const mode = pick('compare', String(q.compare), COMPARE_MODES)
  if (mode !== 'custom') {
    if (given(q.compare_from) || given(q.compare_to))
      throw new ValidationError(`compare_from and compare_to need compare=custom (got compare=${mode})`, [
        { path: '$.compare', message: 'must be custom when compare_from or compare_to is given' },
      ])
    return { mode }
  }
  if (!given(q.compare_from) || !given(q.compare_to))
    throw new ValidationError('compare=custom needs both compare_from and compare_to', [
      {
        path: given(q.compare_from) ? '$.compare_to' : '$.compare_from',
        message: 'is required when compare=custom',
      },
    ])
  const from = parseInstant('compare_from', String(q.compare_from), timezone)
  const to = parseInstant('compare_to', String(q.compare_to), timezone)
  if (from >= to)
    throw new ValidationError('compare_from must be before compare_to', [
      { path: '$.compare_to', message: 'must be after compare_from' },
    ])
  return { mode, custom: { from, to } }
}

/** The range `scope` is compared with (read after an `all` scope is settled). */
export function compareRange(scope: Scope, compare: Compare): Range {
  if (compare.mode === 'custom') return compare.custom!
  if (compare.mode === 'year_over_year') return shiftRange(scope.timezone, scope.range, -12)
  return scope.previous
}
