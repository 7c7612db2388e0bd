// The read pool on real DuckDB instances: connections are reused; after `reset()` (the database was
// reopened) idle ones are dropped, one in use is closed when returned, and new ones come from the
// instance the getter returns now. `pause()` (before a reopen) interrupts running reads, waits until every
// connection is back and refuses new readers (503) until `resume()`; a reopen of a file database with a long read
// running closes the old instance only after that read has stopped. While paused, readers are refused at once.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInstance, openDatabase } from '../../src/db/open'
import { ReadPool } from '../../src/db/read-pool'
import { UnavailableError } from '../../src/errors'

const first = await createInstance(':memory:')
const second = await createInstance(':memory:')
for (const [instance, label] of [
  [first, 'first'],
  [second, 'second'],
] as const) {
  const conn = await instance.connect()
  await conn.run(`CREATE TABLE which AS SELECT '${label}' AS name`)
  conn.closeSync()
}
let current = first
const pool = new ReadPool(() => current)
afterAll(() => {
  pool.close()
  first.closeSync()
  second.closeSync()
})

const name = async (conn: Awaited<ReturnType<ReadPool['acquire']>>) =>
  (await conn.runAndReadAll('SELECT name FROM which')).getRows()[0][0]

describe('ReadPool', () => {
  test('lends a connection of its own to each reader and reuses returned ones', async () => {
    const a = await pool.acquire()
    const b = await pool.acquire()
    expect(a).not.toBe(b)
    expect(pool.busy).toBe(2)
    pool.release(a)
    pool.release(b)
    expect(pool.busy).toBe(0)
    const c = await pool.acquire()
    expect([a, b]).toContain(c)
    pool.release(c)
  })

  test('after reset(), connections come from the new instance; one in use is closed when returned', async () => {
    const held = await pool.acquire()
    current = second
    pool.reset()
    expect(await name(held)).toBe('first')
    pool.release(held)
    expect(() => held.runAndReadAll('SELECT 1')).toThrow()
    const fresh = await pool.acquire()
    expect(fresh).not.toBe(held)
    expect(await name(fresh)).toBe('second')
    pool.release(fresh)
  })

  test('a discarded connection is closed, not reused', async () => {
    const c = await pool.acquire()
    pool.release(c, true)
    const d = await pool.acquire()
    expect(d).not.toBe(c)
    pool.release(d)
  })
})

/** A read that runs for many seconds unless interrupted (bounded, so a lost interrupt cannot hang the suite). */
const LONG_READ = 'SELECT count(*) FROM range(20000000000) a WHERE a.range % 7 = 3'

describe('ReadPool.pause', () => {
  test('interrupts the running read, waits for it to come back, and refuses new readers until resume', async () => {
    const busy = await pool.acquire()
    const running = busy.runAndReadAll(LONG_READ).then(
      () => 'finished',
      () => 'interrupted',
    )
    await Bun.sleep(50)
    const returned = running.then((outcome) => {
      pool.release(busy)
      return outcome
    })
    expect(await pool.pause(5000)).toBe(true)
    expect(await returned).toBe('interrupted')
    expect(pool.busy).toBe(0)
    // A reader is refused at once (503 with Retry-After), not kept waiting through the reopen.
    const refused = await pool.acquire().then(
      () => null,
      (err) => err,
    )
    expect(refused).toBeInstanceOf(UnavailableError)
    expect(refused.retryAfterSeconds).toBe(1)
    pool.resume()
    pool.release(await pool.acquire())
  })

  test('says so when a connection is not given back in time', async () => {
    const kept = await pool.acquire()
    expect(await pool.pause(100)).toBe(false)
    pool.resume()
    pool.release(kept)
  })
})

describe('reopening a database file while a read runs', () => {
  test('the read is interrupted first; the reopened database answers and holds the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-reopen-'))
    const db = await openDatabase(join(dir, 'pulse.duckdb'))
    try {
      await db.writer.run('CREATE TABLE t AS SELECT range AS n FROM range(1000)')
      const read = db.reader.runAndReadAll(LONG_READ).then(
        () => 'finished',
        () => 'interrupted',
      )
      await Bun.sleep(50)
      await db.reopen()
      expect(await read).toBe('interrupted')
      expect((await db.reader.runAndReadAll('SELECT count(*)::INTEGER FROM t')).getRows()[0][0]).toBe(1000)
      expect(db.readPool.busy).toBe(0)
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
