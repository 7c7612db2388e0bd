// Event ids stored before a restart are loaded after start-up, in the background: until that load ends,
// events that carry an id wait for it, so a retry sent the moment the server listens is still stored once;
// events without an id never wait. The loader reads the last day's fingerprints, bounded by capacity.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventIdIndex, eventKey, loadRecentEventKeys } from '../../src/events/dedupe'
import { acceptRows, type IngestDeps } from '../../src/ingest/ingestor'
import { createSite } from '../../src/sites/service'
import { bootOnDir, event, T0 } from '../helpers/app'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-ids-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const boot = () => bootOnDir(dir)

describe('event ids after a restart', () => {
  test('a retry sent right after start-up is stored once', async () => {
    let s = await boot()
    const { secret_key } = await createSite(s.deps, { site_id: 'a' })
    // Enough stored ids that loading them takes a while after start-up.
    for (let b = 0; b < 4; b++) {
      const events = Array.from({ length: 1000 }, (_, i) => event('a', { event_id: `evt_${b}_${i}` }))
      expect((await s.post('/collect/batch', secret_key, { events })).status).toBe(200)
    }
    expect((await s.post('/collect', secret_key, event('a', { event_id: 'evt_x' }))).status).toBe(200)
    expect(await s.count()).toBe(4001)
    await s.deps.close()

    s = await boot()
    const retry = await s.post('/collect', secret_key, event('a', { event_id: 'evt_x' }))
    expect(await retry.json()).toEqual({ success: true, data: { accepted: 1 } })
    expect(s.deps.eventIds.loaded).toBeUndefined()
    expect(await s.count()).toBe(4001)
    await s.deps.close()
  })
})

describe('acceptRows while the ids load', () => {
  test('events with an id wait for the load; events without one do not', async () => {
    const persisted: string[] = []
    let finish: () => void = () => undefined
    const loaded = new Promise<void>((resolve) => {
      finish = resolve
    })
    const deps = {
      config: { durability: 'fsync', dbPath: 'x.duckdb' },
      clock: () => T0,
      lifecycle: { draining: false },
      buffer: { ensureRoom: () => undefined },
      persist: async (rows: { eventId: string | null }[]) => {
        persisted.push(...rows.map((r) => r.eventId ?? 'no id'))
      },
      eventIds: { loaded },
    } as unknown as IngestDeps
    const withId = acceptRows(deps, [{ eventId: 'e1' } as never])
    await acceptRows(deps, [{ eventId: null } as never])
    expect(persisted).toEqual(['no id'])
    finish()
    expect(await withId).toBe(1)
    expect(persisted).toEqual(['no id', 'e1'])
  })
})

describe('EventIdIndex.loadInBackground', () => {
  test('`loaded` is pending until the load ends, then undefined; a failed load is reported and ends the wait', async () => {
    const ids = new EventIdIndex()
    let finish: () => void = () => undefined
    ids.loadInBackground(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            ids.rememberKey(eventKey('a', 'e1'), 0)
            resolve()
          }
        }),
      () => undefined,
    )
    const waiting = ids.loaded
    expect(waiting).toBeDefined()
    finish()
    await waiting
    expect(ids.loaded).toBeUndefined()

    const errors: string[] = []
    ids.loadInBackground(
      () => Promise.reject(new Error('disk gone')),
      (err) => errors.push(err.message),
    )
    await ids.loaded
    expect(errors).toEqual(['disk gone'])
    expect(ids.loaded).toBeUndefined()
  })
})

describe('loadRecentEventKeys', () => {
  test('reads the fingerprints of the last day, leaving out older and imported events', async () => {
    const s = await boot()
    const day = 86_400_000
    await s.deps.db.writer.run(
      `INSERT INTO events (site_id, event_type, ts, session_id, received_at, event_id, event_key, import_id, session_key, visitor_key) VALUES
       ('a', 'x', 1, 's', ${T0 - 1000}, 'e1', ${eventKey('a', 'e1')}, NULL, md5_number_lower('s'), md5_number_lower('s')),
       ('a', 'x', 1, 's', ${T0 - 2 * day}, 'e2', ${eventKey('a', 'e2')}, NULL, md5_number_lower('s'), md5_number_lower('s')),
       ('a', 'x', 1, 's', ${T0 - 1000}, 'e3', ${eventKey('a', 'e3')}, 'imp_1', md5_number_lower('s'), md5_number_lower('s'))`,
    )
    const ids = new EventIdIndex()
    expect(await loadRecentEventKeys(s.deps.db, ids, T0)).toBe(1)
    const row = (id: string) => ({ siteId: 'a', eventId: id }) as never
    expect(ids.claim([row('e1'), row('e2'), row('e3')], T0).fresh.map((r) => r.eventId)).toEqual(['e2', 'e3'])
    await s.deps.close()
  })

  test('past the capacity, the newest are kept', async () => {
    const s = await boot()
    await s.deps.db.writer.run(
      `INSERT INTO events (site_id, event_type, ts, session_id, received_at, event_id, event_key, session_key, visitor_key)
       SELECT 'a', 'x', 1, 's', ${T0 - 100_000} + i, 'e' || i, i, md5_number_lower('s'), md5_number_lower('s') FROM range(1, 101) t(i)`,
    )
    const ids = new EventIdIndex({ maxEntries: 50 })
    expect(await loadRecentEventKeys(s.deps.db, ids, T0)).toBe(50)
    expect(ids.size).toBe(50)
    await s.deps.close()
  })
})
