// Large exports through a real HTTP client (curl) against a real server: a data directory seeded with
// `n` events straight into DuckDB (fast: no ingest), each format downloaded in full and its rows counted,
// and SIGTERM in the middle of an export. Used by the export test (small) and test/bench/export-large.ts.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { migrate } from '../../src/db/migrate'
import { fillEventKeys, withPendingKeys } from '../../src/db/rekey'
import { ADMIN, createSiteKey } from '../e2e/faults'

/** Seed `<dataDir>/pulse.duckdb` with `n` page views of site `siteId` (checkpointed, closed). */
export async function seedEvents(dataDir: string, siteId: string, n: number): Promise<void> {
  const instance = await DuckDBInstance.create(join(dataDir, 'pulse.duckdb'))
  const conn = await instance.connect()
  try {
    await migrate(conn)
    const t = Date.now() - 86_400_000
    await conn.run(
      `INSERT INTO events BY NAME ${withPendingKeys(`
         SELECT '${siteId}' AS site_id, 'page_view' AS event_type, ${t} + i AS ts, 's' || (i // 20) AS session_id,
                NULL::VARCHAR AS user_id, NULL::VARCHAR AS visitor_id,
                'https://example.com/page/' || (i % 500) || '?q=' || i AS url, 'desktop' AS device_type,
                ${t} + i AS received_at
         FROM range(${n}) r(i)`)}`,
    )
    // The stored keys are computed in JavaScript (src/events/keys.ts: DuckDB has no XXH64).
    await fillEventKeys(conn, { pendingOnly: true })
    await conn.run('CHECKPOINT')
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** What curl saw of one download. */
export interface Download {
  curlExit: number
  status: number
  bytes: number
  firstByteMs: number
  totalMs: number
  rows: number
  file: string
}

/** Download `url` with curl into a file; rows counted per format (Parquet through DuckDB). */
export async function download(
  url: string,
  key: string,
  format: string,
  opts: { limitRate?: string } = {},
): Promise<Download> {
  const file = join(mkdtempSync(join(tmpdir(), 'pulse-dl-')), `out.${format}`)
  const args = [
    'curl',
    '-sS',
    '-N',
    '-o',
    file,
    '-H',
    `authorization: Bearer ${key}`,
    '-w',
    '%{http_code} %{time_starttransfer} %{time_total}',
  ]
  if (opts.limitRate) args.push('--limit-rate', opts.limitRate)
  const proc = Bun.spawn([...args, url], { stdout: 'pipe', stderr: 'pipe' })
  const out = await new Response(proc.stdout).text()
  const curlExit = await proc.exited
  const [code, first, total] = out.trim().split(' ')
  let bytes = 0
  try {
    bytes = statSync(file).size
  } catch {}
  let rows = -1
  if (curlExit === 0 && code === '200') rows = await countRows(file, format)
  return {
    curlExit,
    status: Number(code),
    bytes,
    firstByteMs: Math.round(Number(first) * 1000),
    totalMs: Math.round(Number(total) * 1000),
    rows,
    file,
  }
}

/** Rows in a downloaded export. */
async function countRows(file: string, format: string): Promise<number> {
  if (format !== 'parquet') {
    let lines = 0
    const reader = Bun.file(file).stream().getReader()
    for (let r = await reader.read(); !r.done; r = await reader.read())
      for (const b of r.value) if (b === 10) lines++
    return format === 'csv' ? lines - 1 : lines
  }
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    const r = await conn.runAndReadAll(`SELECT count(*) FROM read_parquet('${file.replaceAll("'", "''")}')`)
    return Number(r.getRows()[0][0])
  } catch {
    return -2
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

export const exportUrl = (base: string, siteId: string, format: string) =>
  `${base}/api/v1/export?site_id=${siteId}&format=${format}`

/** A fresh data directory with `n` seeded events, and the environment to serve it. */
export async function seededDir(n: number, siteId: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-export-data-'))
  await seedEvents(dir, siteId, n)
  return {
    dir,
    env: { PULSE_DATA_DIR: dir, PULSE_ADMIN_TOKEN: ADMIN, PULSE_RATE_LIMIT_PER_MINUTE: '0' },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export { createSiteKey }
