// Durable batch ingest and log replay (issue 13, parts 3–5) against the real server in fsync mode:
// 4 posters of 1000-event batches (realistic events, unique event ids), with the server's RSS sampled
// every 250 ms; then a kill -9 with 500k events acknowledged but not yet in DuckDB, and the replay timed
// as start-up on that directory minus start-up on an empty one. Ceilings measured in the same run: the
// raw appender (the previous writer) and the CSV bulk load (the current one) on the same rows,
// in-process into an on-disk file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { makeEvents } from './events'
import { startPulse } from './processes'
import { BENCH_SITE, startPulseTarget } from './pulse-target'
import { fixed, formatTable, int } from './table'
import { WRITE_METHODS } from './write-methods'
import { benchBatches, measureWrite } from './writes'

const ADMIN = 'bench-admin-token-0123456789'

/** Resident set size of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** Bytes of the files directly in a directory, in MB. */
export function dirMb(dir: string): number {
  try {
    return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1_048_576
  } catch {
    return 0
  }
}

/** 16 bodies of 1000 realistic events; `@@` in each event id is replaced per batch, so ids are unique. */
function bodyTemplates(now: number): string[] {
  return Array.from({ length: 16 }, (_, t) =>
    JSON.stringify({
      events: makeEvents(1000, { siteId: BENCH_SITE, now, seed: t + 1 }).map((e, i) => ({
        ...e,
        event_id: `b@@_${i}`,
      })),
    }),
  )
}

