// Sustained ingest with event ids (issue 9): a real server takes 3M events (300k in quick mode), every
// one with an `event_id` as the tracker and SDK send, from 4 concurrent posters of 1000-event batches.
// Every 250k acknowledged events it samples throughput, the server's RSS and the write-ahead log's size,
// so growth past the event-id index's cap (2M) or an unbounded log shows as a trend, not a hope.
// Also times the event-id index alone at growing fill levels (a 1000-id batch claim) and measures its heap
// at capacity (its share of the RSS budget). RSS is also sampled every 250 ms for the peak.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventIdIndex } from '../../src/events/dedupe'
import { NO_ENRICHMENT } from '../../src/ingest/enrich/fields'
import type { EventRow } from '../../src/ingest/validate'
import { startPulse } from './processes'
import { BENCH_SITE, startPulseTarget } from './pulse-target'

/** Resident set size of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

/** Bytes under a directory (one level: the log's segment files). */
function dirMb(dir: string): number {
  try {
    return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1_048_576
  } catch {
    return 0
  }
}

function batch(start: number, n: number, now: number) {
  return JSON.stringify({
    events: Array.from({ length: n }, (_, i) => ({
      site_id: BENCH_SITE,
      event_type: 'page_view',
      timestamp: now - 1000,
      session_id: `s${(start + i) % 50_000}`,
      url: `https://example.com/p/${(start + i) % 500}`,
      event_id: `evt_${start + i}`,
    })),
  })
}

/** Milliseconds from spawning the server on `dataDir` until it listens (then it is stopped). */
async function timeStart(dataDir: string): Promise<number> {
  const t0 = performance.now()
  const s = await startPulse({ dataDir, adminToken: 'bench-admin-token-0123456789', durability: 'fsync' })
  const ms = performance.now() - t0
  await s.stop()
  return ms
}

/** The event-id index alone: ms per 1000-id claim after `fill` ids. */
function indexCost(fills: number[]): { fill: number; msPer1000: number }[] {
  const ids = new EventIdIndex()
  const row = (id: string): EventRow => ({
    ...NO_ENRICHMENT,
    siteId: 'a',
    eventType: 'x',
    ts: 0,
    sessionId: 's',
    userId: null,
    url: null,
    referrer: null,
    deviceType: null,
    country: null,
    properties: null,
    eventId: id,
  })
  const out: { fill: number; msPer1000: number }[] = []
  let n = 0
  for (const fill of fills) {
    while (n < fill) {
      const rows = Array.from({ length: 1000 }, (_, i) => row(`e${n + i}`))
      ids.claim(rows, 0)
      n += 1000
    }
    const t = performance.now()
    for (let k = 0; k < 20; k++) {
      ids.claim(
        Array.from({ length: 1000 }, (_, i) => row(`e${n + i}`)),
        0,
      )
      n += 1000
    }
    out.push({ fill, msPer1000: (performance.now() - t) / 20 })
  }
  return out
}

/** Heap MB held by the event-id index filled to capacity (2M fingerprints), measured after full GCs. */
function indexHeapMb(): number {
  Bun.gc(true)
  const before = process.memoryUsage().heapUsed
  const ids = new EventIdIndex()
  for (let i = 0; i < ids.capacity; i++) ids.rememberKey(i * 7919, 0)
  Bun.gc(true)
  const mb = (process.memoryUsage().heapUsed - before) / 1_048_576
  if (ids.size === 0) console.log('(empty)')
  return mb
}

/** Run the sustained benchmark and print its table. */
export async function run(opts: { quick?: boolean } = {}): Promise<void> {
  const total = opts.quick ? 300_000 : Number(process.env.PULSE_BENCH_SUSTAINED_EVENTS ?? 3_000_000)
  const every = opts.quick ? 50_000 : total >= 5_000_000 ? 500_000 : 250_000
  console.log('\n## Event-id index alone (1000-id claim)')
  for (const r of indexCost(
    opts.quick
      ? [0, 100_000, 300_000]
      : (process.env.PULSE_BENCH_FILLS ?? '0,1000000,2000000,2100000,3000000').split(',').map(Number),
  ))
    console.log(`  after ${(r.fill / 1e6).toFixed(2)}M ids: ${r.msPer1000.toFixed(2)} ms`)
  console.log(`  heap of the index at capacity (2M fingerprints): ${indexHeapMb().toFixed(0)} MB`)

  console.log(
    `\n## Sustained ingest: ${(total / 1e6).toFixed(1)}M events with event ids, fsync, 4 posters × 1000-event batches`,
  )
  const t = await startPulseTarget('fsync')
  const logDir = join(t.dataDir, 'ingest-log')
  let next = 0
  let acked = 0
  let refused = 0
  const samples: string[] = []
  let windowStart = performance.now()
  let windowAcked = 0
  let maxRss = 0
  let maxLog = 0
  const started = performance.now()
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(t.server.pid))
  }, 250)
  const poster = async () => {
    while (next < total) {
      const start = next
      next += 1000
      const res = await fetch(`${t.server.url}/collect/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
        body: batch(start, 1000, Date.now()),
      })
      await res.arrayBuffer()
      if (res.status !== 200) {
        refused++
        next = Math.min(next, start) // resend later
        await Bun.sleep(20)
        continue
      }
      acked += 1000
      if (acked - windowAcked >= every) {
        const now = performance.now()
        const rate = (acked - windowAcked) / ((now - windowStart) / 1000)
        const rss = rssMb(t.server.pid)
        const log = dirMb(logDir)
        maxRss = Math.max(maxRss, rss)
        maxLog = Math.max(maxLog, log)
        samples.push(
          `  ${(acked / 1e6).toFixed(2)}M acked: ${Math.round(rate).toLocaleString('en')} events/s, RSS ${rss.toFixed(0)} MB, log ${log.toFixed(1)} MB`,
        )
        console.log(samples.at(-1))
        windowStart = now
        windowAcked = acked
      }
    }
  }
  try {
    await Promise.all([poster(), poster(), poster(), poster()])
    clearInterval(sampler)
    const secs = (performance.now() - started) / 1000
    console.log(
      `  total: ${acked.toLocaleString('en')} events in ${secs.toFixed(1)} s (${Math.round(acked / secs).toLocaleString('en')}/s), ${refused} batches refused and resent; peak RSS ${maxRss.toFixed(0)} MB (sampled every 250 ms; goal ≤ 400), peak log ${maxLog.toFixed(1)} MB`,
    )
  } finally {
    clearInterval(sampler)
    const code = await t.server.stop(60_000)
    console.log(`  SIGTERM exit code ${code}`)
    // Start-up must not grow with the event ids of the last day: time a restart on this directory
    // against a start on an empty one, in the same run.
    const empty = mkdtempSync(join(tmpdir(), 'pulse-bench-empty-'))
    console.log(
      `  start-up (exec → listening): empty directory ${(await timeStart(empty)).toFixed(0)} ms, with these ${(acked / 1e6).toFixed(1)}M events ${(await timeStart(t.dataDir)).toFixed(0)} ms`,
    )
    rmSync(empty, { recursive: true, force: true })
    rmSync(t.dataDir, { recursive: true, force: true })
  }
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
