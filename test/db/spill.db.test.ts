// Where DuckDB spills (src/db/open.ts `spillDirOf`): a file database beside its file in the data
// directory, an in-memory one and the export's private instance under the OS temp directory; never the
// working directory (DuckDB's default for an in-memory database is `.tmp` there). A query that must spill
// still runs after the file-access lockdown, and leaves nothing behind in the working directory.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { lockDownExternalAccess } from '../../src/db/lockdown'
import { createInstance, type Database, openDatabase } from '../../src/db/open'
import { openExportInstance } from '../../src/stats/export/parquet-file'

const root = mkdtempSync(join(tmpdir(), 'pulse-spill-test-'))
const dataDir = join(root, 'data')
/** The working directory while these tests run: empty, and it must stay so. */
const cwd = join(root, 'cwd')
const before = process.cwd()
const open: Database[] = []

beforeAll(() => {
  mkdirSync(cwd)
  process.chdir(cwd)
})
afterAll(() => {
  for (const db of open) db.close()
  process.chdir(before)
  rmSync(root, { recursive: true, force: true })
})

const tempDirectory = async (conn: Pick<DuckDBConnection, 'runAndReadAll'>) =>
  (await conn.runAndReadAll("SELECT current_setting('temp_directory') AS t")).getRowObjectsJS()[0].t as string

/** A sort far larger than a 64 MB memory limit: it can only finish by spilling. */
const SPILLING_QUERY =
  'SELECT max(r) AS m FROM (SELECT row_number() OVER (ORDER BY hash(i)) AS r FROM range(6000000) t(i))'

/** Run the spilling query; resolves with its result and whether spill files appeared in `dir`. */
async function spill(conn: Pick<DuckDBConnection, 'runAndReadAll'>, dir: string) {
  let seen = false
  const watch = setInterval(() => {
    if (existsSync(dir) && readdirSync(dir).length > 0) seen = true
  }, 10)
  try {
    const rows = (await conn.runAndReadAll(SPILLING_QUERY)).getRowObjectsJS()
    return { max: Number(rows[0].m), seen }
  } finally {
    clearInterval(watch)
  }
}

describe('every kind of instance spills outside the working directory', () => {
  test('the server database in a file: beside it, in the data directory', async () => {
    const db = await openDatabase(join(dataDir, 'pulse.duckdb'))
    open.push(db)
    expect(await tempDirectory(db.writer)).toBe(join(dataDir, 'pulse.duckdb.tmp'))
  })

  test('an in-memory database: a directory of its own under the OS temp directory', async () => {
    const a = await openDatabase(':memory:')
    const b = await openDatabase(':memory:')
    open.push(a, b)
    const [ta, tb] = [await tempDirectory(a.writer), await tempDirectory(b.writer)]
    expect(ta.startsWith(join(tmpdir(), 'pulse-spill-'))).toBe(true)
    expect(tb).not.toBe(ta)
    const plain = await createInstance(':memory:')
    const conn = await plain.connect()
    expect((await tempDirectory(conn)).startsWith(join(tmpdir(), 'pulse-spill-'))).toBe(true)
    conn.closeSync()
    plain.closeSync()
  })

  test("the Parquet export's private instance: beside its scratch file, under the OS temp directory", async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'pulse-export-test-'))
    const instance = await openExportInstance(join(scratch, 'x.duckdb'))
    const conn = await instance.connect()
    expect(await tempDirectory(conn)).toBe(join(scratch, 'x.duckdb.tmp'))
    conn.closeSync()
    instance.closeSync()
    rmSync(scratch, { recursive: true, force: true })
  })
})

describe('a query that must spill', () => {
  test('runs after the lockdown, spills in the temp directory, leaves the working directory empty', async () => {
    const db = await openDatabase(':memory:')
    open.push(db)
    // Settings can only change before the lockdown locks them.
    await db.writer.run("SET memory_limit = '64MB'")
    await db.writer.run('SET threads = 1')
    await lockDownExternalAccess(db)
    const dir = await tempDirectory(db.reader)
    expect(await spill(db.reader, dir)).toEqual({ max: 6_000_000, seen: true })
    expect(readdirSync(cwd)).toEqual([])
    db.close()
    // DuckDB made the directory at the first spill and removes it on close.
    expect(existsSync(dir)).toBe(false)
  }, 60_000)

  test('(the same query with spilling turned off runs out of memory: the test above did spill)', async () => {
    const instance = await createInstance(':memory:', {
      temp_directory: '',
      memory_limit: '64MB',
      threads: '1',
    })
    const conn = await instance.connect()
    await expect(conn.runAndReadAll(SPILLING_QUERY)).rejects.toThrow(/Out of Memory/)
    conn.closeSync()
    instance.closeSync()
  }, 60_000)
})
