// Idempotent retries: an event carrying a client `event_id` that was already accepted for the same site
// within the last 24 hours is acknowledged again but not stored twice.
//
// Cost model: two generations of fingerprints. New ids go into the current generation; when it holds
// `maxEntries / 2` ids or is older than the TTL, it becomes the previous generation and the old previous
// one is dropped whole. Every operation is O(1) whatever the number of ids, memory holds at most
// `maxEntries` fingerprints, and an id is recognised for the full TTL unless more than `maxEntries / 2`
// newer ids arrived since (then at least the newest `maxEntries / 2` are still recognised).
import type { Database } from '../db/open'
import type { EventRow } from '../ingest/validate'
import type { EventStore } from './store'

const DAY_MS = 86_400_000

/** Options of the index. */
export interface EventIdIndexOptions {
  ttlMs?: number
  /** Most ids remembered (both generations); past it, the oldest generation is forgotten. */
  maxEntries?: number
}

/**
 * A 53-bit fingerprint of `(site_id, event_id)`: two independent 32-bit hashes. Numbers instead of
 * strings keep millions of entries small and cheap for the garbage collector; a false match needs a
 * 53-bit collision (about 1 in 4·10⁹ with 2 million ids remembered). Stored with each event as
 * `event_key`, so start-up reloads fingerprints without hashing strings again.
 */
export function eventKey(siteId: string, eventId: string): number {
  const k = `${siteId}\u0000${eventId}`
  return Bun.hash.xxHash32(k) * 2_097_152 + (Bun.hash.crc32(k) >>> 11)
}

/**
 * One generation of fingerprints → acceptance time: open addressing with linear probing over two typed
 * arrays (a slot's key is the fingerprint + 1; 0 marks an empty slot), grown by doubling while it fills and
 * never beyond the room for `max` entries. Typed arrays instead of a Map: 16 bytes a slot instead of ~50 an
 * entry, and nothing for the garbage collector to trace (2 million ids in a Map were 104 MB of heap).
 */
class FingerprintTable {
  private keys: Float64Array
  private times: Float64Array
  size = 0

  constructor(private readonly max: number) {
    this.keys = new Float64Array(1024)
    this.times = new Float64Array(1024)
  }

  /** The slot holding `key` (stored as key + 1), or the empty slot where it would go. */
  private slot(k1: number): number {
    const mask = this.keys.length - 1
    let i = (k1 >>> 0) & mask
    while (this.keys[i] !== 0 && this.keys[i] !== k1) i = (i + 1) & mask
    return i
  }

  get(key: number): number | undefined {
    const i = this.slot(key + 1)
    return this.keys[i] === 0 ? undefined : this.times[i]
  }

  /** Set `key`'s time; false (nothing stored) when the table already holds `max` entries. */
  set(key: number, at: number): boolean {
    let i = this.slot(key + 1)
    if (this.keys[i] === 0) {
      if (this.size >= this.max) return false
      if ((this.size + 1) * 4 > this.keys.length * 3) {
        this.grow()
        i = this.slot(key + 1)
      }
      this.keys[i] = key + 1
      this.size++
    }
    this.times[i] = at
    return true
  }

  /** Remove `key` (backward-shift deletion keeps every probe sequence unbroken). */
  delete(key: number): void {
    const mask = this.keys.length - 1
    let i = this.slot(key + 1)
    if (this.keys[i] === 0) return
    this.size--
    for (let j = (i + 1) & mask; this.keys[j] !== 0; j = (j + 1) & mask) {
      const home = (this.keys[j] >>> 0) & mask
      // Move j into the hole at i unless its home lies cyclically in (i, j].
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        this.keys[i] = this.keys[j]
        this.times[i] = this.times[j]
        i = j
      }
    }
    this.keys[i] = 0
  }

  private grow(): void {
    const keys = this.keys
    const times = this.times
    this.keys = new Float64Array(keys.length * 2)
    this.times = new Float64Array(keys.length * 2)
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue
      const i = this.slot(keys[j])
      this.keys[i] = keys[j]
      this.times[i] = times[j]
    }
  }
}

/** Recently accepted `(site_id, event_id)` pairs, as fingerprints mapped to their acceptance time. */
export class EventIdIndex {
  private current: FingerprintTable
  private previous: FingerprintTable
  private currentSince = Number.NEGATIVE_INFINITY
  private readonly ttl: number
  private readonly half: number
  private loading: Promise<void> | undefined

  constructor(opts: EventIdIndexOptions = {}) {
    this.ttl = opts.ttlMs ?? DAY_MS
    this.half = Math.max(1, Math.floor((opts.maxEntries ?? 2_000_000) / 2))
    this.current = new FingerprintTable(this.half)
    this.previous = new FingerprintTable(this.half)
  }

  /**
   * Pending while the fingerprints of stored events are loading (`loadInBackground`), else undefined:
   * a claim for rows that carry an event id must wait for it, or a retry could slip through.
   */
  get loaded(): Promise<void> | undefined {
    return this.loading
  }

  /**
   * Run `load` (which fills this index) without holding up start-up; `loaded` is pending until it ends.
   * A failed load is reported to `onError` and ends the wait: duplicates of events stored before the
   * start are then no longer recognised, which is logged rather than refusing every event with an id.
   */
  loadInBackground(load: () => Promise<unknown>, onError: (err: Error) => void): void {
    const loading: Promise<void> = load()
      .then(
        () => undefined,
        (err: Error) => onError(err),
      )
      .finally(() => {
        if (this.loading === loading) this.loading = undefined
      })
    this.loading = loading
  }

  /** Most fingerprints held at once (both generations). */
  get capacity(): number {
    return this.half * 2
  }

