// Imports into ClickHouse (chDB): the counts of each fixture as on DuckDB, a second run that stores nothing
// (the event fingerprints already stored are looked up in ClickHouse, not in the node's DuckDB file, which
// holds no events there), a dry run that stores nothing, and deleting an import by its id.
import { afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'
import { announceLane, CHDB, clickhouseEnv } from './lane'

announceLane()

const FIXTURES = join(import.meta.dir, '../fixtures/import')

const CASES = [
  { source: 'umami', file: 'umami-website_event.csv', imported: 9, skipped: 1, invalid: 1 },
  { source: 'ga4', file: 'ga4-events.ndjson', imported: 7, skipped: 0, invalid: 1 },
] as const

let h: TestApp
beforeEach(async () => {
  if (!CHDB) return
  h = await createTestApp(clickhouseEnv())
  await h.site('imported')
})
afterEach(() => h?.close())

async function importFile(source: string, file: string, extra = '') {
  const res = await h.json(
    'POST',
    `/api/v1/admin/imports?source=${source}&site_id=imported&file_name=${file}${extra}`,
    {
      key: ADMIN_TOKEN,
      body: readFileSync(join(FIXTURES, file), 'utf8'),
      headers: { 'content-type': 'text/plain' },
    },
  )
  expect(res.status).toBe(200)
  return res.body.data
}

const countEvents = async () =>
  Number(
    (
      await h.deps.events.store.read('test', (r) => r.rows<{ n: number }>('SELECT count() AS n FROM events'))
    )[0].n,
  )

describe.skipIf(!CHDB)('imports on ClickHouse', () => {
  for (const c of CASES)
    test(`${c.source}: counts, a second run and a dry run store nothing, delete by id`, async () => {
      const first = await importFile(c.source, c.file)
      expect(first).toMatchObject({ imported: c.imported, skipped: c.skipped, invalid: c.invalid })
      expect(await countEvents()).toBe(c.imported)
      const dry = await importFile(c.source, c.file, '&dry_run=true')
      expect(dry).toMatchObject({ dry_run: true, imported: 0, skipped: c.imported + c.skipped })
      const again = await importFile(c.source, c.file)
      expect(again).toMatchObject({ imported: 0, skipped: c.imported + c.skipped, invalid: c.invalid })
      expect(await countEvents()).toBe(c.imported)
      const del = await h.json('DELETE', `/api/v1/admin/imports/${first.import_id}`, { key: ADMIN_TOKEN })
      expect(del.status).toBe(200)
      expect(await countEvents()).toBe(0)
    })
})
