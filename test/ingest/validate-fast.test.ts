// The hot path's shortcuts in validation decide exactly as the full checks do: `checkEvent` (schema
// without TypeBox's per-key array scan) agrees with the compiled `EventInput` check, and skipping the
// text rule for JSON text without `\u` escapes (`plainText`) never lets a bad value through.
import { describe, expect, test } from 'bun:test'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import fc from 'fast-check'
import { EventInput } from '../../src/ingest/model'
import { checkEvent, validateEvent } from '../../src/ingest/validate'
import { T0 } from '../helpers/app'

const full = TypeCompiler.Compile(EventInput)
const FIELDS = Object.keys(EventInput.properties)

const value = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('x'.repeat(3000)),
  fc.constantFrom('US', 'de', 'USA', 'https://example.com/', '/path', ''),
  fc.dictionary(
    fc.string({ maxLength: 70 }),
    fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.constant(null), fc.constant([])),
    {
      maxKeys: 40,
    },
  ),
  fc.array(fc.integer(), { maxLength: 3 }),
)

/** Objects mostly shaped like events: known fields with any values, sometimes an unknown key. */
const eventLike = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 12 }),
    fc.record({
      site_id: fc.string({ minLength: 1, maxLength: 64 }),
      event_type: fc.string({ minLength: 1, maxLength: 64 }),
      timestamp: fc.integer({ min: T0 - 86_400_000, max: T0 }),
      session_id: fc.string({ minLength: 1, maxLength: 128 }),
    }),
    fc.option(fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 2 }), { nil: undefined }),
  )
  .map(([fields, required, extra]) => ({ ...required, ...fields, ...extra }))

describe('checkEvent', () => {
  test('agrees with the compiled EventInput schema', () => {
    fc.assert(
      fc.property(fc.oneof(eventLike, fc.dictionary(fc.string(), value)), (v) => {
        expect(checkEvent(v)).toBe(full.Check(v))
      }),
      { numRuns: 3000 },
    )
  })

  test('refuses an unknown key, a non-enumerable one too', () => {
    const ok = { site_id: 'a', event_type: 'b', timestamp: T0, session_id: 's' }
    expect(checkEvent(ok)).toBe(true)
    expect(checkEvent({ ...ok, siteId: 'a' })).toBe(false)
    const hidden = Object.defineProperty({ ...ok }, 'extra', { value: 1, enumerable: false })
    expect(checkEvent(hidden)).toBe(full.Check(hidden))
  })
})

describe('validateEvent with plainText', () => {
  test('decides as the full check on any event parsed from JSON text without \\u escapes', () => {
    fc.assert(
      fc.property(eventLike, (v) => {
        const text = JSON.stringify(v)
        fc.pre(!text.includes('\\u'))
        const parsed = JSON.parse(text)
        const opts = { now: T0, maxEventAgeDays: 30 }
        expect(validateEvent(parsed, { ...opts, plainText: true })).toEqual(validateEvent(parsed, opts))
      }),
      { numRuns: 3000 },
    )
  })
})
