// Warnings of a dry run, pure: a property key that differs from a known one only by case, `_` or `-`
// (`signupPlan` next to `signup_plan`), and an event type the site has never stored.
import type { EventRow } from '../events/fields'

/** One warning about one event of the request. */
export interface DryRunWarning {
  /** Position of the event in the request (0 for /collect). */
  index: number
  /** JSON path of the field concerned. */
  path: string
  code: 'property_key_near_duplicate' | 'new_event_type'
  message: string
}

/** What the site already has, read from the database. */
export interface KnownNames {
  eventTypes: ReadonlySet<string>
  propertyKeys: readonly string[]
}

/** A property key folded so that keys differing only by case, `_` or `-` compare equal. */
export function foldKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '')
}

/** The warnings of `events` (with their request index) against what the site has stored. */
export function dryRunWarnings(
  events: readonly { index: number; row: EventRow }[],
  known: KnownNames,
  pathOf: (i: number) => string,
): DryRunWarning[] {
  const warnings: DryRunWarning[] = []
  // Folded key → the spellings seen, stored first, then this request's in order.
  const spellings = new Map<string, Set<string>>()
  for (const k of known.propertyKeys) addTo(spellings, foldKey(k), k)
  const newTypes = new Set<string>()
  for (const { index, row } of events) {
    if (!known.eventTypes.has(row.eventType) && !newTypes.has(row.eventType)) {
      newTypes.add(row.eventType)
      warnings.push({
        index,
        path: `${pathOf(index)}.event_type`,
        code: 'new_event_type',
        message: `event type "${row.eventType}" has never been stored for this site${closest(row.eventType, known.eventTypes)}`,
      })
    }
    const props = row.properties ? (JSON.parse(row.properties) as Record<string, unknown>) : {}
    for (const key of Object.keys(props)) {
      const folded = foldKey(key)
      const others = [...(spellings.get(folded) ?? [])].filter((k) => k !== key)
      if (others.length > 0)
        warnings.push({
          index,
          path: `${pathOf(index)}.properties.${key}`,
          code: 'property_key_near_duplicate',
          message: `property "${key}" differs only by case, "_" or "-" from ${others.map((k) => `"${k}"`).join(', ')}`,
        })
      addTo(spellings, folded, key)
    }
  }
  return warnings
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (set) set.add(value)
  else map.set(key, new Set([value]))
}

/** `; did you mean "x"?` when a known type differs only by case, `_`/`-` or one edit. */
function closest(type: string, known: ReadonlySet<string>): string {
  for (const k of known)
    if (foldKey(k) === foldKey(type) || editDistanceAtMostOne(k, type)) return `; did you mean "${k}"?`
  return ''
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}
