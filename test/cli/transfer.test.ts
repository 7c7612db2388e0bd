// `importFile` cutting files into parts: with tiny parts every fixture gives the counts of a one-part
// import, CSV records that span lines are never cut, the header goes with every part, issue line numbers
// are the file's, and a second run stores nothing.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AdminOps } from '../../src/cli/admin-ops'
import { cutPoint, importFile } from '../../src/cli/transfer'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const FIXTURES = join(import.meta.dir, '../fixtures/import')
let h: TestApp
let ops: AdminOps
beforeAll(async () => {
  h = await createTestApp()
  await h.site('parts')
  ops = {
    via: 'database',
    request: (method, path, body, headers) =>
      h.app.handle(
        new Request(`http://localhost${path}`, {
          method,
          body,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
        }),
      ),
  } as AdminOps
})
afterAll(() => h.close())

describe('importFile in parts', () => {
  test('cutPoint: the last line end, outside CSV quotes', () => {
    const b = new TextEncoder().encode('a,"x\ny"\nb,c\nd')
    expect(cutPoint(b, b.length, false)).toBe(12)
    expect(cutPoint(b, 6, true)).toBe(-1)
    expect(cutPoint(b, b.length, true)).toBe(12)
    expect(cutPoint(b, 9, true)).toBe(8)
  })

  for (const [file, source, counts, partBytes] of [
    ['umami-website_event.csv', 'umami', { imported: 9, skipped: 1, invalid: 1 }, 700],
    ['ga4-events.ndjson', 'ga4', { imported: 7, invalid: 1 }, 800],
    ['nginx-access.log', 'combined', { imported: 7, invalid: 1, ignored: 3 }, 400],
    ['caddy-access.log', 'caddy', { imported: 4, ignored: 1 }, 500],
  ] as const)
    test(`${source} in parts of ${partBytes} bytes`, async () => {
      const path = join(FIXTURES, file)
      const parts: number[] = []
      const counting: AdminOps = {
        ...ops,
        request: (m, p, body, headers) => {
          parts.push(1)
          return ops.request(m, p, body, headers)
        },
      }
      const first = await importFile(counting, path, { source, siteId: 'parts', partBytes })
      expect(parts.length).toBeGreaterThan(2)
      expect(first).toMatchObject(counts)
      const again = await importFile(ops, path, { source, siteId: 'parts', partBytes })
      expect(again.imported).toBe(0)
      const list = (await h.json('GET', '/api/v1/admin/imports', { key: ADMIN_TOKEN })).body.data
      expect(list.find((r: { import_id: string }) => r.import_id === first.import_id)).toMatchObject(counts)
    })

  test('issue line numbers are the file’s; a line longer than a part is refused', async () => {
    const r = await importFile(ops, join(FIXTURES, 'umami-website_event.csv'), {
      source: 'umami',
      siteId: 'parts',
      partBytes: 700,
      dryRun: true,
    })
    expect(r.issues).toEqual([{ line: 13, message: 'created_at is not a date: yesterday' }])
    const long = join(mkdtempSync(join(tmpdir(), 'pulse-parts-')), 'long.log')
    writeFileSync(long, `${'x'.repeat(300)}\n`)
    expect(importFile(ops, long, { source: 'combined', siteId: 'parts', partBytes: 100 })).rejects.toThrow(
      'longer than 100 bytes',
    )
  })
})
