// The read pool on real DuckDB instances: connections are reused; after `reset()` (the database was
// reopened) idle ones are dropped, one in use is closed when returned, and new ones come from the
// instance the getter returns now.
import { afterAll, describe, expect, test } from 'bun:test'
import { createInstance } from '../../src/db/open'
import { ReadPool } from '../../src/db/read-pool'

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