  /** Fingerprints held (both generations; an id in both counts twice). */
  get size(): number {
    return this.current.size + this.previous.size
  }

  /** Whether `key` was accepted within the TTL before `now`. */
  private has(key: number, now: number): boolean {
    const at = this.current.get(key) ?? this.previous.get(key)
    return at !== undefined && now - at < this.ttl
  }

  private add(key: number, at: number): void {
    if (this.current.size >= this.half || at - this.currentSince >= this.ttl) {
      this.previous = this.current
      this.current = new FingerprintTable(this.half)
      this.currentSince = at
    }
    this.current.set(key, at)
  }

  /** Remember a fingerprint as accepted at `at` (start-up loading and log replay, oldest first). */
  rememberKey(key: number, at: number): void {
    this.add(key, at)
  }

  /** Remember ids as accepted at `at` (used by replay). */
  remember(siteId: string, eventId: string, at: number): void {
    this.add(eventKey(siteId, eventId), at)
  }

  /**
   * Split rows into fresh ones (remembered now) and the count of duplicates. `keys[i]` is the fingerprint
   * of `fresh[i]` (-1 without an event id), handed on to the log's encoder so no id is hashed twice.
   * `forget` undoes the remembering if storing the fresh rows fails.
   */
  claim(rows: EventRow[], now: number): { fresh: EventRow[]; keys: number[]; forget: () => void } {
    let fresh = rows
    const keys: number[] = []
    const claimed: number[] = []
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i].eventId
      if (id === null) {
        if (fresh !== rows) fresh.push(rows[i])
        keys.push(-1)
        continue
      }
      const k = eventKey(rows[i].siteId, id)
      if (this.has(k, now)) {
        if (fresh === rows) fresh = rows.slice(0, i)
        continue
      }
      this.add(k, now)
      claimed.push(k)
      keys.push(k)
      if (fresh !== rows) fresh.push(rows[i])
    }
    return {
      fresh,
      keys,
      forget: () => {
        for (const k of claimed) {
          this.current.delete(k)
          this.previous.delete(k)
        }
      },
    }
  }
}

/** Fingerprints remembered per turn of the event loop while loading (requests are served in between). */
const LOAD_SLICE = 32_768

/**
 * Remember the event-id fingerprints stored in the last `ttlMs`, so retries after a restart are still
 * recognised; returns how many. One integer column read as doubles (fingerprints are below 2^53, exact
 * as numbers; no BigInt conversion), on a connection of its own, at most the index's capacity: the cost
 * is bounded by the index's size, not by traffic. One query reads up to capacity + 1 rows; only when the
 * window holds more does a second one pick the newest (a top-N). Imported events are left out: their ids
 * are not client retries, and a large import would crowd live ids out. Runs after start-up
 * (`EventIdIndex.loadInBackground`), remembering in slices so requests are served meanwhile.
 * With `opts.store` on another engine than DuckDB (ClickHouse), the same query runs through the store.
 */
export async function loadRecentEventKeys(
  db: Database,
  ids: EventIdIndex,
  now: number,
  opts: { ttlMs?: number; store?: EventStore } = {},
): Promise<number> {
  const since = now - (opts.ttlMs ?? DAY_MS)
  const source =
    opts.store && opts.store.engine !== 'duckdb'
      ? storeKeyColumns(opts.store, since)
      : await duckdbKeyColumns(db, since)
  let keys: number[]
  let times: number[]
  let newestFirst = false
  try {
    ;[keys, times] = await source.read(`LIMIT ${ids.capacity + 1}`)
    if (keys.length > ids.capacity) {
      newestFirst = true
      ;[keys, times] = await source.read(`ORDER BY received_at DESC LIMIT ${ids.capacity}`)
    }
  } finally {
    source.close()
  }
  // Oldest first when the window was cut, so the newest land in the generation that is forgotten last.
  const n = keys.length
  for (let start = 0; start < n; start += LOAD_SLICE) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    const end = Math.min(n, start + LOAD_SLICE)
    if (newestFirst) for (let i = n - 1 - start; i >= n - end; i--) ids.rememberKey(keys[i], times[i])
    else for (let i = start; i < end; i++) ids.rememberKey(keys[i], times[i])
  }
  return n
}

/** Reads (event_key, received_at) as doubles of the recent live events, with `tail` (order, limit) appended. */
interface KeyColumns {
  read(tail: string): Promise<[number[], number[]]>
  close(): void
}

const RECENT_KEYS = (since: string) =>
  `SELECT CAST(event_key AS DOUBLE) AS k, CAST(received_at AS DOUBLE) AS t FROM events WHERE event_key IS NOT NULL AND received_at >= ${since} AND import_id IS NULL`

/** The columns from DuckDB, on a connection of its own, read as columns (no row objects). */
async function duckdbKeyColumns(db: Database, since: number): Promise<KeyColumns> {
  // A connection of the read pool, so a reopen waits for this read to let go of the instance.
  const conn = await db.readPool.acquire()
  return {
    async read(tail) {
      const [k = [], t = []] = (
        await conn.runAndReadAll(`${RECENT_KEYS('$1')} ${tail}`, [BigInt(since)])
      ).getColumns() as [number[]?, number[]?]
      return [k, t]
    },
    close: () => db.readPool.release(conn),
  }
}

/** The columns through another engine's store (its dialect's placeholder, its read limits). */
function storeKeyColumns(store: EventStore, since: number): KeyColumns {
  return {
    async read(tail) {
      const rows = await store.read('admin', (r) =>
        r.rows<{ k: number; t: number }>(`${RECENT_KEYS(store.dialect.param(1, 'int'))} ${tail}`, [since]),
      )
      return [rows.map((r) => Number(r.k)), rows.map((r) => Number(r.t))]
    },
    close: () => undefined,
  }
}
