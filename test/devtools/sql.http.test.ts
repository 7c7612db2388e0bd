// POST /api/v1/sql: admin only, one SELECT, read-only, row cap, time limit — and a hostile catalogue that
// is refused (422 before it runs) or stopped, with nothing changed afterwards.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'

let a: TestApp
let keys: { secret_key: string; public_key: string }

beforeAll(async () => {
  a = await createTestApp({ PULSE_QUERY_TIMEOUT_MS: '300' })
  keys = await a.site('site_sql')
  const events = Array.from({ length: 50 }, (_, i) =>
    event('site_sql', { user_id: `u${i}`, event_type: i % 2 ? 'a' : 'b' }),
  )
  await a.json('POST', '/collect/batch', { key: keys.secret_key, body: { events } })
})
afterAll(() => a.close())

const sql = (query: string, extra: Record<string, unknown> = {}, key = ADMIN_TOKEN) =>
  a.json('POST', '/api/v1/sql', { key, body: { query, ...extra } })

/** Everything an attack could change: rows, tables, settings, sequences. */
async function fingerprint(): Promise<string> {
  const r = await sql(`SELECT (SELECT count(*) FROM events) AS n,
    (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables) AS tables,
    (SELECT string_agg(database_name, ',' ORDER BY database_name) FROM duckdb_databases()) AS dbs,
    (SELECT string_agg(name || '=' || value, ',' ORDER BY name) FROM duckdb_settings() WHERE name IN ('enable_external_access','lock_configuration','threads','memory_limit')) AS settings`)
  expect(r.status).toBe(200)
  return JSON.stringify(r.body.data.rows)
}

test('answers one SELECT as JSON and CSV, with a row cap', async () => {
  const r = await sql(
    "SELECT event_type, count(*) AS n FROM events WHERE site_id = 'site_sql' GROUP BY 1 ORDER BY 1",
  )
  expect(r.status).toBe(200)
  expect(r.body.data.columns).toEqual([
    { name: 'event_type', type: 'VARCHAR' },
    { name: 'n', type: 'BIGINT' },
  ])
  expect(r.body.data.rows).toEqual([
    ['a', 25],
    ['b', 25],
  ])
  expect(r.body.data.truncated).toBe(false)
  const capped = await sql('SELECT user_id FROM events', { max_rows: 10 })
  expect(capped.body.data.rows.length).toBe(10)
  expect(capped.body.data.truncated).toBe(true)
  const csv = await a.request('POST', '/api/v1/sql', {
    key: ADMIN_TOKEN,
    body: { query: "SELECT 'a,b' AS x, 1 AS y, NULL AS z", format: 'csv' },
  })
  expect(csv.headers.get('content-type')).toContain('text/csv')
  expect(await csv.text()).toBe('x,y,z\r\n"a,b",1,\r\n')
})

test('admin token only: secret and public keys are refused (403), no credentials 401', async () => {
  expect((await sql('SELECT 1', {}, keys.secret_key)).status).toBe(403)
  expect((await sql('SELECT 1', {}, keys.public_key)).status).toBe(403)
  expect((await a.json('POST', '/api/v1/sql', { body: { query: 'SELECT 1' } })).status).toBe(401)
})

