// The event-id index: retries within the TTL are recognised, memory is capped, and the cap is reached
// without anything getting slower per id (the cost is measured in the benchmark, the behaviour here).
import { describe, expect, test } from 'bun:test'
import { EventIdIndex, eventKey } from '../../src/events/dedupe'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import type { EventRow } from '../../src/ingest/validate'

const row = (siteId: string, eventId: string | null): EventRow => ({
  ...NO_ENRICHMENT,
  siteId,
  eventType: 'click',
  ts: 0,
  sessionId: 's',
  userId: null,
  url: null,
  referrer: null,
  deviceType: null,
  country: null,
  properties: null,
  eventId,
})

describe('event-id index', () => {
  test('a retry within the TTL is a duplicate; per site; after the TTL it is fresh again', () => {
    const ids = new EventIdIndex({ ttlMs: 1000 })
    expect(ids.claim([row('a', 'e1'), row('b', 'e1'), row('a', null)], 0).fresh).toHaveLength(3)
    expect(ids.claim([row('a', 'e1'), row('a', 'e2')], 500).fresh.map((r) => r.eventId)).toEqual(['e2'])
    expect(ids.claim([row('a', 'e1')], 1001).fresh).toHaveLength(1)
  })

  test('duplicates inside one batch are stored once; forget() undoes a failed store', () => {
    const ids = new EventIdIndex()
    const c = ids.claim([row('a', 'x'), row('a', 'x'), row('a', 'y')], 0)
    expect(c.fresh.map((r) => r.eventId)).toEqual(['x', 'y'])
    c.forget()
    expect(ids.claim([row('a', 'x')], 1).fresh).toHaveLength(1)
  })

  test("the claim hands each fresh row's fingerprint on (-1 without an id), aligned with the fresh rows", () => {
    const ids = new EventIdIndex()
    ids.claim([row('a', 'seen')], 0)
    const c = ids.claim([row('a', 'p'), row('a', null), row('a', 'seen'), row('b', 'q'), row('b', 'q')], 1)
    expect(c.fresh.map((r) => r.eventId)).toEqual(['p', null, 'q'])
    expect(c.keys).toEqual([eventKey('a', 'p'), -1, eventKey('b', 'q')])
  })

  test('memory stays under the cap over 10x its size, and the newest half is always recognised', () => {
    const ids = new EventIdIndex({ maxEntries: 10_000 })
    for (let i = 0; i < 100_000; i++) {
      ids.claim([row('a', `e${i}`)], i)
      expect(ids.size).toBeLessThanOrEqual(10_000)
    }
    const recent = Array.from({ length: 5000 }, (_, i) => row('a', `e${99_999 - i}`))
    expect(ids.claim(recent, 100_000).fresh).toHaveLength(0)
    expect(ids.claim([row('a', 'e0')], 100_000).fresh).toHaveLength(1)
  })

  test('claims and forgets in any order agree with a plain set (the table grows and deletes in place)', () => {
    // A seeded walk over 3000 ids: each step claims a few ids, and now and then forgets a claim made
    // earlier (any of them, so deletions land inside probe runs built since); a set of the ids remembered
    // says which must come back as duplicates. Growth from 1024 slots is exercised too.
    let seed = 42
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    const ids = new EventIdIndex()
    const held = new Set<string>()
    const claims: { ids: string[]; forget: () => void }[] = []
    for (let step = 0; step < 20_000; step++) {
      const batch = Array.from({ length: 1 + rand(4) }, () => `e${rand(3000)}`)
      const c = ids.claim(
        batch.map((id) => row('a', id)),
        step,
      )
      const expected = [...new Set(batch.filter((id) => !held.has(id)))]
      expect(c.fresh.map((r) => r.eventId)).toEqual(expected)
      for (const id of expected) held.add(id)
      claims.push({ ids: expected, forget: c.forget })
      if (rand(3) === 0) {
        const [old] = claims.splice(rand(claims.length), 1)
        old.forget()
        for (const id of old.ids) held.delete(id)
      }
    }
    expect(ids.size).toBe(held.size)
  })

  test('fingerprints loaded at start-up (rememberKey) match ids sent later', () => {
    const ids = new EventIdIndex()
    ids.rememberKey(eventKey('a', 'evt_1'), 0)
    expect(ids.claim([row('a', 'evt_1'), row('b', 'evt_1')], 10).fresh.map((r) => r.siteId)).toEqual(['b'])
  })
})
