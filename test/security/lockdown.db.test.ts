// Defence in depth (issue 5, item 11): after lockDownExternalAccess, no SQL — on either connection —
// can read or write files, attach databases, load extensions or undo the lock; the server keeps working.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lockDownExternalAccess } from '../../src/db/lockdown'
import { migrate } from '../../src/db/migrate'
import { type Database, openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { exportScratchDir } from '../../src/stats/export/parquet-file'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

const dir = mkdtempSync(join(tmpdir(), 'pulse-lockdown-'))
const exportDir = join(dir, 'export')
const secretFile = join(dir, 'secret.csv')
let db: Database

beforeAll(async () => {
  mkdirSync(exportDir)
  writeFileSync(secretFile, 'password\nhunter2\n')
  db = await openDatabase(join(dir, 'pulse.duckdb'))
  await migrate(db.writer)
  await db.writer.run(
    "INSERT INTO events (site_id, event_type, ts, session_id, received_at, session_key, visitor_key) VALUES ('site_a', 'page_view', 1, 's', 1, md5_number_lower('s'), md5_number_lower('s'))",
  )
  await lockDownExternalAccess(db, { allowedDirectories: [exportDir] })
})

afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The error message of running `sql`, or 'no error'. */
async function failure(sql: string, conn = db.reader): Promise<string> {
  try {
    await conn.run(sql)
    return 'no error'
  } catch (err) {
    return (err as Error).message
  }
}

const DENIED = /Permission Error|disabled|locked/

describe('lockDownExternalAccess', () => {
  test.each([
    ['read_csv of /etc/passwd', "SELECT * FROM read_csv('/etc/passwd')"],
    ['read_text of a file next to the database', `SELECT * FROM read_text('${secretFile}')`],
    ['read_json', "SELECT * FROM read_json('/etc/hostname')"],
    ['glob', "SELECT * FROM glob('/etc/*')"],
    ['COPY … TO a file', `COPY events TO '${join(dir, 'leak.csv')}'`],
    ['COPY … FROM a file', `COPY events FROM '${secretFile}'`],
    ['EXPORT DATABASE', `EXPORT DATABASE '${join(dir, 'dump')}'`],
    ['ATTACH of another database file', `ATTACH '${join(dir, 'other.duckdb')}' AS other`],
    ['SET enable_external_access = true', 'SET enable_external_access = true'],
    ['RESET enable_external_access', 'RESET enable_external_access'],
    ['SET lock_configuration = false', 'SET lock_configuration = false'],
    ['widening allowed_directories', "SET allowed_directories = ['/']"],
    ['INSTALL an extension', 'INSTALL httpfs'],
    ['LOAD an extension', 'LOAD httpfs'],
    ['path traversal out of the allowed directory', `COPY events TO '${exportDir}/../escape.csv'`],
    ['a sibling sharing the allowed prefix', `COPY events TO '${exportDir}x.csv'`],
    [
      'a write-ahead-log segment beside the load directory',
      `SELECT * FROM read_text('${join(dir, 'ingest-log', '0000000000000001.log')}')`,
    ],
    [
      'path traversal out of the load directory',
      `SELECT * FROM read_text('${join(dir, 'ingest-log', 'load')}/../../secret.csv')`,
    ],
    [
      'a sibling sharing the load directory prefix',
      `COPY events TO '${join(dir, 'ingest-log', 'load')}x.csv'`,
    ],
  ])('%s fails', async (_name, sql) => {
    expect(await failure(sql)).toMatch(DENIED)
    expect(await failure(sql, db.writer)).toMatch(DENIED)
  })

  test('nothing was written outside the allowed directory', () => {
    expect(existsSync(join(dir, 'leak.csv'))).toBe(false)
    expect(existsSync(join(dir, 'escape.csv'))).toBe(false)
    expect(existsSync(join(dir, 'dump'))).toBe(false)
    expect(existsSync(join(dir, 'other.duckdb'))).toBe(false)
  })

  test('the allowed directory stays usable for an export, and the database itself for writes and checkpoints', async () => {
    const out = join(exportDir, 'events.parquet')
    await db.writer.run(`COPY (SELECT * FROM events) TO '${out}' (FORMAT parquet)`)
    expect(existsSync(out)).toBe(true)
    const [row] = await queryRows<{ n: number }>(
      db.reader,
      `SELECT count(*) AS n FROM read_parquet('${out}')`,
    )
    expect(row.n).toBe(1)
    await db.writer.run(
      "INSERT INTO events (site_id, event_type, ts, session_id, received_at, session_key, visitor_key) VALUES ('site_a', 'click', 2, 's', 2, md5_number_lower('s'), md5_number_lower('s'))",
    )
    await db.writer.run('CHECKPOINT')
    const [count] = await queryRows<{ n: number }>(db.reader, 'SELECT count(*) AS n FROM events')
    expect(count.n).toBe(2)
  })
})

describe('the load directory', () => {
  test('is the one other directory left open: the bulk-load path works on the locked instance', async () => {
    expect(db.loadDir).toBe(join(dir, 'ingest-log', 'load'))
    const file = join(db.loadDir, '1-1.csv')
    writeFileSync(file, 'x\n')
    const [row] = await queryRows<{ n: number }>(
      db.reader,
      'SELECT count(*) AS n FROM read_csv($1, header = false)',
      [file],
    )
    expect(row.n).toBe(1)
    rmSync(file)
  })
})

describe('a locked-down server', () => {
  let h: TestApp
  beforeAll(async () => {
    // createServices locks the instance down (the Parquet export's scratch directory stays usable).
    h = await createTestApp()
  })
  afterAll(() => h.close())

  test('still ingests, flushes, answers stats and erases users', async () => {
    const { secret_key } = await h.site('site_a')
    const sent = await h.json('POST', '/collect/batch', {
      key: secret_key,
      body: { events: [event('site_a', { user_id: 'u1' }), event('site_a', { user_id: 'u2' })] },
    })
    expect(sent.body.data.accepted).toBe(2)
    const stats = await h.json('GET', '/api/v1/stats?site_id=site_a&metric=event_count', { key: ADMIN_TOKEN })
    expect(stats.body.data.value).toBe(2)
    const erased = await h.json('DELETE', '/api/v1/users/u1?site_id=site_a', { key: secret_key })
    expect(erased.body).toEqual({ success: true, data: { deleted: 1 } })
    expect(await failure("SELECT * FROM read_csv('/etc/passwd')", h.deps.db.reader)).toMatch(DENIED)
  })

  test('still exports Parquet (written by its own private instance), CSV and NDJSON', async () => {
    for (const format of ['parquet', 'csv', 'ndjson']) {
      const res = await h.request('GET', `/api/v1/export?site_id=site_a&format=${format}`, {
        key: ADMIN_TOKEN,
      })
      expect({ format, status: res.status }).toEqual({ format, status: 200 })
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect(bytes.byteLength).toBeGreaterThan(0)
      if (format === 'parquet') expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1')
    }
  })

  test("the export's scratch directory is out of reach of the main instance", async () => {
    const dir = exportScratchDir()
    writeFileSync(join(dir, 'probe.csv'), 'a\n1\n')
    expect(await failure(`SELECT * FROM read_csv('${join(dir, 'probe.csv')}')`, h.deps.db.reader)).toMatch(
      DENIED,
    )
    expect(await failure(`COPY (SELECT 1) TO '${join(dir, 'x.csv')}'`, h.deps.db.reader)).toMatch(DENIED)
  })
})
