// POST /api/v1/sql with events in ClickHouse (chDB): the query runs there, one SELECT checked by
// ClickHouse's own parser, capped and time-limited; a hostile catalogue (writes, DDL, settings, FORMAT,
// files, URLs, other servers, several statements) is refused before it runs, with nothing changed and
// the store still writing afterwards (chDB applies a query's settings to its one session: the console
// must change none).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, event, type TestApp } from '../helpers/app'
import { announceLane, CHDB, clickhouseEnv } from './lane'

announceLane()
let a: TestApp
let sk: string

beforeAll(async () => {
  if (!CHDB) return
  a = await createTestApp({ ...clickhouseEnv(), PULSE_QUERY_TIMEOUT_MS: '1000' })
  sk = (await a.site('site_sql')).secret_key
  const events = Array.from({ length: 50 }, (_, i) =>
    event('site_sql', { user_id: `u${i}`, event_type: i % 2 ? 'a' : 'b', session_id: `s${i}` }),
  )
  expect((await a.json('POST', '/collect/batch', { key: sk, body: { events } })).status).toBe(200)
})
afterAll(() => a?.close())

const sql = (query: string, extra: Record<string, unknown> = {}) =>
  a.json('POST', '/api/v1/sql', { key: ADMIN_TOKEN, body: { query, ...extra } })

/** What an attack could change: the events, the tables, the session's settings that matter. */
async function fingerprint(): Promise<string> {
  const r = await sql(`SELECT (SELECT count() FROM events) AS n,
    (SELECT arrayStringConcat(arraySort(groupArray(name)), ',') FROM system.tables WHERE database = currentDatabase()) AS tables,
    (SELECT arrayStringConcat(groupArray(concat(name, '=', value)), ',') FROM system.settings WHERE name IN ('readonly', 'max_result_rows', 'result_overflow_mode')) AS settings`)
  expect(r.status).toBe(200)
  return JSON.stringify(r.body.data.rows)
}

const HOSTILE: [string, string][] = [
  ['insert', "INSERT INTO events (site_id) VALUES ('x')"],
  ['insert select', 'INSERT INTO events SELECT * FROM events'],
  ['delete', 'DELETE FROM events WHERE 1'],
  ['alter delete', 'ALTER TABLE events DELETE WHERE 1'],
  ['create', 'CREATE TABLE evil (a UInt8) ENGINE = Memory'],
  ['drop', 'DROP TABLE events'],
  ['truncate', 'TRUNCATE TABLE events'],
  ['rename', 'RENAME TABLE events TO gone'],
  ['optimize', 'OPTIMIZE TABLE events FINAL'],
  ['system', 'SYSTEM DROP MARK CACHE'],
  ['kill', 'KILL QUERY WHERE 1'],
  ['set', 'SET readonly = 1'],
  ['settings clause', "SELECT 1 SETTINGS max_result_rows = 1, result_overflow_mode = 'break'"],
  ['format clause', 'SELECT 1 FORMAT TabSeparated'],
  ['into outfile', "SELECT 1 INTO OUTFILE '/tmp/pulse-evil.txt'"],
  ['file table function', "SELECT * FROM file('/etc/passwd', 'LineAsString')"],
  ['file scalar', "SELECT file('/etc/hostname')"],
  ['url', "SELECT * FROM url('http://127.0.0.1:9/x', 'CSV', 'a String')"],
  ['s3', "SELECT * FROM s3('http://127.0.0.1:9/b/x.csv', 'CSV', 'a String')"],
  ['remote', "SELECT * FROM remote('127.0.0.1:9000', system.one)"],
  ['mysql', "SELECT * FROM mysql('127.0.0.1:3306', 'db', 't', 'u', 'p')"],
  ['executable', "SELECT * FROM executable('evil.sh', 'TSV', 'a String')"],
  [
    'file in a subquery',
    "SELECT * FROM events WHERE site_id IN (SELECT * FROM file('/etc/passwd', 'LineAsString'))",
  ],
  ['url in a CTE', "WITH x AS (SELECT * FROM url('http://127.0.0.1:9/', 'CSV', 'a String')) SELECT * FROM x"],
  ['merge', "SELECT * FROM merge(currentDatabase(), '.*')"],
  ['two statements', 'SELECT 1; DROP TABLE events'],
  ['string hides semicolon', "SELECT ';'; DROP TABLE events"],
  ['comment hides semicolon', 'SELECT 1 /* ; */; DROP TABLE events'],
  ['explain', 'EXPLAIN SELECT 1'],
  ['show', 'SHOW TABLES'],
  ['empty', '   '],
  ['only comment', '-- nothing'],
  ['does not parse', 'SELEC 1'],
]

describe.skipIf(!CHDB)('SQL console on ClickHouse', () => {
  test('answers one SELECT as JSON and CSV with ClickHouse types, and caps rows', async () => {
    const r = await sql(
      "SELECT event_type, count() AS n FROM events WHERE site_id = 'site_sql' GROUP BY 1 ORDER BY 1",
    )
    expect(r.status).toBe(200)
    expect(r.body.data.columns).toEqual([
      { name: 'event_type', type: 'String' },
      { name: 'n', type: 'UInt64' },
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
      body: { query: 'SELECT number AS x FROM numbers(3) UNION ALL SELECT 7', format: 'csv' },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect((await csv.text()).split('\r\n').filter(Boolean).sort()).toEqual(['0', '1', '2', '7', 'x'])
  })

  test.each(HOSTILE)('refused before it runs: %s', async (_name, query) => {
    const before = await fingerprint()
    const r = await sql(query)
    expect(r.status).toBe(422)
    expect(r.body.success).toBe(false)
    expect(await fingerprint()).toBe(before)
  })

  test('a long query is stopped by the time limit (503); the store still writes and reads afterwards', async () => {
    const r = await sql('SELECT count() FROM numbers(100000000000) a, numbers(100000000000) b')
    expect(r.status).toBe(503)
    expect(r.body.error).toContain('PULSE_QUERY_TIMEOUT_MS')
    const more = await a.json('POST', '/collect', {
      key: sk,
      body: event('site_sql', { session_id: 'later' }),
    })
    expect(more.status).toBe(200)
    expect((await sql("SELECT count() FROM events WHERE site_id = 'site_sql'")).body.data.rows).toEqual([
      [51],
    ])
    const stats = await a.json('GET', '/api/v1/stats?site_id=site_sql&period=24h&metrics=event_count', {
      key: sk,
    })
    expect(stats.status).toBe(200)
  })
})