/** Post `total` events as 1000-event batches from `posters` concurrent posters; resends refused batches. */
export async function postBatches(opts: {
  url: string
  key: string
  total: number
  posters: number
  idPrefix: string
  onAck?: (acked: number) => void
}): Promise<{ acked: number; refused: number; seconds: number }> {
  const templates = bodyTemplates(Date.now())
  let next = 0
  let acked = 0
  let refused = 0
  const started = performance.now()
  const poster = async () => {
    while (next < opts.total) {
      const batchNo = next / 1000
      next += 1000
      const body = templates[batchNo % 16].replaceAll('@@', `${opts.idPrefix}${batchNo}`)
      for (;;) {
        const res = await fetch(`${opts.url}/collect/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
          body,
        })
        await res.arrayBuffer()
        if (res.status === 200) break
        refused++
        await Bun.sleep(20)
      }
      acked += 1000
      opts.onAck?.(acked)
    }
  }
  await Promise.all(Array.from({ length: opts.posters }, poster))
  return { acked, refused, seconds: (performance.now() - started) / 1000 }
}

async function countStored(dataDir: string): Promise<{ n: number; ids: number }> {
  const db = await openDatabase(join(dataDir, 'pulse.duckdb'))
  try {
    const [r] = await queryRows<{ n: number; ids: number }>(
      db.reader,
      'SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM events WHERE site_id = $1',
      [BENCH_SITE],
    )
    return r
  } finally {
    db.close()
  }
}

async function timeStart(dataDir: string, env?: Record<string, string>): Promise<number> {
  const t0 = performance.now()
  const s = await startPulse({ dataDir, adminToken: ADMIN, durability: 'fsync', env })
  const ms = performance.now() - t0
  await s.stop(120_000)
  return ms
}

/** Run the batch-load and replay benchmark; prints its table. */
export async function run(opts: { quick?: boolean } = {}): Promise<void> {
  const total = opts.quick ? 200_000 : Number(process.env.PULSE_BENCH_BATCH_EVENTS ?? 2_000_000)
  const replayEvents = opts.quick ? 100_000 : Number(process.env.PULSE_BENCH_REPLAY_EVENTS ?? 500_000)

  // Ceilings: the same kind of rows written in-process by the raw appender and by the CSV bulk load.
  const ceilingRows = opts.quick ? 50_000 : 200_000
  const batches = benchBatches({ rows: ceilingRows, batchRows: 50_000, now: Date.now() })
  const rate = async (name: string) => {
    const r = await measureWrite(WRITE_METHODS.find((m) => m.name === name)!, batches)
    return ceilingRows / r.seconds
  }
  const appenderRate = await rate('appender')
  const csvRate = await rate('csv-load')
  const copyRate = await rate('copy-bare')

  console.log(`\n## Durable batch ingest: ${int(total)} events, fsync, 4 posters × 1000-event batches`)
  const t = await startPulseTarget('fsync')
  type Memory = { rss_mb: number; js_heap_mb: number; js_external_mb: number }
  const samples: { acked: number; at: number; rss: number; log: number; memory?: Memory }[] = []
  const loadStart = performance.now()
  // The server's own split of its memory (admin /health), to tell the JavaScript heap from DuckDB.
  const memoryOf = async (sample: (typeof samples)[number]) => {
    const res = await fetch(`${t.server.url}/health`, { headers: { authorization: `Bearer ${ADMIN}` } })
    sample.memory = ((await res.json()) as { details: { memory?: Memory } }).details.memory
  }
  let peakRss = 0
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(t.server.pid))
  }, 250)
  let load: Awaited<ReturnType<typeof postBatches>>
  try {
    load = await postBatches({
      url: t.server.url,
      key: t.key,
      total,
      posters: 4,
      idPrefix: 'load',
      onAck: (acked) => {
        if (acked % 250_000 !== 0) return
        const sample = {
          acked,
          at: performance.now(),
          rss: rssMb(t.server.pid),
          log: dirMb(join(t.dataDir, 'ingest-log')),
        }
        samples.push(sample)
        memoryOf(sample).catch(() => undefined)
      },
    })
  } finally {
    clearInterval(sampler)
    await t.server.stop(120_000)
  }
  const stored = await countStored(t.dataDir)
  rmSync(t.dataDir, { recursive: true, force: true })
  const ingestRate = load.acked / load.seconds
  // The rate of each window between samples shows whether throughput stays flat as the table grows.
  samples.forEach((s, i) => {
    const prev = i === 0 ? { acked: 0, at: loadStart } : samples[i - 1]
    const rate = (s.acked - prev.acked) / ((s.at - prev.at) / 1000)
    console.log(
      `  ${fixed(s.acked / 1e6, 2)}M acked: ${int(rate)} ev/s since the last line; RSS ${int(s.rss)} MB (JS heap ${s.memory?.js_heap_mb ?? '?'}, JS external ${s.memory?.js_external_mb ?? '?'}), log ${fixed(s.log, 1)} MB`,
    )
  })
  console.log(
    `  ${int(load.acked)} acknowledged in ${fixed(load.seconds, 1)} s, ${load.refused} batches refused (503) and resent; stored ${int(stored.n)} (${int(stored.ids)} distinct ids); peak RSS ${int(peakRss)} MB`,
  )

  console.log(`\n## Replay after kill -9: ${int(replayEvents)} events acknowledged, none flushed`)
  const noFlush = {
    PULSE_FLUSH_MAX_ROWS: '10000000',
    PULSE_MAX_BUFFER_ROWS: '10000000',
    PULSE_FLUSH_INTERVAL_MS: '3600000',
    PULSE_MAX_BUFFER_MB: '1024',
  }
  const empty = mkdtempSync(join(tmpdir(), 'pulse-bench-empty-'))
  let replay: { ms: number; emptyMs: number; stored: { n: number; ids: number } }
  try {
    // A directory with the benchmark site, then a server on it with flushing effectively off.
    const s = await startPulseTarget('fsync')
    await s.server.stop()
    const dir = s.dataDir
    const server = await startPulse({ dataDir: dir, adminToken: ADMIN, durability: 'fsync', env: noFlush })
    await postBatches({ url: server.url, key: s.key, total: replayEvents, posters: 4, idPrefix: 'replay' })
    process.kill(server.pid, 'SIGKILL')
    await server.stop()
    const ms = await timeStart(dir)
    const emptyMs = await timeStart(empty)
    replay = { ms, emptyMs, stored: await countStored(dir) }
    rmSync(dir, { recursive: true, force: true })
  } finally {
    rmSync(empty, { recursive: true, force: true })
  }
  const replayRate = replayEvents / ((replay.ms - replay.emptyMs) / 1000)
  console.log(
    `  start-up with the log ${int(replay.ms)} ms, on an empty directory ${int(replay.emptyMs)} ms; stored afterwards ${int(replay.stored.n)} (${int(replay.stored.ids)} distinct ids) of ${int(replayEvents)}`,
  )

  console.log(
    `\n${formatTable(
      ['figure', 'measured', 'goal', 'ceiling (same run)', 'ratio'],
      [
        [
          'durable batch ingest, events/s',
          int(ingestRate),
          '≥ 150,000 and ≥ 0.3× COPY',
          `COPY of the same CSV into a bare table ${int(copyRate)}/s`,
          `${fixed(ingestRate / copyRate, 2)}×`,
        ],
        ['', '', '', `raw appender ${int(appenderRate)}/s`, `${fixed(ingestRate / appenderRate, 2)}×`],
        ['', '', '', `CSV bulk load alone ${int(csvRate)}/s`, `${fixed(ingestRate / csvRate, 2)}×`],
        ['peak RSS during the load, MB', int(peakRss), '≤ 500', '–', '–'],
        ['503 answers (resent)', int(load.refused), '0 unless the disk or DuckDB cannot keep up', '–', '–'],
        [
          'log replay, events/s',
          int(replayRate),
          '≥ 300,000',
          `CSV bulk load alone ${int(csvRate)}/s`,
          `${fixed(replayRate / csvRate, 2)}×`,
        ],
      ],
    )}`,
  )
}

if (import.meta.main) await run({ quick: process.argv.includes('--quick') })
