// Focused micro-benchmark of the ingest hot path over 200k events: validate → CSV lines → WAL encode
// (and decode) → CSV bulk load, each stage timed on its own. Uses only the public functions of those modules,
// so the same script times two checkouts of the code side by side:
//   bun test/bench/hot-path.ts [rounds]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../src/db/migrate'
import { openDatabase } from '../../src/db/open'
import { csvRows } from '../../src/events/csv'
import { decodeSegment, encodeRecord } from '../../src/events/wal-format'
import { type EventRow, validateEvent } from '../../src/ingest/validate'
import { appendRows } from '../helpers/append-events'
import { makeEvents } from './events'

const N = Number(process.env.PULSE_BENCH_HOT_ROWS) || 200_000
const BATCH = 1000
const now = Date.now()
const events = makeEvents(N, { siteId: 'site', now, sites: 20 }).map((e, i) => ({
  ...e,
  event_id: `evt_${i}`,
}))

async function round(): Promise<Record<string, number>> {
  const t: Record<string, number> = {}
  let t0 = performance.now()
  const rows: EventRow[] = []
  for (const e of events) {
    const v = validateEvent(e, { now, maxEventAgeDays: 30 })
    if (v.ok) rows.push(v.row)
  }
  t.validate = performance.now() - t0
  t0 = performance.now()
  let csvBytes = 0
  for (let i = 0; i < rows.length; i += BATCH) csvBytes += csvRows(rows.slice(i, i + BATCH), now).length
  t.csv = performance.now() - t0
  if (csvBytes === 0) throw new Error('no CSV written')
  t0 = performance.now()
  const records: Uint8Array[] = []
  for (let i = 0; i < rows.length; i += BATCH) records.push(encodeRecord(i, now, rows.slice(i, i + BATCH)))
  t.walEncode = performance.now() - t0
  const all = Buffer.concat(records)
  t0 = performance.now()
  const decoded = decodeSegment(all)
  t.walDecode = performance.now() - t0
  if (decoded.records.length !== records.length) throw new Error('decode lost records')
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-hot-'))
  const db = await openDatabase(join(dir, 'hot.duckdb'))
  try {
    await migrate(db.writer)
    t0 = performance.now()
    await appendRows(db, rows, now)
    t.append = performance.now() - t0
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  t.total = t.validate + t.csv + t.walEncode + t.walDecode + t.append
  return t
}

const rounds = Number(process.argv[2]) || 3
const best: Record<string, number> = {}
for (let r = 0; r < rounds; r++) {
  Bun.gc(true)
  const t = await round()
  for (const [k, v] of Object.entries(t)) best[k] = Math.min(best[k] ?? Infinity, v)
}
console.log(
  JSON.stringify({
    rows: N,
    bestMs: Object.fromEntries(Object.entries(best).map(([k, v]) => [k, Math.round(v)])),
    eventsPerSec: Math.round(N / (best.total / 1000)),
  }),
)
process.exit(0)