const HOSTILE: [string, string][] = [
  ['insert', "INSERT INTO events (site_id) VALUES ('x')"],
  ['update', "UPDATE events SET event_type = 'x'"],
  ['delete', 'DELETE FROM events'],
  ['create', 'CREATE TABLE evil AS SELECT 1'],
  ['create view', 'CREATE TEMP VIEW v AS SELECT 1'],
  ['drop', 'DROP TABLE events'],
  ['alter', 'ALTER TABLE events ADD COLUMN x INT'],
  ['truncate', 'TRUNCATE events'],
  ['attach', "ATTACH ':memory:' AS m"],
  ['attach file', "ATTACH '/tmp/evil.db' AS e"],
  ['detach', 'DETACH memory'],
  ['copy to', "COPY events TO '/tmp/out.csv'"],
  ['copy from', "COPY events FROM '/etc/passwd'"],
  ['export', "EXPORT DATABASE '/tmp/x'"],
  ['pragma write', 'PRAGMA enable_profiling'],
  ['set', 'SET threads = 1'],
  ['set external', 'SET enable_external_access = true'],
  ['reset', 'RESET lock_configuration'],
  ['install', 'INSTALL httpfs'],
  ['load', 'LOAD httpfs'],
  ['call', 'CALL checkpoint()'],
  ['checkpoint', 'CHECKPOINT'],
  ['vacuum', 'VACUUM'],
  ['begin', 'BEGIN TRANSACTION'],
  ['commit', 'COMMIT'],
  ['read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
  ['read_csv_auto', "SELECT * FROM '/etc/passwd'"],
  ['read_text', "SELECT * FROM read_text('/etc/hostname')"],
  ['read_parquet', "SELECT * FROM read_parquet('/tmp/x.parquet')"],
  ['read_json', "SELECT * FROM read_json('/etc/passwd')"],
  ['glob', "SELECT * FROM glob('/etc/*')"],
  ['http', "SELECT * FROM read_csv('https://example.com/x.csv')"],
  ['query write', "SELECT * FROM query('DELETE FROM events')"],
  ['query two', "SELECT * FROM query('SELECT 1; DROP TABLE events')"],
  ['query_table file', "SELECT * FROM query_table('/etc/passwd')"],
  ['two statements', 'SELECT 1; DROP TABLE events'],
  ['two selects', 'SELECT 1; SELECT 2'],
  ['trailing comment trick', 'SELECT 1; -- harmless\nDELETE FROM events'],
  ['block comment trick', '/* SELECT */ DELETE FROM events'],
  ['comment hides semicolon', 'SELECT 1 /* ; */; DROP TABLE events'],
  ['string hides semicolon', "SELECT ';'; DROP TABLE events"],
  ['cte write', 'WITH x AS (DELETE FROM events RETURNING *) SELECT * FROM x'],
  ['prepare', 'PREPARE p AS DELETE FROM events'],
  ['execute', 'EXECUTE p'],
  ['create macro', 'CREATE MACRO m() AS 1'],
  ['create secret', "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')"],
  ['explain analyze', 'EXPLAIN ANALYZE SELECT 1'],
  ['update extensions', 'UPDATE EXTENSIONS'],
  ['sequence write', "SELECT nextval('no_such_seq')"],
  ['empty', '   '],
  ['only comment', '-- nothing'],
  ['parameters', 'SELECT $1'],
]

test.each(HOSTILE)('refused before it runs: %s', async (_name, query) => {
  const before = await fingerprint()
  const r = await sql(query)
  expect(r.status).toBe(422)
  expect(r.body.success).toBe(false)
  expect(await fingerprint()).toBe(before)
})

test('a long cross join is stopped by the time limit and the server goes on', async () => {
  const before = await fingerprint()
  const t0 = Date.now()
  const r = await sql('SELECT count(*) FROM range(100000000) a, range(100000000) b')
  expect(r.status).toBe(503)
  expect(r.body.error).toContain('PULSE_QUERY_TIMEOUT_MS')
  expect(Date.now() - t0).toBeLessThan(5000)
  expect(await fingerprint()).toBe(before)
  expect((await sql('SELECT 42 AS x')).body.data.rows).toEqual([[42]])
})

test('reads that DuckDB rewrites into a SELECT are allowed; nothing changes', async () => {
  const before = await fingerprint()
  for (const q of [
    'PRAGMA show_tables',
    'DESCRIBE events',
    'SUMMARIZE events',
    'FROM sites',
    "SELECT * FROM query('SELECT 1')",
    "SELECT * FROM query_table('events') LIMIT 1",
  ])
    expect((await sql(q)).status).toBe(200)
  expect(await fingerprint()).toBe(before)
  // Stored rows are still all there and ingest works afterwards.
  const r = await a.json('POST', '/collect', { key: keys.secret_key, body: event('site_sql') })
  expect(r.status).toBe(200)
  expect((await sql("SELECT count(*) FROM events WHERE site_id = 'site_sql'")).body.data.rows).toEqual([[51]])
})

test('body is validated', async () => {
  expect(
    (await a.json('POST', '/api/v1/sql', { key: ADMIN_TOKEN, body: { query: 'SELECT 1', evil: 1 } })).status,
  ).toBe(422)
  expect((await sql('SELECT 1', { max_rows: 0 })).status).toBe(422)
  expect((await sql('SELECT 1', { format: 'xml' })).status).toBe(422)
})
