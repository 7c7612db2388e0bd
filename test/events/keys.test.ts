// The one definition of the stored keys (src/events/keys.ts): XXH64, seed 0, of the UTF-8 text. Checked
// against the reference vectors of the XXH64 specification (xxhash.com; ClickHouse's `xxHash64` gives the
// same), in the CSV the encoder writes, in version-3 log records upgraded on replay, and: no DuckDB SQL in
// src/ computes a stored key (DuckDB has no XXH64; `keySql` is MD5 and only for session_hours.user_key).
import { describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REKEY_COLUMNS } from '../../src/db/rekey'
import { csvRows } from '../../src/events/csv'
import { appendKeysToCsv } from '../../src/events/csv-upgrade'
import type { EventRow } from '../../src/events/fields'
import { EVENT_KEYS, textKey } from '../../src/events/keys'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'

/** Reference XXH64 values (seed 0) from the xxHash sources' sanity checks and ClickHouse `xxHash64`. */
const VECTORS: [string, bigint][] = [
  ['', 0xef46db3751d8e999n],
  ['a', 0xd24ec4f1a98c6e5bn],
  ['abc', 0x44bc2cf5ad770999n],
]

const row = (r: Partial<EventRow>): EventRow =>
  ({
    ...NO_ENRICHMENT,
    siteId: 'site_a',
    eventType: 'page_view',
    ts: 1,
    sessionId: 's',
    userId: null,
    url: null,
    referrer: null,
    deviceType: null,
    country: null,
    properties: null,
    eventId: null,
    visitorId: null,
    ...r,
  }) as EventRow

describe('stored keys', () => {
  test('are XXH64 with seed 0 of the UTF-8 text', () => {
    for (const [text, key] of VECTORS) expect(textKey(text)).toBe(key)
    expect(textKey(null)).toBeNull()
    // Non-ASCII text is hashed as its UTF-8 bytes.
    expect(textKey('é/ü')).toBe(Bun.hash.xxHash64(new TextEncoder().encode('é/ü')))
  })

  test('travel as the last three CSV columns: session, visitor (user, else visitor id, else session), url', () => {
    const rows = [
      row({ sessionId: 'abc', userId: 'a', visitorId: 'v', url: '' }),
      row({ sessionId: 's,"x"', visitorId: 'v' }),
      row({ sessionId: 'a' }),
    ]
    const lines = csvRows(rows, 5).split('\n').slice(0, 3)
    const tail = (l: string) => l.split(',').slice(-3)
    expect(tail(lines[0])).toEqual([String(VECTORS[2][1]), String(VECTORS[1][1]), String(VECTORS[0][1])])
    expect(tail(lines[1])).toEqual([String(textKey('s,"x"')), String(textKey('v')), ''])
    expect(tail(lines[2])).toEqual([String(VECTORS[1][1]), String(VECTORS[1][1]), ''])
  })

  test('version-3 lines (fields only) get the same keys on replay', () => {
    const rows = [
      row({ sessionId: 's,"x"\n', userId: '', visitorId: 'v', url: '/a,"b"' }),
      row({ sessionId: 'a', properties: '{"k":"v,\\"w\\""}', referrer: '' }),
      row({ sessionId: 'b', visitorId: 'v2', url: 'https://e.com/é' }),
    ]
    const keyed = csvRows(rows, 7)
    const fieldsOnly = keyed.replace(/,\d*,\d*,\d*\n/g, '\n')
    expect(new TextDecoder().decode(appendKeysToCsv(new TextEncoder().encode(fieldsOnly)))).toBe(keyed)
  })

  test('the re-keying of rows written in SQL (src/db/rekey.ts) restates the same definition', () => {
    expect(REKEY_COLUMNS.map(({ column, text }) => ({ column, text }))).toEqual(
      EVENT_KEYS.map(({ column, text }) => ({ column, text })),
    )
  })

  test('no DuckDB SQL in src/ computes a stored key', () => {
    const root = join(import.meta.dir, '..', '..', 'src')
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ts$/.test(f) && !f.startsWith('db/migrations/') && !f.includes('clickhouse'))
      .filter((f) =>
        /(md5_number_lower|keySql|\.key)\([^)]*\b(session_id|visitor_id|url)\b/.test(
          readFileSync(join(root, f), 'utf8'),
        ),
      )
    expect(offenders).toEqual([])
  })
})
