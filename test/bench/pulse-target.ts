// The real server as a benchmark target: start it in a temp data directory, create the benchmark site,
// count stored events through the stats API (which flushes the buffer first), and after SIGTERM count
// them again with SQL on the database file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { type ServerProcess, startPulse } from './processes'

export const BENCH_SITE = 'site_bench'
/** The admin token of the benchmark server. */
export const ADMIN = 'bench-admin-token-0123456789'

/** A running PULSE server with the benchmark site's secret key. */
export interface PulseTarget {
  durability: string
  server: ServerProcess
  key: string
  dataDir: string
}

/** What the end-of-run check found. */
export interface StoredCheck {
  storedAfterStop: number
  distinctIds: number
  exitCode: number | null
}

/** Start the server in `durability` mode (from source tree `root`, default this one) and create the benchmark site. */
export async function startPulseTarget(
  durability: string,
  profileDir?: string,
  root?: string,
): Promise<PulseTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-ingest-'))
  const server = await startPulse({ dataDir, adminToken: ADMIN, durability, profileDir, root })
  const res = await fetch(`${server.url}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: BENCH_SITE, name: 'Benchmark' }),
  })
  if (res.status !== 201) {
    await server.stop()
    throw new Error(`creating the benchmark site answered ${res.status}: ${await res.text()}`)
  }
  const key = ((await res.json()) as { data: { secret_key: string } }).data.secret_key
  return { durability, server, key, dataDir }
}

/**
 * Event count (period 1h) from the stats API, which flushes the buffer before reading; NaN (after
 * waiting for /health to show an empty buffer) if the stats API fails.
 */
export async function countViaStats(t: PulseTarget): Promise<number> {
  const res = await fetch(`${t.server.url}/api/v1/stats?site_id=${BENCH_SITE}&metric=event_count&period=1h`, {
    headers: { authorization: `Bearer ${t.key}` },
  })
  const text = await res.text()
  if (res.status === 200) return (JSON.parse(text) as { data: { value: number } }).data.value
  console.warn(
    `stats API answered ${res.status} (${text.slice(0, 200)}); waiting for an empty buffer instead`,
  )
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const res = await fetch(`${t.server.url}/health`, { headers: { authorization: `Bearer ${ADMIN}` } })
    const h = (await res.json()) as { details?: { buffer_depth?: number } }
    if (h.details?.buffer_depth === 0) return Number.NaN
    await Bun.sleep(10)
  }
  throw new Error('the ingest buffer did not drain within 60 s')
}

/** Stop the server with SIGTERM, count its events with SQL on the file, delete the data directory. */
export async function stopAndCount(t: PulseTarget): Promise<StoredCheck> {
  const exitCode = await t.server.stop()
  try {
    const db = await openDatabase(join(t.dataDir, 'pulse.duckdb'))
    try {
      const [row] = await queryRows<{ n: number; ids: number }>(
        db.reader,
        'SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM events WHERE site_id = $1',
        [BENCH_SITE],
      )
      return { storedAfterStop: row.n, distinctIds: row.ids, exitCode }
    } finally {
      db.close()
    }
  } finally {
    rmSync(t.dataDir, { recursive: true, force: true })
  }
}
