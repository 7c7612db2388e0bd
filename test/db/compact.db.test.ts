// `pulse compact` (src/db/compact.ts): after a delete frees much of the file, DuckDB keeps the file's size;
// compaction gives the space back and keeps every row, and the server starts on the compacted file.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compactDatabase } from '../../src/db/compact'
import { csvRows } from '../../src/events/csv'
import { toRow } from '../../src/ingest/validate'
import { createSite } from '../../src/sites/service'
import { bootOnDir, event, T0 } from '../helpers/app'

const dir = mkdtempSync(join(tmpdir(), 'pulse-compact-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('compaction shrinks a file that deletes freed, keeps every row, and the server starts on it', async () => {
  const a = await bootOnDir(dir)
  await createSite(a.deps, { site_id: 'big' })
  await createSite(a.deps, { site_id: 'small' })
  const rows = Array.from({ length: 50_000 }, (_, i) =>
    event('big', { session_id: `s${i % 5000}`, url: `https://example.com/p/${i}`, timestamp: T0 - 1000 - i }),
  )
  rows.push(event('small'), event('small', { session_id: 'x' }))
  const csv = csvRows(
    rows.map((r) => toRow(r as never, T0)),
    T0,
  )
  await a.deps.events.store.append(
    { chunks: [new TextEncoder().encode(csv)], rows: rows.length },
    { upTo: 1 },
  )
  await a.deps.db.writer.run('CHECKPOINT')
  expect(await a.deps.events.store.deleteEvents({ siteId: 'big', before: T0 - 3000 })).toBe(47_999)
  await a.deps.close()
  const path = join(dir, 'pulse.duckdb')
  const size = statSync(path).size

  const r = await compactDatabase(path)
  expect(r.before).toBeGreaterThanOrEqual(size)
  expect(r.after).toBe(statSync(path).size)
  // The deleted rows took over a megabyte; their blocks go back to the file system.
  expect(size - r.after).toBeGreaterThan(1_000_000)

  const b = await bootOnDir(dir)
  expect(await b.count()).toBe(2003)
  expect(await b.deps.events.store.appliedPosition()).toBe(1)
  const sites = await b.deps.db.reader.runAndReadAll('SELECT site_id FROM sites ORDER BY site_id')
  expect(sites.getRows().map((x) => x[0])).toEqual(['big', 'small'])
  const hours = await b.deps.db.reader.runAndReadAll('SELECT sum(events)::INTEGER FROM session_hours')
  expect(hours.getRows()[0][0]).toBe(2003)
  await b.deps.close()
}, 60_000)
